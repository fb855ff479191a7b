//===- Expr.h - Expression nodes -------------------------------------------===//
//
// The parser fills in the syntax (kind, operands, range). Sema fills in `type`, `draws`,
// what each name and call refers to, and wraps int operands that widen to real in a
// CastExpr, so that lowering never has to re-derive a conversion.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/ReduceOp.h"
#include "frontend/ast/Casting.h"
#include "frontend/ast/Type.h"
#include "frontend/basic/SourceManager.h"

namespace omen::ast {

struct NamedDecl;
struct FnDecl;

enum class ExprKind {
  Number,
  Bool,
  Name,
  Clock,
  Unary,
  Binary,
  If,
  Call,
  Time,
  Cast,
  Index,
  Reduce,
};

struct Expr {
  ExprKind kind;
  SourceRange range;
  Type type = Type::Unknown;  ///< set by sema
  bool draws = false;         ///< set by sema: evaluating it consumes random numbers

  explicit Expr(ExprKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Expr() = default;
  virtual std::unique_ptr<Expr> clone() const = 0;
};
using ExprPtr = std::unique_ptr<Expr>;

/// `42`, `1_000` (int); `0.5`, `6e20`, `5%` (real).
struct NumberExpr : Expr {
  bool isInt = false;
  int64_t intValue = 0;
  double realValue = 0;  ///< also set for ints
  std::string spelling;  ///< as written, for dumps and messages
  NumberExpr(SourceRange r) : Expr(ExprKind::Number, r) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Number; }
  ExprPtr clone() const override { return std::make_unique<NumberExpr>(*this); }
};

struct BoolExpr : Expr {
  bool value = false;
  BoolExpr(SourceRange r, bool v) : Expr(ExprKind::Bool, r), value(v) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Bool; }
  ExprPtr clone() const override { return std::make_unique<BoolExpr>(*this); }
};

/// A use of a const, param, state, event, let or function argument.
struct NameExpr : Expr {
  std::string name;
  const NamedDecl* target = nullptr;  ///< set by sema
  NameExpr(SourceRange r, std::string n) : Expr(ExprKind::Name, r), name(std::move(n)) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Name; }
  ExprPtr clone() const override {
    auto c = std::make_unique<NameExpr>(*this);
    c->target = nullptr;  // a clone lives in another scenario and is resolved there
    return c;
  }
};

/// The reserved names `t` (global step) and `step` (step within the phase).
struct ClockExpr : Expr {
  enum Which { GlobalStep, PhaseStep } which;
  ClockExpr(SourceRange r, Which w) : Expr(ExprKind::Clock, r), which(w) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Clock; }
  ExprPtr clone() const override { return std::make_unique<ClockExpr>(*this); }
};

enum class UnaryOp { Neg, Not };

struct UnaryExpr : Expr {
  UnaryOp op;
  ExprPtr operand;
  UnaryExpr(SourceRange r, UnaryOp o, ExprPtr x) : Expr(ExprKind::Unary, r), op(o), operand(std::move(x)) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Unary; }
  ExprPtr clone() const override {
    auto c = std::make_unique<UnaryExpr>(range, op, operand->clone());
    c->type = type, c->draws = draws;
    return c;
  }
};

/// `and` and `or` short-circuit; every other operator evaluates left then right.
enum class BinaryOp { Add, Sub, Mul, Div, Pow, Eq, Ne, Lt, Le, Gt, Ge, And, Or };

const char* spelling(BinaryOp op);

struct BinaryExpr : Expr {
  BinaryOp op;
  SourceRange opRange;  ///< the operator token, where type errors point
  ExprPtr lhs, rhs;
  BinaryExpr(SourceRange r, BinaryOp o, SourceRange opR, ExprPtr a, ExprPtr b)
      : Expr(ExprKind::Binary, r), op(o), opRange(opR), lhs(std::move(a)), rhs(std::move(b)) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Binary; }
  ExprPtr clone() const override {
    auto c = std::make_unique<BinaryExpr>(range, op, opRange, lhs->clone(), rhs->clone());
    c->type = type, c->draws = draws;
    return c;
  }
};

/// `if c then a else b`: evaluates exactly one branch.
struct IfExpr : Expr {
  ExprPtr cond, thenExpr, elseExpr;
  IfExpr(SourceRange r, ExprPtr c, ExprPtr a, ExprPtr b)
      : Expr(ExprKind::If, r), cond(std::move(c)), thenExpr(std::move(a)), elseExpr(std::move(b)) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::If; }
  ExprPtr clone() const override {
    auto c = std::make_unique<IfExpr>(range, cond->clone(), thenExpr->clone(), elseExpr->clone());
    c->type = type, c->draws = draws;
    return c;
  }
};

