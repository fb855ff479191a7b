//===- Stmt.h - Statement nodes (phase bodies and block functions) ---------===//
#pragma once

#include <memory>
#include <vector>

#include "frontend/ast/NamedDecl.h"
#include "frontend/ast/Expr.h"

namespace omen::ast {

enum class StmtKind { Block, Let, Assign, If, WithProbability, Trigger, End, Stop, Return, For, Observe, Choose };

struct Stmt {
  StmtKind kind;
  SourceRange range;
  explicit Stmt(StmtKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Stmt() = default;
  virtual std::unique_ptr<Stmt> clone() const = 0;
};
using StmtPtr = std::unique_ptr<Stmt>;

struct BlockStmt : Stmt {
  std::vector<StmtPtr> stmts;
  explicit BlockStmt(SourceRange r) : Stmt(StmtKind::Block, r) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Block; }
  StmtPtr clone() const override { return cloneBlock(); }
  std::unique_ptr<BlockStmt> cloneBlock() const {
    auto c = std::make_unique<BlockStmt>(range);
    for (const auto& s : stmts) c->stmts.push_back(s->clone());
    return c;
  }
};

/// `let x = expr`: an immutable local. It is also the declaration its uses resolve to.
struct LetStmt : Stmt, NamedDecl {
  ExprPtr init;
  LetStmt(SourceRange r, std::string n, SourceRange nameR, ExprPtr e)
      : Stmt(StmtKind::Let, r), NamedDecl(DeclKind::Let, std::move(n), nameR), init(std::move(e)) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Let; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::Let; }
  StmtPtr clone() const override {
    auto c = std::make_unique<LetStmt>(Stmt::range, name, nameRange, init->clone());
    c->type = type;
    return c;
  }
};

/// `x = expr` or `x[i] = expr`: x must be a state variable (an array when indexed).
struct AssignStmt : Stmt {
  std::unique_ptr<NameExpr> target;
  ExprPtr value;
  ExprPtr index;  ///< null unless the target is an element
  AssignStmt(SourceRange r, std::unique_ptr<NameExpr> t, ExprPtr v, ExprPtr i = nullptr)
      : Stmt(StmtKind::Assign, r), target(std::move(t)), value(std::move(v)), index(std::move(i)) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Assign; }
  StmtPtr clone() const override {
    std::unique_ptr<NameExpr> t(static_cast<NameExpr*>(target->clone().release()));
    return std::make_unique<AssignStmt>(range, std::move(t), value->clone(), index ? index->clone() : nullptr);
  }
};

/// `if c { } else …`, where the else part is a block, an if, or a with-probability.
struct IfStmt : Stmt {
  ExprPtr cond;
  std::unique_ptr<BlockStmt> thenBlock;
  StmtPtr elseStmt;  ///< may be null
  IfStmt(SourceRange r, ExprPtr c, std::unique_ptr<BlockStmt> t, StmtPtr e)
      : Stmt(StmtKind::If, r), cond(std::move(c)), thenBlock(std::move(t)), elseStmt(std::move(e)) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::If; }
  StmtPtr clone() const override {
    return std::make_unique<IfStmt>(range, cond->clone(), thenBlock->cloneBlock(),
                                    elseStmt ? elseStmt->clone() : nullptr);
  }
};

/// `with probability p { } else …`: one Bernoulli draw (always one uniform), then a branch.
struct WithProbabilityStmt : Stmt {
  ExprPtr probability;
  std::unique_ptr<BlockStmt> thenBlock;
  StmtPtr elseStmt;  ///< may be null
  WithProbabilityStmt(SourceRange r, ExprPtr p, std::unique_ptr<BlockStmt> t, StmtPtr e)
      : Stmt(StmtKind::WithProbability, r),
        probability(std::move(p)),
        thenBlock(std::move(t)),
        elseStmt(std::move(e)) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::WithProbability; }
  StmtPtr clone() const override {
    return std::make_unique<WithProbabilityStmt>(range, probability->clone(), thenBlock->cloneBlock(),
                                                 elseStmt ? elseStmt->clone() : nullptr);
  }
};

