//===- TypeCheckExpr.cpp - The type of each expression ----------------------===//
//
// The rules of docs/reference.md "Types": int widens to real silently and nothing narrows;
// `/` and `^` are always real; `+ - *` are int on two ints; comparisons and logic give bool;
// builtins follow their signature in core/Builtins.def.
//
//===----------------------------------------------------------------------===//
#include "frontend/sema/TypeChecker.h"
#include "core/Builtins.h"

namespace omen::sema {

std::string aType(Type t) { return (t == Type::Int ? "an " : "a ") + std::string(typeName(t)); }

void TypeChecker::widen(ast::ExprPtr& slot) {
  if (slot && slot->type == Type::Int)
    slot = std::make_unique<ast::CastExpr>(std::move(slot), Type::Real);
}

bool TypeChecker::expect(ast::ExprPtr& slot, Type want, const std::string& what,
                         const std::string& hint) {
  Type got = slot->type;
  if (got == Type::Unknown || got == want) return true;
  if (want == Type::Real && got == Type::Int) {
    widen(slot);
    return true;
  }
  std::string message = what + " must be " + aType(want) + ", got " + aType(got);
  if (want == Type::Int && got == Type::Real)
    message += hint.empty() ? "; use round(...) to convert" : hint;
  ctx_.error(slot->range, message);
  return false;
}

/// The first `length` characters of `r`: where a message about a prefix operator points.
static SourceRange prefix(SourceRange r, uint32_t length) {
  SourceRange out = r;
  out.end = r.begin;
  out.end.col += length;
  return out;
}

Type TypeChecker::check(ast::ExprPtr& slot) {
  ast::Expr& e = *slot;
  Type type = Type::Unknown;
  switch (e.kind) {
    case ast::ExprKind::Number:
      type = cast<ast::NumberExpr>(&e)->isInt ? Type::Int : Type::Real;
      break;
    case ast::ExprKind::Bool:
      type = Type::Bool;
      break;
    case ast::ExprKind::Name: {
      const ast::NamedDecl* target = cast<ast::NameExpr>(&e)->target;
      type = target ? target->type : Type::Unknown;
      if (ast::arrayLength(target)) {
        wholeArrayUse(*cast<ast::NameExpr>(&e));
        type = Type::Unknown;
      }
      break;
    }
    case ast::ExprKind::Index:
      type = index(*cast<ast::IndexExpr>(&e));
      break;
    case ast::ExprKind::Reduce:
      type = reduce(*cast<ast::ReduceExpr>(&e));
      break;
    case ast::ExprKind::Clock:
      type = Type::Int;
      break;
    case ast::ExprKind::Unary:
      type = unary(*cast<ast::UnaryExpr>(&e));
      break;
    case ast::ExprKind::Binary:
      type = binary(*cast<ast::BinaryExpr>(&e));
      break;
    case ast::ExprKind::If:
      type = ifExpr(*cast<ast::IfExpr>(&e));
      break;
    case ast::ExprKind::Call:
      type = call(*cast<ast::CallExpr>(&e));
      break;
    case ast::ExprKind::Time:
      type = time(*cast<ast::TimeExpr>(&e));
      break;
    case ast::ExprKind::Cast: {
      auto& c = *cast<ast::CastExpr>(&e);
      check(c.operand);
      c.draws = c.operand->draws;
      return c.type;
    }
  }
  e.type = type;
  return type;
}

Type TypeChecker::unary(ast::UnaryExpr& e) {
  Type t = check(e.operand);
  e.draws = e.operand->draws;
  if (t == Type::Unknown) return t;
  if (e.op == ast::UnaryOp::Neg) {
    if (isNumeric(t)) return t;
    ctx_.error(prefix(e.range, 1), "operator '-' needs a number, got " + aType(t));
    return Type::Unknown;
  }
  if (t != Type::Bool)
    ctx_.error(prefix(e.range, 3), "operator 'not' needs a bool, got " + aType(t));
  return Type::Bool;
}

Type TypeChecker::binary(ast::BinaryExpr& e) {
  Type l = check(e.lhs), r = check(e.rhs);
  e.draws = e.lhs->draws || e.rhs->draws;
  const std::string op = ast::spelling(e.op);
  const bool unknown = l == Type::Unknown || r == Type::Unknown;
  auto mismatch = [&](const std::string& needs) {
    ctx_.error(e.opRange, "operator '" + op + "' needs " + needs + ", got " +
                              std::string(typeName(l)) + " and " + std::string(typeName(r)));
  };
  switch (e.op) {
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub:
    case ast::BinaryOp::Mul:
    case ast::BinaryOp::Div:
    case ast::BinaryOp::Pow: {
      if (unknown) return Type::Unknown;
      if (!isNumeric(l) || !isNumeric(r)) {
        mismatch("two numbers");
        return Type::Unknown;
      }
      bool alwaysReal = e.op == ast::BinaryOp::Div || e.op == ast::BinaryOp::Pow;
      if (!alwaysReal && l == Type::Int && r == Type::Int) return Type::Int;
      widen(e.lhs);
      widen(e.rhs);
      return Type::Real;
    }
    case ast::BinaryOp::Eq:
    case ast::BinaryOp::Ne:
      if (unknown) return Type::Bool;
      if (l == Type::Bool && r == Type::Bool) return Type::Bool;
      if (isNumeric(l) && isNumeric(r)) {
        if (l != r) widen(e.lhs), widen(e.rhs);
        return Type::Bool;
      }
      mismatch("two bools or two numbers");
      return Type::Bool;
    case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le:
    case ast::BinaryOp::Gt:
    case ast::BinaryOp::Ge:
      if (unknown) return Type::Bool;
      if (isNumeric(l) && isNumeric(r)) {
        if (l != r) widen(e.lhs), widen(e.rhs);
        return Type::Bool;
      }
      mismatch("two numbers");
      return Type::Bool;
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or:
      if (!unknown && (l != Type::Bool || r != Type::Bool)) {
        mismatch("two bools (numbers are not conditions; compare them, e.g. x > 0)");
      } else if (unknown && (l == Type::Unknown ? r : l) != Type::Bool &&
                 (l == Type::Unknown ? r : l) != Type::Unknown) {
        // One side already failed; still say what is wrong with the other.
        ctx_.error(e.opRange, "operator '" + op + "' needs two bools, but its " +
                                  (l == Type::Unknown ? "right" : "left") + " side is " +
                                  aType(l == Type::Unknown ? r : l));
      }
      return Type::Bool;
  }
  return Type::Unknown;
}

Type TypeChecker::ifExpr(ast::IfExpr& e) {
  Type c = check(e.cond);
  if (c != Type::Unknown && c != Type::Bool)
    ctx_.error(e.cond->range, "the condition of `if ... then` must be a bool, got " + aType(c));
  Type a = check(e.thenExpr), b = check(e.elseExpr);
  e.draws = e.cond->draws || e.thenExpr->draws || e.elseExpr->draws;
  if (a == Type::Unknown || b == Type::Unknown) return Type::Unknown;
  if (a == b) return a;
  if (isNumeric(a) && isNumeric(b)) {
    widen(e.thenExpr);
    widen(e.elseExpr);
    return Type::Real;
  }
  ctx_.error(e.elseExpr->range, "the branches of `if ... then ... else` have different types: " +
                                    std::string(typeName(a)) + " and " + std::string(typeName(b)));
  return Type::Unknown;
}

Type TypeChecker::call(ast::CallExpr& e) {
  for (auto& a : e.args) check(a);
  e.draws = false;
  for (auto& a : e.args) e.draws = e.draws || a->draws;
  if (e.builtin >= 0) return builtinCall(e);
  if (e.function) return userCall(e);
  return Type::Unknown;
}

static std::string arguments(size_t n) {
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

Type TypeChecker::builtinCall(ast::CallExpr& e) {
  const BuiltinInfo& info = kBuiltins[e.builtin];
  const std::string name(info.name);
  std::string letters(info.args);
  const bool variadic = isVariadic(info);
  if (variadic) letters.pop_back();
  e.draws = e.draws || info.isDistribution;
  Type ret = info.ret == 'R'   ? Type::Real
             : info.ret == 'I' ? Type::Int
             : info.ret == 'B' ? Type::Bool
                               : Type::Unknown;

  if (variadic ? e.args.size() < letters.size() : e.args.size() != letters.size()) {
    if (name == "categorical")
      ctx_.error(e.calleeRange, "'categorical' needs at least 1 weight, got none");
    else if (variadic)
      ctx_.error(e.calleeRange, "'" + name + "' takes at least " + arguments(letters.size()) +
                                    ", got " + std::to_string(e.args.size()));
    else
      ctx_.error(e.calleeRange, "'" + name + "' takes " + arguments(letters.size()) + ", got " +
                                    std::to_string(e.args.size()));
    return info.ret == 'N' ? Type::Unknown : ret;
  }

  bool anyReal = false, anyUnknown = false;
  for (size_t i = 0; i < e.args.size(); ++i) {
    char want = i < letters.size() ? letters[i] : letters.back();
    std::string what = "argument " + std::to_string(i + 1) + " of '" + name + "'";
    Type got = e.args[i]->type;
    if (want == 'N') {
      if (got == Type::Unknown)
        anyUnknown = true;
      else if (!isNumeric(got))
        ctx_.error(e.args[i]->range, what + " must be a number, got " + aType(got));
      else
        anyReal = anyReal || got == Type::Real;
      continue;
    }
    expect(e.args[i], want == 'R' ? Type::Real : want == 'I' ? Type::Int : Type::Bool, what);
  }
  if (info.ret != 'N') return ret;
  if (anyUnknown) return Type::Unknown;
  if (!anyReal) return Type::Int;
  // Mixed: every numeric argument becomes real, and so does the result.
  for (size_t i = 0; i < e.args.size(); ++i)
    if ((i < letters.size() ? letters[i] : letters.back()) == 'N') widen(e.args[i]);
  return Type::Real;
}

Type TypeChecker::userCall(ast::CallExpr& e) {
  const ast::FnDecl& fn = *e.function;
  e.draws = e.draws || fn.draws;
  if (e.args.size() != fn.args.size()) {
    ctx_.error(e.calleeRange, "'" + fn.name + "' takes " + arguments(fn.args.size()) + ", got " +
                                  std::to_string(e.args.size()));
    ctx_.note(fn.nameRange, "'" + fn.name + "' is declared here");
    return fn.type;
  }
  for (size_t i = 0; i < e.args.size(); ++i)
    expect(
        e.args[i], fn.args[i]->type,
        "argument " + std::to_string(i + 1) + " ('" + fn.args[i]->name + "') of '" + fn.name + "'");
  return fn.type;
}

Type TypeChecker::time(ast::TimeExpr& e) {
  const ast::NamedDecl* target = e.event->target;
  if (target && target->declKind != ast::DeclKind::Event) {
    ctx_.error(e.event->range, "time(...) needs an event, but '" + target->name + "' is " +
                                   aKind(target->declKind));
  } else if (e.index) {
    checkIndex(e.index, *e.event, "time(...)");
  } else if (ast::arrayLength(target)) {
    ctx_.error(e.event->range, "'" + target->name + "' is an array of events; write time(" + target->name +
                                   "[i]) for one of them");
  }
  return Type::Int;
}

}  // namespace omen::sema
