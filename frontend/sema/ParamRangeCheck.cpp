//===- ParamRangeCheck.cpp - `param x = v in [lo, hi]` is well formed -------===//
#include "frontend/sema/ParamRangeCheck.h"

#include <optional>

#include "frontend/sema/TypeChecker.h"

namespace omen::sema {

namespace {

// The value of a literal initialiser (`0.5%`, `-3`, `10` widened to real), or nothing: a
// computed value is known only at run time, where `--set` and the analyses check it.
std::optional<double> literalValue(const ast::Expr* e) {
  if (auto* c = dyn_cast<ast::CastExpr>(e)) e = c->operand.get();
  bool negated = false;
  if (auto* u = dyn_cast<ast::UnaryExpr>(e); u && u->op == ast::UnaryOp::Neg) {
    negated = true;
    e = u->operand.get();
  }
  if (auto* n = dyn_cast<ast::NumberExpr>(e)) return negated ? -n->realValue : n->realValue;
  return std::nullopt;
}

}  // namespace

void checkParamRange(const ast::ParamDecl& p, Context& ctx) {
  if (!p.valueRange || p.type == Type::Unknown) return;
  const ast::ParamRange& r = *p.valueRange;
  const std::string bounds = "[" + r.lo.spelling + ", " + r.hi.spelling + "]";
  if (p.type == Type::Bool) {
    ctx.error(r.range, "param '" + p.name + "' is a bool; only int and real params take a range");
    return;
  }
  if (p.type == Type::Int)
    for (const ast::RangeBound* b : {&r.lo, &r.hi})
      if (!b->isInt) {
        ctx.error(b->range, "param '" + p.name + "' is an int, so its range needs whole numbers, got " + b->spelling);
        return;
      }
  if (!(r.lo.value < r.hi.value)) {
    ctx.error(r.range, "the range " + bounds + " of '" + p.name + "' is empty: the lower bound must be below the upper");
    return;
  }
  if (p.uncertain) return;  // a draw may fall anywhere; the range is where sweeps pin it
  if (std::optional<double> v = literalValue(p.init.get()); v && (*v < r.lo.value || *v > r.hi.value))
    ctx.error(p.init->range, "the value of '" + p.name + "' is outside its range " + bounds);
}

}  // namespace omen::sema
