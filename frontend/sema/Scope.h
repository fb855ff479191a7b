//===- Scope.h - What a name means where it stands --------------------------===//
//
// Three layers, innermost first: block-local lets and function arguments, the scenario's
// params/states/events, and the global consts and functions. Nothing may shadow anything
// (see docs/reference.md), so lookup order only matters for error recovery.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "frontend/ast/NamedDecl.h"

namespace omen::sema {

using NameTable = std::unordered_map<std::string, ast::NamedDecl*>;

class Scope {
 public:
  Scope(const NameTable& globals, const NameTable* members)
      : globals_(globals), members_(members) {}

  void push() { blocks_.emplace_back(); }
  void pop() { blocks_.pop_back(); }
  void declare(ast::NamedDecl* d) { blocks_.back().push_back(d); }

  ast::NamedDecl* lookup(const std::string& name) const {
    for (auto b = blocks_.rbegin(); b != blocks_.rend(); ++b)
      for (ast::NamedDecl* d : *b)
        if (d->name == name) return d;
    if (members_)
      if (auto it = members_->find(name); it != members_->end()) return it->second;
    if (auto it = globals_.find(name); it != globals_.end()) return it->second;
    return nullptr;
  }

  /// The block-local declarations in scope here, outermost first.
  std::vector<const ast::NamedDecl*> locals() const {
    std::vector<const ast::NamedDecl*> out;
    for (const auto& b : blocks_) out.insert(out.end(), b.begin(), b.end());
    return out;
  }

  /// Names a value could be looked up by here, sorted (for "did you mean").
  std::vector<std::string> valueNames() const {
    std::vector<std::string> names;
    for (const auto& b : blocks_)
      for (const ast::NamedDecl* d : b) names.push_back(d->name);
    if (members_)
      for (const auto& [name, d] : *members_) names.push_back(name);
    for (const auto& [name, d] : globals_)
      if (d->declKind != ast::DeclKind::Fn) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
  }

  /// Scenario members of one kind, sorted (for "did you mean" on events and states).
  std::vector<std::string> memberNames(ast::DeclKind kind) const {
    std::vector<std::string> names;
    if (members_)
      for (const auto& [name, d] : *members_)
        if (d->declKind == kind) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  const NameTable& globals_;
  const NameTable* members_;
  std::vector<std::vector<ast::NamedDecl*>> blocks_;
};

}  // namespace omen::sema