/// A call of a builtin (math or distribution, see core/Builtins.def) or a user function.
struct CallExpr : Expr {
  std::string callee;
  SourceRange calleeRange;
  std::vector<ExprPtr> args;
  int builtin = -1;               ///< set by sema: index into the builtin table, or -1
  const FnDecl* function = nullptr;  ///< set by sema for user functions
  /// For a belief written with percentiles (`metalog(10%: 1, …)`), what was written and what
  /// it was fitted to, for dumps and `omen doc`; empty otherwise.
  std::string fitted;
  CallExpr(SourceRange r, std::string name, SourceRange nameR)
      : Expr(ExprKind::Call, r), callee(std::move(name)), calleeRange(nameR) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Call; }
  ExprPtr clone() const override {
    auto c = std::make_unique<CallExpr>(range, callee, calleeRange);
    for (const auto& a : args) c->args.push_back(a->clone());
    c->type = type, c->draws = draws, c->builtin = builtin, c->function = function, c->fitted = fitted;
    return c;
  }
};

/// The shortest decimal that reads back as exactly `x`: how the frontend spells a number it
/// computed (a fitted coefficient, a copula's Cholesky entry).
std::string realSpelling(double x);
/// A real literal the frontend wrote itself (not from the source), spelled as above.
std::unique_ptr<NumberExpr> realLiteral(SourceRange at, double x);

/// `time(e)`: the global step at which event `e` first triggered (int).
struct TimeExpr : Expr {
  std::unique_ptr<NameExpr> event;
  ExprPtr index;  ///< `time(e[i])` of an event array; null for a single event
  TimeExpr(SourceRange r, std::unique_ptr<NameExpr> ev, ExprPtr i = nullptr)
      : Expr(ExprKind::Time, r), event(std::move(ev)), index(std::move(i)) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Time; }
  ExprPtr clone() const override {
    std::unique_ptr<NameExpr> ev(static_cast<NameExpr*>(event->clone().release()));
    auto c = std::make_unique<TimeExpr>(range, std::move(ev), index ? index->clone() : nullptr);
    c->type = type;
    return c;
  }
};

/// Inserted by sema only: an int operand widening to real.
struct CastExpr : Expr {
  ExprPtr operand;
  CastExpr(ExprPtr x, Type to) : Expr(ExprKind::Cast, x->range), operand(std::move(x)) {
    type = to;
    draws = operand->draws;
  }
  static bool classof(const Expr* e) { return e->kind == ExprKind::Cast; }
  ExprPtr clone() const override { return std::make_unique<CastExpr>(operand->clone(), type); }
};

/// `a[i]`: element i of the state or event array `a` (checked at run time).
struct IndexExpr : Expr {
  std::unique_ptr<NameExpr> array;
  ExprPtr index;
  IndexExpr(SourceRange r, std::unique_ptr<NameExpr> a, ExprPtr i)
      : Expr(ExprKind::Index, r), array(std::move(a)), index(std::move(i)) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Index; }
  ExprPtr clone() const override {
    std::unique_ptr<NameExpr> a(static_cast<NameExpr*>(array->clone().release()));
    auto c = std::make_unique<IndexExpr>(range, std::move(a), index->clone());
    c->type = type, c->draws = draws;
    return c;
  }
};

using omen::ReduceOp;
using omen::spelling;
/// The reduction called `name` (min and max only with one argument), or false.
bool reduceOpNamed(const std::string& name, size_t argCount, ReduceOp& op);

struct ReduceExpr : Expr {
  ReduceOp op;
  std::unique_ptr<NameExpr> array;
  ReduceExpr(SourceRange r, ReduceOp o, std::unique_ptr<NameExpr> a)
      : Expr(ExprKind::Reduce, r), op(o), array(std::move(a)) {}
  static bool classof(const Expr* e) { return e->kind == ExprKind::Reduce; }
  ExprPtr clone() const override {
    std::unique_ptr<NameExpr> a(static_cast<NameExpr*>(array->clone().release()));
    auto c = std::make_unique<ReduceExpr>(range, op, std::move(a));
    c->type = type;
    return c;
  }
};

}  // namespace omen::ast
