//===- NameResolver.cpp - Point every name and call at its declaration ------===//
//
// Sets NameExpr::target, CallExpr::builtin / CallExpr::function, and the event of every
// trigger and time(e). A function body sees its arguments, its lets and the globals; a
// scenario sees its own members, its lets and the globals. Names that are not visible at
// all are reported here; names that are visible but used wrongly (assigning a param,
// triggering a state) are the rules' business.
//
//===----------------------------------------------------------------------===//
#include <algorithm>

#include "frontend/sema/Members.h"
#include "frontend/sema/Scope.h"
#include "frontend/sema/SemaContext.h"
#include "core/Builtins.h"

namespace omen::sema {

namespace {

class NameResolver {
 public:
  NameResolver(Context& ctx, const NameTable* members)
      : ctx_(ctx), scope_(ctx.globals, members), inScenario_(members) {
    scope_.push();
  }

  void function(ast::FnDecl& fn) {
    for (auto& arg : fn.args) scope_.declare(arg.get());
    if (fn.exprBody) expr(fn.exprBody.get());
    if (fn.blockBody) block(*fn.blockBody);
  }

  void constant(ast::ConstDecl& c) { expr(c.init.get()); }

  void member(ast::Member& m) {
    if (auto* p = dyn_cast<ast::ParamDecl>(&m)) expr(p->init.get());
    if (auto* s = dyn_cast<ast::StateDecl>(&m)) {
      expr(s->length.get());
      expr(s->init.get());
    }
    if (auto* e = dyn_cast<ast::EventDecl>(&m)) expr(e->length.get());
    if (auto* r = dyn_cast<ast::ReportDecl>(&m)) {
      expr(r->value.get());
      expr(r->given.get());
    }
    if (auto* ph = dyn_cast<ast::PhaseDecl>(&m)) {
      expr(ph->count.get());
      expr(ph->cond.get());
      expr(ph->limit.get());
      if (ph->body) block(*ph->body);
    }
  }

 private:
  void expr(ast::Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case ast::ExprKind::Number:
      case ast::ExprKind::Bool:
      case ast::ExprKind::Clock:
        return;
      case ast::ExprKind::Name:
        return name(*cast<ast::NameExpr>(e));
      case ast::ExprKind::Unary:
        return expr(cast<ast::UnaryExpr>(e)->operand.get());
      case ast::ExprKind::Binary: {
        auto* b = cast<ast::BinaryExpr>(e);
        expr(b->lhs.get());
        return expr(b->rhs.get());
      }
      case ast::ExprKind::If: {
        auto* i = cast<ast::IfExpr>(e);
        expr(i->cond.get());
        expr(i->thenExpr.get());
        return expr(i->elseExpr.get());
      }
      case ast::ExprKind::Call:
        return call(*cast<ast::CallExpr>(e));
      case ast::ExprKind::Time: {
        // Outside a scenario there are no events; the rules say time(e) is misplaced there.
        if (inScenario_) event(*cast<ast::TimeExpr>(e)->event);
        return expr(cast<ast::TimeExpr>(e)->index.get());
      }
      case ast::ExprKind::Index: {
        auto* i = cast<ast::IndexExpr>(e);
        name(*i->array);
        return expr(i->index.get());
      }
      case ast::ExprKind::Reduce:
        return name(*cast<ast::ReduceExpr>(e)->array);
      case ast::ExprKind::Cast:
        return expr(cast<ast::CastExpr>(e)->operand.get());
    }
  }

  void name(ast::NameExpr& n) {
    ast::NamedDecl* d = scope_.lookup(n.name);
    if (d && d->declKind == ast::DeclKind::Fn) {
      ctx_.error(n.range, "'" + n.name + "' is a function; call it with arguments, e.g. " + n.name +
                              "(...)");
      return;
    }
    if (d) {
      n.target = d;
      return;
    }
    std::string message = "unknown name '" + n.name + "'";
    if (findBuiltin(n.name))
      message += "; '" + n.name + "' is a builtin function, call it as " + n.name + "(...)";
    else
      message = withSuggestion(message, n.name, scope_.valueNames());
    ctx_.error(n.range, message);
  }

  void call(ast::CallExpr& c) {
    for (auto& a : c.args) expr(a.get());
    if (auto id = findBuiltin(c.callee)) {
      c.builtin = static_cast<int>(*id);
      return;
    }
    ast::NamedDecl* d = scope_.lookup(c.callee);
    if (d && d->declKind == ast::DeclKind::Fn) {
      c.function = static_cast<ast::FnDecl*>(d);
      return;
    }
    if (c.callee == "P" || c.callee == "E" || c.callee == "quantiles") {
      ctx_.error(c.calleeRange, "'" + c.callee +
                                    "(...)' can only be a whole report, e.g. `report " + c.callee +
                                    "(...)`");
      return;
    }
    if (d) {
      ctx_.error(c.calleeRange, "'" + c.callee + "' is " + aKind(d->declKind) + ", not a function");
      return;
    }
    std::vector<std::string> names;
    for (const BuiltinInfo& b : kBuiltins)
      if (!b.isDensity) names.emplace_back(b.name);
    for (const ast::FnDecl* f : ctx_.functions) names.push_back(f->name);
    ctx_.error(c.calleeRange, withSuggestion("unknown function or distribution '" + c.callee + "'",
                                             c.callee, names));
  }

