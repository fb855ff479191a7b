//===- Rules.cpp - Statement rules and the rule pass over every declaration --===//
#include "frontend/sema/Rules.h"

#include <algorithm>

#include "frontend/sema/Members.h"
#include "core/Builtins.h"

namespace omen::sema {

void Rules::constant(ast::ConstDecl& c) {
  place_ = Place::Const;
  current_ = &c;
  Implied none;
  expr(c.init.get(), none);
}

bool Rules::returnsOnEveryPath(const ast::Stmt* s) {
  if (!s) return false;
  switch (s->kind) {
    case ast::StmtKind::Return:
      return true;
    case ast::StmtKind::Block: {
      // Code after a return is reported on its own; the block still returns.
      auto* b = cast<ast::BlockStmt>(s);
      return std::any_of(b->stmts.begin(), b->stmts.end(),
                         [](const ast::StmtPtr& c) { return returnsOnEveryPath(c.get()); });
    }
    case ast::StmtKind::If: {
      auto* i = cast<ast::IfStmt>(s);
      return returnsOnEveryPath(i->thenBlock.get()) && returnsOnEveryPath(i->elseStmt.get());
    }
    case ast::StmtKind::WithProbability: {
      auto* w = cast<ast::WithProbabilityStmt>(s);
      return returnsOnEveryPath(w->thenBlock.get()) && returnsOnEveryPath(w->elseStmt.get());
    }
    case ast::StmtKind::Let:
    case ast::StmtKind::Assign:
    case ast::StmtKind::Trigger:
    case ast::StmtKind::Observe:
    case ast::StmtKind::Choose:
    case ast::StmtKind::End:
    case ast::StmtKind::Stop:
    case ast::StmtKind::For:  // a loop may run zero times
      return false;
  }
  return false;
}

void Rules::function(ast::FnDecl& fn) {
  place_ = Place::FnBody;
  current_ = &fn;
  Implied none;
  expr(fn.exprBody.get(), none);
  if (!fn.blockBody) return;
  block(*fn.blockBody, none);
  if (!returnsOnEveryPath(fn.blockBody.get()))
    ctx_.error(fn.nameRange,
               "function '" + fn.name +
                   "' does not return a value on every path; end each path with `return ...`");
}

void Rules::scenario(ast::Scenario& s) {
  position_.clear();
  for (size_t i = 0; i < s.members.size(); ++i)
    if (const ast::NamedDecl* n = asNamed(*s.members[i])) position_[n] = i;
  Implied none;
  for (ast::MemberPtr& m : s.members) {
    current_ = asNamed(*m);
    if (auto* p = dyn_cast<ast::ParamDecl>(m.get())) {
      place_ = p->uncertain ? Place::UncertainParam : Place::FixedParam;
      expr(p->init.get(), none);
      auto* call = dyn_cast<ast::CallExpr>(p->init.get());
      bool unresolved = call && call->builtin < 0 && !call->function;
      // Not a call: a mixture, built as an `if` chain of draws (frontend/parse/AstBuilderBeliefs.cpp).
      // A correlated param is its distribution's quantile function (frontend/sema/Copula.cpp).
      bool distribution =
          p->correlated ||
          (call ? (call->builtin >= 0 && kBuiltins[call->builtin].isDistribution) ||
                      (call->function && call->function->draws)
                : p->init->draws);
      if (p->uncertain && !distribution && !unresolved)
        ctx_.error(p->init->range,
                   "`param " + p->name +
                       " ~ ...` needs a distribution call such as beta(2, 8); for a "
                       "fixed value write `param " +
                       p->name + " = ...`");
    } else if (auto* st = dyn_cast<ast::StateDecl>(m.get())) {
      arrayLength(st->length.get(), *st);
      place_ = Place::StateInit;
      expr(st->init.get(), none);
    } else if (auto* ev = dyn_cast<ast::EventDecl>(m.get())) {
      arrayLength(ev->length.get(), *ev);
    } else if (auto* ph = dyn_cast<ast::PhaseDecl>(m.get())) {
      place_ = Place::PhaseCount;
      expr(ph->count.get(), none);
      place_ = Place::PhaseCond;
      expr(ph->cond.get(), none);
      place_ = Place::PhaseLimit;
      expr(ph->limit.get(), none);
      place_ = Place::PhaseBody;
      if (ph->body) block(*ph->body, none);
    } else if (auto* r = dyn_cast<ast::ReportDecl>(m.get())) {
      place_ = Place::Report;
      Implied given;
      expr(r->given.get(), given);
      conjuncts(r->given.get(), given);
      expr(r->value.get(), given);
    }
  }
  current_ = nullptr;
}

/// An array's length is fixed for the run: an int literal, an int const or a fixed param.
void Rules::arrayLength(ast::Expr* length, const ast::NamedDecl& array) {
  if (!length) return;
  bool ok = isa<ast::NumberExpr>(length);
  if (auto* n = dyn_cast<ast::NameExpr>(length); n && n->target) {
    auto* p = dynamic_cast<const ast::ParamDecl*>(n->target);
    ok = n->target->declKind == ast::DeclKind::Const || (p && !p->uncertain);
  } else if (isa<ast::NameExpr>(length)) {
    return;  // unresolved: reported by names
  }
  if (!ok)
    ctx_.error(length->range, "the length of array '" + array.name +
                                  "' must be an int literal, const or fixed param (fixed for the run)");
}

void Rules::block(ast::BlockStmt& b, Implied& implied) {
  bool unreachable = false;
  for (auto& s : b.stmts) {
    if (unreachable) {
      ctx_.error(s->range, std::string("this statement is never executed: it follows a `") +
                               (place_ == Place::FnBody ? "return" : "end` or `stop") +
                               "` in the same block");
      break;  // one message per block is enough
    }
    stmt(*s, implied);
    // In a function, `end` and `stop` are errors of their own, not the end of the path.
    unreachable = place_ == Place::FnBody
                      ? s->kind == ast::StmtKind::Return
                      : s->kind == ast::StmtKind::End || s->kind == ast::StmtKind::Stop;
  }
}

void Rules::stmt(ast::Stmt& s, Implied& implied) {
  if (place_ == Place::FnBody)
    functionStmt(s);
  else
    phaseStmt(s);
  switch (s.kind) {
    case ast::StmtKind::Block:
      return block(*cast<ast::BlockStmt>(&s), implied);
    case ast::StmtKind::Let:
      return expr(cast<ast::LetStmt>(&s)->init.get(), implied);
    case ast::StmtKind::Assign:
      expr(cast<ast::AssignStmt>(&s)->index.get(), implied);
      return expr(cast<ast::AssignStmt>(&s)->value.get(), implied);
    case ast::StmtKind::If: {
      auto& i = *cast<ast::IfStmt>(&s);
      expr(i.cond.get(), implied);
      size_t mark = implied.size();
      conjuncts(i.cond.get(), implied);
      block(*i.thenBlock, implied);
      implied.resize(mark);
      if (i.elseStmt) stmt(*i.elseStmt, implied);
      return;
    }
    case ast::StmtKind::WithProbability: {
      auto& w = *cast<ast::WithProbabilityStmt>(&s);
      expr(w.probability.get(), implied);
      block(*w.thenBlock, implied);
      if (w.elseStmt) stmt(*w.elseStmt, implied);
      return;
    }
    case ast::StmtKind::Return:
      return expr(cast<ast::ReturnStmt>(&s)->value.get(), implied);
    case ast::StmtKind::For: {
      auto& f = *cast<ast::ForStmt>(&s);
      expr(f.lo.get(), implied);
      expr(f.hi.get(), implied);
      return block(*f.body, implied);
    }
    case ast::StmtKind::Trigger:
      return expr(cast<ast::TriggerStmt>(&s)->index.get(), implied);
    case ast::StmtKind::Observe:
      expr(cast<ast::ObserveStmt>(&s)->value.get(), implied);
      return expr(cast<ast::ObserveStmt>(&s)->dist.get(), implied);
    case ast::StmtKind::Choose: {
      auto& c = *cast<ast::ChooseStmt>(&s);
      for (ast::ExprPtr& e : c.choices) expr(e.get(), implied);
      expr(c.lo.get(), implied);
      return expr(c.hi.get(), implied);
    }
    case ast::StmtKind::End:
    case ast::StmtKind::Stop:
      return;
  }
}

/// Functions compute a value; changing the trial is the phases' job.
void Rules::functionStmt(ast::Stmt& s) {
  switch (s.kind) {
    case ast::StmtKind::Assign:
      ctx_.error(s.range,
                 "a function cannot assign '" + cast<ast::AssignStmt>(&s)->target->name +
                     "'; functions are pure (apart from draws) and only phases change states");
      return;
    case ast::StmtKind::Trigger:
      ctx_.error(s.range,
                 "a function cannot trigger events; functions are pure (apart from draws) and only "
                 "phases trigger events");
      return;
    case ast::StmtKind::End:
      ctx_.error(s.range, "`end` is only allowed in a phase body");
      return;
    case ast::StmtKind::Observe:
      ctx_.error(s.range, "`observe` is only allowed in a phase body: it weighs the trial, and a function has none");
      return;
    case ast::StmtKind::Choose:
      ctx_.error(s.range,
                 "`choose` is only allowed in a phase body: it is the modelled agent's decision during a trial");
      return;
    case ast::StmtKind::Stop:
      ctx_.error(s.range, "`stop` is only allowed in a phase body");
      return;
    case ast::StmtKind::Block:  // allowed in functions
    case ast::StmtKind::For:
    case ast::StmtKind::Let:
    case ast::StmtKind::If:
    case ast::StmtKind::WithProbability:
    case ast::StmtKind::Return:
      return;
  }
}

void Rules::phaseStmt(ast::Stmt& s) {
  if (s.kind == ast::StmtKind::Return) {
    ctx_.error(
        s.range,
        "`return` outside a function; use `end` to end the trial or `stop` to end the phase");
    return;
  }
  if (auto* a = dyn_cast<ast::AssignStmt>(&s)) {
    const ast::NamedDecl* t = a->target->target;
    if (!t || t->declKind == ast::DeclKind::State) return;
    const std::string& n = t->name;
    std::string message;
    switch (t->declKind) {
      case ast::DeclKind::Param:
        message =
            "'" + n +
            "' is a param; params are fixed for the trial — declare it as a state to change it";
        break;
      case ast::DeclKind::Event:
        message = "'" + n + "' is an event; use `trigger " + n + "` to make it happen";
        break;
      case ast::DeclKind::Const:
        message = "'" + n + "' is a const and cannot be assigned";
        break;
      case ast::DeclKind::Let:
        message = "'" + n +
                  "' is a let and cannot be reassigned; lets are immutable — use a state to keep a "
                  "changing value";
        break;
      case ast::DeclKind::Loop:
        message = "'" + n + "' is a loop variable and cannot be assigned; copy it into a state if needed";
        break;
      case ast::DeclKind::Choice:
        message = "'" + n + "' is a choice and cannot be reassigned; copy it into a state to keep it";
        break;
      case ast::DeclKind::Fn:
      case ast::DeclKind::FnArg:
        message = "'" + n + "' is " + aKind(t->declKind) + " and cannot be assigned";
        break;
      case ast::DeclKind::State:  // returned above: states are what phases assign
        return;
    }
    ctx_.error(a->target->range, message);
  }
  if (auto* tr = dyn_cast<ast::TriggerStmt>(&s)) {
    const ast::NamedDecl* t = tr->event->target;
    if (t && t->declKind != ast::DeclKind::Event)
      ctx_.error(tr->event->range, "'" + t->name + "' is " + aKind(t->declKind) +
                                       ", not an event; only events can be triggered");
  }
}

void checkRules(Context& ctx) {
  Rules rules(ctx);
  for (ast::ConstDecl* c : ctx.consts) rules.constant(*c);
  for (ast::FnDecl* f : ctx.functions) rules.function(*f);
  for (CheckedScenario& cs : ctx.scenarios) rules.scenario(*cs.scenario);
}

}  // namespace omen::sema
