//===- Walk.h - Visit every expression below a node -------------------------===//
//
// For the read-only passes (dependencies, placement rules) that care about some kinds of
// expression wherever they occur. Passes that need context (types, time(e) guards) walk
// the tree themselves.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast/Decl.h"

namespace omen::sema {

/// Calls f(expr) for `e` and every expression below it, parents first.
template <typename F>
void walkExpr(ast::Expr* e, F&& f) {
  if (!e) return;
  f(e);
  switch (e->kind) {
    case ast::ExprKind::Unary:
      return walkExpr(cast<ast::UnaryExpr>(e)->operand.get(), f);
    case ast::ExprKind::Binary:
      walkExpr(cast<ast::BinaryExpr>(e)->lhs.get(), f);
      return walkExpr(cast<ast::BinaryExpr>(e)->rhs.get(), f);
    case ast::ExprKind::If:
      walkExpr(cast<ast::IfExpr>(e)->cond.get(), f);
      walkExpr(cast<ast::IfExpr>(e)->thenExpr.get(), f);
      return walkExpr(cast<ast::IfExpr>(e)->elseExpr.get(), f);
    case ast::ExprKind::Call:
      for (auto& a : cast<ast::CallExpr>(e)->args) walkExpr(a.get(), f);
      return;
    case ast::ExprKind::Cast:
      return walkExpr(cast<ast::CastExpr>(e)->operand.get(), f);
    case ast::ExprKind::Index:
      walkExpr(cast<ast::IndexExpr>(e)->array.get(), f);
      return walkExpr(cast<ast::IndexExpr>(e)->index.get(), f);
    case ast::ExprKind::Reduce:
      return walkExpr(cast<ast::ReduceExpr>(e)->array.get(), f);
    case ast::ExprKind::Time:  // time(e) names an event, not a value; its index is one
      return walkExpr(cast<ast::TimeExpr>(e)->index.get(), f);
    case ast::ExprKind::Number:  // leaves
    case ast::ExprKind::Bool:
    case ast::ExprKind::Name:
    case ast::ExprKind::Clock:
      return;
  }
}

/// Calls f(expr) for every expression in the statement (not assignment targets or
/// triggered events, which are names of places rather than values).
template <typename F>
void walkStmtExprs(ast::Stmt* s, F&& f) {
  if (!s) return;
  switch (s->kind) {
    case ast::StmtKind::Block:
      for (auto& c : cast<ast::BlockStmt>(s)->stmts) walkStmtExprs(c.get(), f);
      return;
    case ast::StmtKind::Let:
      return walkExpr(cast<ast::LetStmt>(s)->init.get(), f);
    case ast::StmtKind::Assign:
      walkExpr(cast<ast::AssignStmt>(s)->index.get(), f);
      return walkExpr(cast<ast::AssignStmt>(s)->value.get(), f);
    case ast::StmtKind::For: {
      auto* l = cast<ast::ForStmt>(s);
      walkExpr(l->lo.get(), f);
      walkExpr(l->hi.get(), f);
      return walkStmtExprs(l->body.get(), f);
    }
    case ast::StmtKind::If: {
      auto* i = cast<ast::IfStmt>(s);
      walkExpr(i->cond.get(), f);
      walkStmtExprs(i->thenBlock.get(), f);
      return walkStmtExprs(i->elseStmt.get(), f);
    }
    case ast::StmtKind::WithProbability: {
      auto* w = cast<ast::WithProbabilityStmt>(s);
      walkExpr(w->probability.get(), f);
      walkStmtExprs(w->thenBlock.get(), f);
      return walkStmtExprs(w->elseStmt.get(), f);
    }
    case ast::StmtKind::Return:
      return walkExpr(cast<ast::ReturnStmt>(s)->value.get(), f);
    case ast::StmtKind::Trigger:
      return walkExpr(cast<ast::TriggerStmt>(s)->index.get(), f);
    case ast::StmtKind::Observe:
      walkExpr(cast<ast::ObserveStmt>(s)->value.get(), f);
      return walkExpr(cast<ast::ObserveStmt>(s)->dist.get(), f);
    case ast::StmtKind::Choose: {
      auto* c = cast<ast::ChooseStmt>(s);
      for (ast::ExprPtr& e : c->choices) walkExpr(e.get(), f);
      walkExpr(c->lo.get(), f);
      return walkExpr(c->hi.get(), f);
    }
    case ast::StmtKind::End:
    case ast::StmtKind::Stop:
      return;
  }
}

}  // namespace omen::sema
