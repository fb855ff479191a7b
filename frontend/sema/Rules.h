//===- Rules.h - The domain rules: what may appear where --------------------===//
//
// Types say what a value is; these rules say where it makes sense. A const and a fixed
// param are set once per run, so they cannot draw or read anything per-trial; a state is
// initialised before any step, so it cannot read events or later states; `t` and `step`
// only exist while phases run; time(e) only exists where e happened; functions are pure
// apart from draws; reports read the final state and do not draw.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <map>
#include <string>
#include <vector>

#include "frontend/sema/SemaContext.h"

namespace omen::sema {

/// Where an expression stands, which decides what it may read and do.
enum class Place {
  Const,
  FnBody,
  FixedParam,
  UncertainParam,
  StateInit,
  PhaseCount,
  PhaseCond,
  PhaseLimit,
  PhaseBody,
  Report,
};

class Rules {
 public:
  explicit Rules(Context& ctx) : ctx_(ctx) {}

  void constant(ast::ConstDecl& c);
  void function(ast::FnDecl& fn);
  void scenario(ast::Scenario& s);

 private:
  using Implied = std::vector<const ast::NamedDecl*>;

  // RulesExpr.cpp: placement of names, clocks, time(e) and draws.
  void expr(ast::Expr* e, Implied& implied, bool drawReported = false);
  void name(ast::NameExpr& n);
  void draw(ast::CallExpr& c);
  void timeOf(ast::TimeExpr& e, const Implied& implied);
  static void conjuncts(const ast::Expr* cond, Implied& out);

  // Rules.cpp: statements.
  void arrayLength(ast::Expr* length, const ast::NamedDecl& array);
  void block(ast::BlockStmt& b, Implied& implied);
  void stmt(ast::Stmt& s, Implied& implied);
  void phaseStmt(ast::Stmt& s);
  void functionStmt(ast::Stmt& s);
  static bool returnsOnEveryPath(const ast::Stmt* s);

  Context& ctx_;
  Place place_ = Place::Const;
  /// The member being checked, and each value member's position, for "declared after it".
  const ast::NamedDecl* current_ = nullptr;
  std::map<const ast::NamedDecl*, size_t> position_;
};

}  // namespace omen::sema