  /// The event named by `trigger e` or `time(e)`. Its kind is checked by the rules.
  void event(ast::NameExpr& n) {
    if (ast::NamedDecl* d = scope_.lookup(n.name)) {
      n.target = d;
      return;
    }
    ctx_.error(n.range, withSuggestion("unknown event '" + n.name + "'", n.name,
                                       scope_.memberNames(ast::DeclKind::Event)));
  }

  void block(ast::BlockStmt& b) {
    scope_.push();
    for (auto& s : b.stmts) stmt(*s);
    scope_.pop();
  }

  void stmt(ast::Stmt& s) {
    switch (s.kind) {
      case ast::StmtKind::Block:
        return block(*cast<ast::BlockStmt>(&s));
      case ast::StmtKind::Let:
        return let(*cast<ast::LetStmt>(&s));
      case ast::StmtKind::Assign: {
        auto& a = *cast<ast::AssignStmt>(&s);
        expr(a.value.get());
        // In a function the assignment itself is the error (functions are pure).
        expr(a.index.get());
        if (inScenario_) assignTarget(*a.target);
        return;
      }
      case ast::StmtKind::For: {
        auto& f = *cast<ast::ForStmt>(&s);
        expr(f.lo.get());
        expr(f.hi.get());
        declareLocal(f, "loop variable");
        // The body is a block of its own; the loop variable is visible in it only.
        scope_.push();
        scope_.declare(&f);
        block(*f.body);
        scope_.pop();
        return;
      }
      case ast::StmtKind::If: {
        auto& i = *cast<ast::IfStmt>(&s);
        expr(i.cond.get());
        block(*i.thenBlock);
        if (i.elseStmt) stmt(*i.elseStmt);
        return;
      }
      case ast::StmtKind::WithProbability: {
        auto& w = *cast<ast::WithProbabilityStmt>(&s);
        expr(w.probability.get());
        block(*w.thenBlock);
        if (w.elseStmt) stmt(*w.elseStmt);
        return;
      }
      case ast::StmtKind::Trigger:
        if (inScenario_) event(*cast<ast::TriggerStmt>(&s)->event);
        return expr(cast<ast::TriggerStmt>(&s)->index.get());
      case ast::StmtKind::Return:
        return expr(cast<ast::ReturnStmt>(&s)->value.get());
      case ast::StmtKind::Observe:
        expr(cast<ast::ObserveStmt>(&s)->value.get());
        return expr(cast<ast::ObserveStmt>(&s)->dist.get());
      case ast::StmtKind::Choose: {
        auto& c = *cast<ast::ChooseStmt>(&s);
        for (ast::ExprPtr& e : c.choices) expr(e.get());
        expr(c.lo.get());
        expr(c.hi.get());
        c.visible = scope_.locals();  // what the agent sees: before the choice itself
        declareLocal(c, "choice");
        scope_.declare(&c);
        return;
      }
      case ast::StmtKind::End:
      case ast::StmtKind::Stop:
        return;
    }
  }

  void let(ast::LetStmt& l) {
    expr(l.init.get());  // before declaring: `let x = x` does not see itself
    declareLocal(l, "let");
    scope_.declare(&l);
  }

  /// The checks a let and a loop variable share: not reserved, no shadowing.
  void declareLocal(ast::NamedDecl& d, const std::string& what) {
    if (isReservedName(d.name)) {
      ctx_.error(d.nameRange, "'" + d.name + "' is a reserved name and cannot name a " + what);
    } else if (ast::NamedDecl* prior = scope_.lookup(d.name)) {
      ctx_.error(d.nameRange, what + " '" + d.name + "' shadows " + aKind(prior->declKind) +
                                  " of the same name; names may not be shadowed");
      ctx_.note(prior->nameRange, "previous declaration is here");
    }
  }

  void assignTarget(ast::NameExpr& n) {
    if (ast::NamedDecl* d = scope_.lookup(n.name)) {
      n.target = d;
      return;
    }
    ctx_.error(n.range,
               withSuggestion("assignment to undeclared name '" + n.name +
                                  "'; declare it in the scenario with `state " + n.name + " = ...`",
                              n.name, scope_.memberNames(ast::DeclKind::State)));
  }

  Context& ctx_;
  Scope scope_;
  bool inScenario_;
};

}  // namespace

void resolveNames(Context& ctx) {
  for (ast::ConstDecl* c : ctx.consts) NameResolver(ctx, nullptr).constant(*c);
  for (ast::FnDecl* f : ctx.functions) NameResolver(ctx, nullptr).function(*f);
  for (CheckedScenario& cs : ctx.scenarios) {
    NameTable members;
    for (ast::MemberPtr& m : cs.scenario->members)
      if (ast::NamedDecl* n = asNamed(*m)) members.emplace(n->name, n);
    for (ast::MemberPtr& m : cs.scenario->members) NameResolver(ctx, &members).member(*m);
  }
}

}  // namespace omen::sema
