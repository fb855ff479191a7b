//===- ParserTestSupport.h - Parsing helpers for the parser's unit tests ---===//
#pragma once

#include <memory>
#include <sstream>
#include <string>

#include "frontend/ast/Decl.h"
#include "frontend/basic/Diagnostics.h"
#include "frontend/parse/Parser.h"

namespace omen::test {

/// A parsed buffer with its source manager and diagnostics kept alive together.
struct Parsed {
  SourceManager sm;
  std::unique_ptr<DiagnosticEngine> diags;
  std::unique_ptr<ast::Module> module;

  bool ok() const { return !diags->hasErrors(); }
  std::string errors() const {
    std::ostringstream os;
    diags->print(os);
    return os.str();
  }
  const std::string& firstMessage() const {
    static const std::string none = "<no diagnostics>";
    return diags->diagnostics().empty() ? none : diags->diagnostics().front().message;
  }
  const Diagnostic* first() const { return diags->diagnostics().empty() ? nullptr : &diags->diagnostics().front(); }
};

inline std::unique_ptr<Parsed> parse(const std::string& text, const std::string& name = "test.omen") {
  auto p = std::make_unique<Parsed>();
  FileId file = p->sm.addBuffer(name, text);
  p->diags = std::make_unique<DiagnosticEngine>(p->sm);
  p->module = parse::parseModule(p->sm, file, *p->diags);
  return p;
}

/// A compact prefix form of an expression, e.g. "(+ 1 (* 2 x))", for precedence tests.
inline std::string sexpr(const ast::Expr& e) {
  using namespace ast;
  switch (e.kind) {
    case ExprKind::Number: return static_cast<const NumberExpr&>(e).spelling;
    case ExprKind::Bool: return static_cast<const BoolExpr&>(e).value ? "true" : "false";
    case ExprKind::Name: return static_cast<const NameExpr&>(e).name;
    case ExprKind::Clock: return static_cast<const ClockExpr&>(e).which == ClockExpr::GlobalStep ? "t" : "step";
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      return std::string("(") + (u.op == UnaryOp::Neg ? "neg " : "not ") + sexpr(*u.operand) + ")";
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      return std::string("(") + spelling(b.op) + " " + sexpr(*b.lhs) + " " + sexpr(*b.rhs) + ")";
    }
    case ExprKind::If: {
      const auto& i = static_cast<const IfExpr&>(e);
      return "(if " + sexpr(*i.cond) + " " + sexpr(*i.thenExpr) + " " + sexpr(*i.elseExpr) + ")";
    }
    case ExprKind::Call: {
      const auto& c = static_cast<const CallExpr&>(e);
      std::string s = "(" + c.callee;
      for (const auto& a : c.args) s += " " + sexpr(*a);
      return s + ")";
    }
    case ExprKind::Time: return "(time " + static_cast<const TimeExpr&>(e).event->name + ")";
    case ExprKind::Cast: return "(cast " + sexpr(*static_cast<const CastExpr&>(e).operand) + ")";
    case ExprKind::Index: {
      const auto& i = static_cast<const IndexExpr&>(e);
      return "(index " + i.array->name + " " + sexpr(*i.index) + ")";
    }
    case ExprKind::Reduce: {
      const auto& r = static_cast<const ReduceExpr&>(e);
      return std::string("(") + spelling(r.op) + " " + r.array->name + ")";
    }
  }
  return "?";
}

/// Parses `const x = EXPR` and returns the initialiser (null on error).
inline const ast::Expr* constInit(const Parsed& p) {
  if (p.module->decls.empty()) return nullptr;
  auto* c = dyn_cast<ast::ConstDecl>(p.module->decls.front().get());
  return c ? c->init.get() : nullptr;
}

}  // namespace omen::test