struct TriggerStmt : Stmt {
  std::unique_ptr<NameExpr> event;
  ExprPtr index;  ///< `trigger e[i]`; null for a single event
  TriggerStmt(SourceRange r, std::unique_ptr<NameExpr> e, ExprPtr i = nullptr)
      : Stmt(StmtKind::Trigger, r), event(std::move(e)), index(std::move(i)) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Trigger; }
  StmtPtr clone() const override {
    std::unique_ptr<NameExpr> e(static_cast<NameExpr*>(event->clone().release()));
    return std::make_unique<TriggerStmt>(range, std::move(e), index ? index->clone() : nullptr);
  }
};

/// `for i in lo..hi { }`: i runs over lo, lo+1, …, hi-1; both bounds are evaluated once,
/// before the first iteration. The loop variable is a read-only int (its own declaration).
struct ForStmt : Stmt, NamedDecl {
  ExprPtr lo, hi;
  std::unique_ptr<BlockStmt> body;
  ForStmt(SourceRange r, std::string n, SourceRange nameR, ExprPtr a, ExprPtr b, std::unique_ptr<BlockStmt> blk)
      : Stmt(StmtKind::For, r), NamedDecl(DeclKind::Loop, std::move(n), nameR), lo(std::move(a)), hi(std::move(b)),
        body(std::move(blk)) {
    type = Type::Int;
  }
  static bool classof(const Stmt* s) { return s->kind == StmtKind::For; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::Loop; }
  StmtPtr clone() const override {
    return std::make_unique<ForStmt>(Stmt::range, name, nameRange, lo->clone(), hi->clone(), body->cloneBlock());
  }
};

/// `observe c` (hard evidence: a trial where the bool c is false gets weight 0) or
/// `observe x ~ D(args)` (soft: the trial's weight is multiplied by D's density or mass at x).
/// Only in phase bodies.
struct ObserveStmt : Stmt {
  ExprPtr value;                    ///< c, or x
  std::unique_ptr<CallExpr> dist;   ///< D(args); null for hard evidence
  ObserveStmt(SourceRange r, ExprPtr v, std::unique_ptr<CallExpr> d)
      : Stmt(StmtKind::Observe, r), value(std::move(v)), dist(std::move(d)) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Observe; }
  StmtPtr clone() const override {
    std::unique_ptr<CallExpr> d(dist ? static_cast<CallExpr*>(dist->clone().release()) : nullptr);
    return std::make_unique<ObserveStmt>(range, value->clone(), std::move(d));
  }
};

/// `choose x in {a, b, …}` or `choose x in lo..hi` (lo, lo+1, …, hi-1): a decision the
/// modelled agent makes here, knowing everything `visible` (docs/exact.md). x is a read-only
/// local like a let. Only in phase bodies.
struct ChooseStmt : Stmt, NamedDecl {
  std::vector<ExprPtr> choices;  ///< the set form; empty for the range form
  ExprPtr lo, hi;                ///< the range form
  /// Set by sema: the lets, loop variables and choices in scope here (the agent sees them,
  /// with every param, state and event).
  std::vector<const NamedDecl*> visible;
  ChooseStmt(SourceRange r, std::string n, SourceRange nameR)
      : Stmt(StmtKind::Choose, r), NamedDecl(DeclKind::Choice, std::move(n), nameR) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Choose; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::Choice; }
  StmtPtr clone() const override {
    auto c = std::make_unique<ChooseStmt>(Stmt::range, name, nameRange);
    for (const ExprPtr& e : choices) c->choices.push_back(e->clone());
    if (lo) c->lo = lo->clone(), c->hi = hi->clone();
    c->type = type;
    return c;
  }
};

/// `end` (finish the trial) and `stop` (finish the phase).
struct EndStmt : Stmt {
  explicit EndStmt(SourceRange r) : Stmt(StmtKind::End, r) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::End; }
  StmtPtr clone() const override { return std::make_unique<EndStmt>(range); }
};

struct StopStmt : Stmt {
  explicit StopStmt(SourceRange r) : Stmt(StmtKind::Stop, r) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Stop; }
  StmtPtr clone() const override { return std::make_unique<StopStmt>(range); }
};

/// `return expr`: only in block functions.
struct ReturnStmt : Stmt {
  ExprPtr value;
  ReturnStmt(SourceRange r, ExprPtr v) : Stmt(StmtKind::Return, r), value(std::move(v)) {}
  static bool classof(const Stmt* s) { return s->kind == StmtKind::Return; }
  StmtPtr clone() const override { return std::make_unique<ReturnStmt>(range, value->clone()); }
};

}  // namespace omen::ast
