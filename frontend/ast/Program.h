//===- Program.h - A loaded and checked omen program ------------------------===//
//
// What the frontend hands to the IR: every loaded module (imports first), the consts and
// functions of all of them (one global namespace), and every scenario with `extends`
// flattened into its own copy of the members, resolved and typed in that scenario.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/ast/Decl.h"

namespace omen::ast {

/// A scenario after `extends`: the base's members (cloned), those the scenario redeclares
/// replaced in place, then its new members in order.
struct Scenario {
  std::string name;
  const ScenarioDecl* decl = nullptr;
  std::vector<std::string> bases;  ///< the extends chain, nearest first
  std::vector<MemberPtr> members;
  /// The base's correlations, then this scenario's (a derived pair replaces the base's).
  std::vector<Correlation> correlations;

  // Views of `members` by kind, in order (filled in by sema).
  std::vector<ParamDecl*> params;
  std::vector<StateDecl*> states;
  std::vector<EventDecl*> events;
  std::vector<PhaseDecl*> phases;
  std::vector<ReportDecl*> reports;
};

struct Program {
  std::vector<std::unique_ptr<Module>> modules;  ///< imports before the files that import them
  FileId mainFile = 0;
  std::vector<const ConstDecl*> consts;     ///< in an order where each follows its dependencies
  std::vector<const FnDecl*> functions;
  std::vector<std::unique_ptr<Scenario>> scenarios;  ///< those of the main file, in order

  const Scenario* findScenario(const std::string& name) const {
    for (const auto& s : scenarios)
      if (s->name == name) return s.get();
    return nullptr;
  }
};

}  // namespace omen::ast
