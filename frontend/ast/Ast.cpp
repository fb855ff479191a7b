//===- Ast.cpp - Spellings of AST enums for messages and dumps --------------===//
#include "frontend/ast/Decl.h"

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
  }
  return "name";
}

}  // namespace omen::ast
