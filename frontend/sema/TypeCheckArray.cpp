//===- TypeCheckArray.cpp - Elements, reductions and constant indices -------===//
//
// An array name stands only where a place is meant: indexed (`a[i]`), reduced (`sum(a)`),
// triggered or timed element by element. Anywhere else it is an error, so that no scalar
// rule ever meets an array.
//
//===----------------------------------------------------------------------===//
#include "frontend/sema/TypeChecker.h"

namespace omen::sema {

/// The value of an int literal, possibly negated; false for anything else.
static bool constantInt(const ast::Expr* e, int64_t& out) {
  bool negate = false;
  if (auto* u = dyn_cast<ast::UnaryExpr>(e); u && u->op == ast::UnaryOp::Neg) {
    negate = true;
    e = u->operand.get();
  }
  auto* n = dyn_cast<ast::NumberExpr>(e);
  if (!n || !n->isInt) return false;
  out = negate ? -n->intValue : n->intValue;
  return true;
}

/// An array's length when it is known before the run: a literal or a const with a literal
/// value. A fixed param can be changed with --set, so its length is checked at run time.
static bool constantLength(const ast::Expr* length, int64_t& out) {
  if (constantInt(length, out)) return true;
  auto* n = dyn_cast<ast::NameExpr>(length);
  if (!n || !n->target || n->target->declKind != ast::DeclKind::Const) return false;
  return constantInt(static_cast<const ast::ConstDecl*>(n->target)->init.get(), out);
}

void TypeChecker::wholeArrayUse(const ast::NameExpr& n) {
  ctx_.error(n.range, "'" + n.name + "' is an array; use one element (" + n.name + "[i]) or a reduction (" +
                          (n.target && n.target->type == Type::Bool ? "any, all, count" : "sum, min, max, mean") +
                          ")");
}

void TypeChecker::checkIndex(ast::ExprPtr& idx, const ast::NameExpr& array, const std::string& use) {
  Type t = check(idx);
  const ast::NamedDecl* target = array.target;
  if (!target) return;
  const ast::Expr* length = ast::arrayLength(target);
  if (!length) {
    ctx_.error(array.range, "'" + array.name + "' is " + aKind(target->declKind) + ", not an array; it cannot be indexed");
    return;
  }
  if (t != Type::Unknown && t != Type::Int) {
    expect(idx, Type::Int, "the index of '" + array.name + "'", "; use round(...) to make it a whole number");
    return;
  }
  int64_t i = 0, n = 0;
  if (!constantInt(idx.get(), i)) return;
  if (i < 0)
    ctx_.error(idx->range, "index " + std::to_string(i) + " of '" + array.name + "' is negative; indices run from 0");
  else if (constantLength(length, n) && i >= n)
    ctx_.error(idx->range, "index " + std::to_string(i) + " is out of range for '" + array.name + "' of length " +
                               std::to_string(n) + " (indices 0.." + std::to_string(n - 1) + ")");
}

Type TypeChecker::index(ast::IndexExpr& e) {
  checkIndex(e.index, *e.array, "");
  e.draws = e.index->draws;
  const ast::NamedDecl* target = e.array->target;
  if (!target || !ast::arrayLength(target)) return Type::Unknown;
  e.array->type = target->type;
  return target->type;
}

Type TypeChecker::reduce(ast::ReduceExpr& e) {
  const ast::NamedDecl* target = e.array->target;
  if (!target) return Type::Unknown;
  const std::string op = ast::spelling(e.op);
  if (!ast::arrayLength(target)) {
    ctx_.error(e.array->range, "'" + op + "' needs an array, but '" + target->name + "' is " + aKind(target->declKind));
    return Type::Unknown;
  }
  Type elem = target->type;
  e.array->type = elem;
  if (elem == Type::Unknown) return Type::Unknown;
  switch (e.op) {
    case ast::ReduceOp::Any:
    case ast::ReduceOp::All:
    case ast::ReduceOp::Count:
      if (elem != Type::Bool) {
        ctx_.error(e.array->range, "'" + op + "' needs an array of bools or events, but '" + target->name +
                                       "' holds " + std::string(typeName(elem)) + "s; use sum, min, max or mean");
        return Type::Unknown;
      }
      return e.op == ast::ReduceOp::Count ? Type::Int : Type::Bool;
    case ast::ReduceOp::Sum:
    case ast::ReduceOp::Min:
    case ast::ReduceOp::Max:
    case ast::ReduceOp::Mean:
      if (elem == Type::Bool) {
        ctx_.error(e.array->range, "'" + op + "' needs an array of numbers, but '" + target->name +
                                       "' holds bools; use count, any or all");
        return Type::Unknown;
      }
      return e.op == ast::ReduceOp::Mean ? Type::Real : elem;
  }
  return Type::Unknown;
}

}  // namespace omen::sema
