//===- Declarations.cpp - The global namespace and what each name may be ----===//
//
// Collects consts and functions of every loaded file into one namespace and checks each
// declared name once, where it is written: duplicates (with a note at the first), reserved
// names, functions named like builtins, and scenario members or arguments that would hide a
// global. Flattened copies of scenarios are checked later, so a mistake in a base scenario
// is reported once, not once per derived scenario.
//
//===----------------------------------------------------------------------===//
#include <map>

#include "frontend/sema/Members.h"
#include "frontend/sema/SemaContext.h"
#include "core/Builtins.h"

namespace omen::sema {

namespace {

class Declarations {
 public:
  explicit Declarations(Context& ctx) : ctx_(ctx) {}

  void run() {
    for (auto& module : ctx_.program.modules)
      for (ast::TopDeclPtr& decl : module->decls) declareGlobal(*decl);
    for (auto& module : ctx_.program.modules)
      for (ast::TopDeclPtr& decl : module->decls) {
        if (auto* fn = dyn_cast<ast::FnDecl>(decl.get())) checkArgs(*fn);
        if (auto* scenario = dyn_cast<ast::ScenarioDecl>(decl.get())) checkScenario(*scenario);
      }
  }

 private:
  bool checkReserved(const std::string& name, SourceRange range, const char* what) {
    if (!isReservedName(name)) return true;
    ctx_.error(range, "'" + name + "' is a reserved name and cannot name " + std::string(what));
    return false;
  }

  void declareGlobal(ast::TopDecl& decl) {
    ast::NamedDecl* named = nullptr;
    if (auto* c = dyn_cast<ast::ConstDecl>(&decl)) {
      named = c;
      ctx_.consts.push_back(c);
    } else if (auto* f = dyn_cast<ast::FnDecl>(&decl)) {
      named = f;
      ctx_.functions.push_back(f);
      if (findBuiltin(f->name)) {
        ctx_.error(f->nameRange,
                   "'" + f->name + "' is a builtin function; give your function another name");
        return;
      }
    } else if (auto* s = dyn_cast<ast::ScenarioDecl>(&decl)) {
      auto [it, inserted] = ctx_.scenarioDecls.emplace(s->name, s);
      if (!inserted) {
        ctx_.error(s->nameRange, "duplicate scenario '" + s->name + "'");
        ctx_.note(it->second->nameRange, "previous declaration is here");
      }
      return;
    } else {
      return;
    }
    if (!checkReserved(named->name, named->nameRange, "a declaration")) return;
    auto [it, inserted] = ctx_.globals.emplace(named->name, named);
    if (!inserted) {
      ctx_.error(named->nameRange, "duplicate declaration of '" + named->name + "' (already " +
                                       aKind(it->second->declKind) + ")");
      ctx_.note(it->second->nameRange, "previous declaration is here");
    }
  }

  /// A local name may not hide a global one: shadowing silently changes what a formula means.
  bool checkNotGlobal(const ast::NamedDecl& d, const char* what) {
    auto it = ctx_.globals.find(d.name);
    if (it == ctx_.globals.end()) return true;
    ctx_.error(d.nameRange, std::string(what) + " '" + d.name + "' reuses the name of " +
                                aKind(it->second->declKind) + "; names may not be shadowed");
    ctx_.note(it->second->nameRange, "previous declaration is here");
    return false;
  }

  void checkArgs(ast::FnDecl& fn) {
    std::map<std::string, const ast::FnArgDecl*> seen;
    for (auto& arg : fn.args) {
      if (!checkReserved(arg->name, arg->nameRange, "an argument")) continue;
      if (!checkNotGlobal(*arg, "argument")) continue;
      auto [it, inserted] = seen.emplace(arg->name, arg.get());
      if (!inserted) {
        ctx_.error(arg->nameRange, "duplicate argument '" + arg->name + "'");
        ctx_.note(it->second->nameRange, "previous declaration is here");
      }
    }
  }

  void checkScenario(ast::ScenarioDecl& scenario) {
    std::map<std::pair<MemberSpace, std::string>, const ast::Member*> seen;
    for (ast::MemberPtr& member : scenario.members) {
      if (const ast::NamedDecl* named = asNamed(*member)) {
        if (!checkReserved(named->name, named->nameRange, aMember(*member).c_str())) continue;
        if (!checkNotGlobal(*named, describe(*member))) continue;
      } else if (member->memberKind == ast::MemberKind::Phase) {
        auto& phase = static_cast<ast::PhaseDecl&>(*member);
        if (!checkReserved(phase.name, phase.nameRange, "a phase")) continue;
      }
      auto [it, inserted] =
          seen.emplace(std::make_pair(memberSpace(*member), member->key()), member.get());
      if (inserted) continue;
      if (member->memberKind == ast::MemberKind::Report)
        ctx_.error(keyRange(*member), "duplicate report '" + member->key() + "' in scenario '" +
                                          scenario.name +
                                          "'; give one a different label with `as \"...\"`");
      else
        ctx_.error(keyRange(*member), std::string("duplicate declaration of '") + member->key() +
                                          "' in scenario '" + scenario.name + "' (already " +
                                          aMember(*it->second) + ")");
      ctx_.note(keyRange(*it->second), "previous declaration is here");
    }
  }

  Context& ctx_;
};

}  // namespace

void collectDeclarations(Context& ctx) { Declarations(ctx).run(); }

}  // namespace omen::sema
