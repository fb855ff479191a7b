//===- Ast.cpp - Spellings of AST enums for messages and dumps --------------===//
#include "frontend/ast/Decl.h"

#include <cstdio>
#include <cstdlib>

namespace omen::ast {

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Pow: return "^";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::And: return "and";
    case BinaryOp::Or: return "or";
  }
  return "?";
}

const char* describe(DeclKind k) {
  switch (k) {
    case DeclKind::Const: return "const";
    case DeclKind::Fn: return "function";
    case DeclKind::FnArg: return "argument";
    case DeclKind::Param: return "param";
    case DeclKind::State: return "state";
    case DeclKind::Event: return "event";
    case DeclKind::Let: return "let";
    case DeclKind::Loop: return "loop variable";
    case DeclKind::Choice: return "choice";
  }
  return "name";
}

bool reduceOpNamed(const std::string& name, size_t argCount, ReduceOp& op) {
  static const ReduceOp all[] = {ReduceOp::Any, ReduceOp::All, ReduceOp::Count, ReduceOp::Sum,
                                 ReduceOp::Min, ReduceOp::Max, ReduceOp::Mean};
  for (ReduceOp o : all) {
    if (name != spelling(o)) continue;
    // min(a, b) and max(a, b) stay the math builtins; one argument is the reduction.
    if ((o == ReduceOp::Min || o == ReduceOp::Max) && argCount != 1) return false;
    op = o;
    return true;
  }
  return false;
}

const Expr* arrayLength(const NamedDecl* d) {
  if (!d) return nullptr;
  if (d->declKind == DeclKind::State) return static_cast<const StateDecl*>(d)->length.get();
  if (d->declKind == DeclKind::Event) return static_cast<const EventDecl*>(d)->length.get();
  return nullptr;
}

std::string realSpelling(double x) {
  char buf[32];
  for (int digits = 6; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  return buf;
}

std::unique_ptr<NumberExpr> realLiteral(SourceRange at, double x) {
  auto n = std::make_unique<NumberExpr>(at);
  n->realValue = x;
  n->spelling = realSpelling(x);
  return n;
}

}  // namespace omen::ast
