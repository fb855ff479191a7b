//===- Lowerer.h - The state of lowering one program (Lower.cpp, LowerArray.cpp) ===//
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "frontend/ast/Program.h"
#include "ir/Module.h"

namespace omen::ir::lowering {

struct Binding {
  enum Kind { Global, Slot, Event, Array } kind;  ///< Array: index is the array (an event's happened flags)
  uint32_t index;
  Type type;
};

class Lowerer {
 public:
  explicit Lowerer(Module& m) : m_(m) {}

  void program(const ast::Program& p);
  std::string error;

 private:
  void constDecl(const ast::ConstDecl& c);
  void function(const ast::FnDecl& f, Function& out);
  void scenario(const ast::Scenario& s, Scenario& out);
  void phase(const ast::PhaseDecl& p, Phase& out);
  void report(const ast::ReportDecl& r, Report& out);

  void block(const ast::BlockStmt& b, Block& out);
  void stmt(const ast::Stmt& s, Block& out);
  Block elsePart(const ast::Stmt* s);

  ExprPtr expr(const ast::Expr& e);
  ExprPtr exprAs(const ast::Expr& e, Type want) { return coerce(expr(e), want); }
  ExprPtr coerce(ExprPtr x, Type want);
  ExprPtr name(const ast::NameExpr& n);
  ExprPtr unary(const ast::UnaryExpr& u);
  ExprPtr binary(const ast::BinaryExpr& b);
  ExprPtr call(const ast::CallExpr& c);
  // LowerArray.cpp
  void arrays(const ast::Scenario& s, Scenario& out);
  uint32_t arrayOf(const ast::NameExpr& n);
  ExprPtr element(const ast::NameExpr& array, const ast::Expr& index, SourceRange at, bool time);
  ExprPtr reduce(const ast::ReduceExpr& r);
  void forLoop(const ast::ForStmt& f, Block& out);
  void storeElement(const ast::AssignStmt& a, Block& out);
  void triggerElement(const ast::TriggerStmt& t, Block& out);
  // LowerObserve.cpp
  void observe(const ast::ObserveStmt& o, Block& out);

  uint32_t addSlot(std::string name, Type t, SlotKind k) {
    slots_->push_back({std::move(name), t, k});
    return static_cast<uint32_t>(slots_->size() - 1);
  }
  uint32_t site(SourceRange r, std::string what) { return m_.addSite(r, std::move(what)); }
  ExprPtr fail(const std::string& why) {
    if (error.empty()) error = why;
    return makeInt(0);
  }

  Module& m_;
  std::unordered_map<const ast::NamedDecl*, Binding> names_;
  std::unordered_map<const ast::FnDecl*, uint32_t> functions_;
  std::vector<Slot>* slots_ = nullptr;  // the frame being lowered
  uint32_t globalBase_ = 0;             // Module::consts.size() while lowering a scenario
  Type returnType_ = Type::Unknown;     // of the function being lowered
  bool weighted_ = false;               // the scenario being lowered has a Factor
};

}  // namespace omen::ir::lowering
