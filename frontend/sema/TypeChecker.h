//===- TypeChecker.h - Types, widening casts and draws ----------------------===//
//
// Gives every expression its type (docs/reference.md "Types"), wraps each int that widens
// to real in a CastExpr so lowering never re-derives a conversion, and marks what draws
// random numbers. `Unknown` marks the result of an earlier error: checks that meet it stay
// silent, so one mistake gives one message.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "frontend/sema/SemaContext.h"

namespace omen::sema {

class TypeChecker {
 public:
  explicit TypeChecker(Context& ctx) : ctx_(ctx) {}

  void constant(ast::ConstDecl& c);
  void function(ast::FnDecl& fn);
  void scenario(ast::Scenario& s);

  /// Types `slot` (and everything below it); may replace children with casts.
  Type check(ast::ExprPtr& slot);

 private:
  // TypeCheckExpr.cpp
  Type unary(ast::UnaryExpr& e);
  Type binary(ast::BinaryExpr& e);
  Type ifExpr(ast::IfExpr& e);
  Type call(ast::CallExpr& e);
  Type builtinCall(ast::CallExpr& e);
  Type userCall(ast::CallExpr& e);
  Type time(ast::TimeExpr& e);

  // TypeCheckArray.cpp
  Type index(ast::IndexExpr& e);
  Type reduce(ast::ReduceExpr& e);
  /// Checks `index` (an int) into `array` (which must be an array; `use` says what the
  /// element is for in messages) and a constant index against a constant length.
  void checkIndex(ast::ExprPtr& index, const ast::NameExpr& array, const std::string& use);
  /// A use of an array name where one value is expected.
  void wholeArrayUse(const ast::NameExpr& n);

  /// Wraps an int in a widening cast to real.
  static void widen(ast::ExprPtr& slot);
  /// Requires `slot` (already typed) to have type `want`, widening int to real. `what`
  /// names the place for the message: "<what> must be a real, got bool".
  bool expect(ast::ExprPtr& slot, Type want, const std::string& what, const std::string& hint = "");

  // TypeChecker.cpp
  void block(ast::BlockStmt& b);
  void stmt(ast::Stmt& s);
  void assign(ast::AssignStmt& a);
  // TypeCheckObserve.cpp
  void observe(ast::ObserveStmt& o);
  // TypeCheckChoose.cpp
  void choose(ast::ChooseStmt& c);

  Context& ctx_;
  const ast::FnDecl* function_ = nullptr;  ///< the function whose returns are being checked
};

/// "a real", "an int", "a bool".
std::string aType(Type t);

}  // namespace omen::sema
