//===- TypeCheckChoose.cpp - `choose x in {a, b, …}` and `choose x in lo..hi` ===//
//
// The choices are values the agent picks among, not draws: each must be a bool, int or real
// expression of one type that draws nothing (a decision that rolled dice would be a draw).
//
//===----------------------------------------------------------------------===//
#include "frontend/sema/TypeChecker.h"

namespace omen::sema {

void TypeChecker::choose(ast::ChooseStmt& c) {
  auto drawsNothing = [&](const ast::ExprPtr& e, const char* what) {
    if (e && e->draws)
      ctx_.error(e->range, std::string(what) +
                               " of `choose` draws at random; a choice is the agent's decision, so its values "
                               "must not draw (draw first with `let`, then choose)");
  };
  if (c.lo) {
    check(c.lo);
    expect(c.lo, Type::Int, "the start of a `choose` range");
    check(c.hi);
    expect(c.hi, Type::Int, "the end of a `choose` range");
    drawsNothing(c.lo, "the start of the range");
    drawsNothing(c.hi, "the end of the range");
    c.type = Type::Int;
    return;
  }
  Type first = Type::Unknown;
  for (ast::ExprPtr& e : c.choices) {
    Type t = check(e);
    drawsNothing(e, "a choice");
    if (t == Type::Unknown) continue;
    if (t != Type::Bool && t != Type::Int && t != Type::Real) {
      ctx_.error(e->range, "a choice must be a bool, int or real, got " + aType(t));
      continue;
    }
    if (first == Type::Unknown) {
      first = t;
      continue;
    }
    if (t != first)
      ctx_.error(e->range, "the choices of `choose` must have one type: this one is " + aType(t) + ", the first " +
                               aType(first));
  }
  c.type = first;
}

}  // namespace omen::sema
