//===- TypeChecker.cpp - Types of declarations and statements ----------------===//
//
// A param or state takes the type of its initialiser; assignments must keep a state's
// type (an int widens into a real state, a real never narrows into an int one); conditions
// are bools; returns match the declared type. Scenario members are typed in evaluation
// order: fixed params, uncertain params, states, then phases and reports.
//
//===----------------------------------------------------------------------===//
#include "frontend/sema/TypeChecker.h"

#include "frontend/sema/ParamRangeCheck.h"
#include "frontend/sema/Walk.h"

namespace omen::sema {

void TypeChecker::constant(ast::ConstDecl& c) { c.type = check(c.init); }

/// Does running the body consume random numbers? `with probability` always draws.
static bool bodyDraws(ast::FnDecl& fn) {
  bool draws = false;
  auto note = [&](ast::Expr* e) { draws = draws || e->draws; };
  walkExpr(fn.exprBody.get(), note);
  walkStmtExprs(fn.blockBody.get(), note);
  std::vector<ast::Stmt*> work;
  if (fn.blockBody) work.push_back(fn.blockBody.get());
  while (!work.empty() && !draws) {
    ast::Stmt* s = work.back();
    work.pop_back();
    if (!s) continue;
    if (s->kind == ast::StmtKind::WithProbability) draws = true;
    if (auto* b = dyn_cast<ast::BlockStmt>(s))
      for (auto& c : b->stmts) work.push_back(c.get());
    if (auto* i = dyn_cast<ast::IfStmt>(s))
      work.push_back(i->thenBlock.get()), work.push_back(i->elseStmt.get());
  }
  return draws;
}

void TypeChecker::function(ast::FnDecl& fn) {
  function_ = &fn;
  const std::string what =
      "the result of '" + fn.name + "' (declared " + std::string(typeName(fn.type)) + ")";
  if (fn.exprBody) {
    check(fn.exprBody);
    expect(fn.exprBody, fn.type, what);
  }
  if (fn.blockBody) block(*fn.blockBody);
  function_ = nullptr;
  fn.draws = bodyDraws(fn);
}

void TypeChecker::scenario(ast::Scenario& s) {
  for (ast::ParamDecl* p : s.params)
    if (!p->uncertain) p->type = check(p->init);
  for (ast::ParamDecl* p : s.params)
    if (p->uncertain) p->type = check(p->init);
  for (ast::ParamDecl* p : s.params) checkParamRange(*p, ctx_);
  for (ast::StateDecl* st : s.states) {
    if (st->length) {
      check(st->length);
      expect(st->length, Type::Int, "the length of array '" + st->name + "'");
    }
    st->type = check(st->init);
  }
  for (ast::EventDecl* ev : s.events)
    if (ev->length) {
      check(ev->length);
      expect(ev->length, Type::Int, "the length of array '" + ev->name + "'");
    }

  for (ast::PhaseDecl* ph : s.phases) {
    const std::string phase = "phase '" + ph->name + "'";
    if (ph->count) {
      check(ph->count);
      expect(ph->count, Type::Int, "the step count of " + phase,
             "; use round(...) to turn it into a whole number of steps");
    }
    if (ph->cond) {
      check(ph->cond);
      if (ph->cond->type != Type::Unknown && ph->cond->type != Type::Bool)
        ctx_.error(ph->cond->range, "the `until` condition of " + phase + " must be a bool, got " +
                                        aType(ph->cond->type));
    }
    if (ph->limit) {
      check(ph->limit);
      expect(ph->limit, Type::Int, "the limit of " + phase);
    }
    if (ph->body) block(*ph->body);
  }

  for (ast::ReportDecl* r : s.reports) {
    Type v = check(r->value);
    if (r->given) {
      Type g = check(r->given);
      if (g != Type::Unknown && g != Type::Bool)
        ctx_.error(r->given->range, "the condition after '|' must be a bool, got " + aType(g));
    }
    if (v == Type::Unknown) continue;
    if (r->reportKind == ast::ReportDecl::Probability && v != Type::Bool)
      ctx_.error(r->value->range, "P(...) needs a bool condition, got " + aType(v) +
                                      "; use E(...) for the mean of a number");
    if (r->reportKind != ast::ReportDecl::Probability && v == Type::Bool)
      ctx_.error(r->value->range,
                 std::string(r->reportKind == ast::ReportDecl::Mean ? "E" : "quantiles") +
                     "(...) of a bool; use P(...) for a probability");
  }
}

void TypeChecker::block(ast::BlockStmt& b) {
  for (auto& s : b.stmts) stmt(*s);
}

void TypeChecker::stmt(ast::Stmt& s) {
  switch (s.kind) {
    case ast::StmtKind::Block:
      return block(*cast<ast::BlockStmt>(&s));
    case ast::StmtKind::Let: {
      auto& l = *cast<ast::LetStmt>(&s);
      l.type = check(l.init);
      return;
    }
    case ast::StmtKind::Assign:
      return assign(*cast<ast::AssignStmt>(&s));
    case ast::StmtKind::If: {
      auto& i = *cast<ast::IfStmt>(&s);
      Type c = check(i.cond);
      if (c != Type::Unknown && c != Type::Bool)
        ctx_.error(i.cond->range, "the condition of `if` must be a bool, got " + aType(c) +
                                      (isNumeric(c) ? "; compare it, e.g. x > 0" : ""));
      block(*i.thenBlock);
      if (i.elseStmt) stmt(*i.elseStmt);
      return;
    }
    case ast::StmtKind::WithProbability: {
      auto& w = *cast<ast::WithProbabilityStmt>(&s);
      check(w.probability);
      expect(w.probability, Type::Real, "the probability of `with probability`");
      block(*w.thenBlock);
      if (w.elseStmt) stmt(*w.elseStmt);
      return;
    }
    case ast::StmtKind::Return: {
      auto& r = *cast<ast::ReturnStmt>(&s);
      check(r.value);
      if (function_)
        expect(r.value, function_->type,
               "the result of '" + function_->name + "' (declared " +
                   std::string(typeName(function_->type)) + ")");
      return;
    }
    case ast::StmtKind::For: {
      auto& f = *cast<ast::ForStmt>(&s);
      check(f.lo);
      expect(f.lo, Type::Int, "the start of a `for` range");
      check(f.hi);
      expect(f.hi, Type::Int, "the end of a `for` range");
      return block(*f.body);
    }
    case ast::StmtKind::Trigger: {
      auto& t = *cast<ast::TriggerStmt>(&s);
      const ast::NamedDecl* target = t.event->target;
      if (!target || target->declKind != ast::DeclKind::Event) return;  // the rules report it
      if (t.index)
        checkIndex(t.index, *t.event, "trigger");
      else if (ast::arrayLength(target))
        ctx_.error(t.event->range, "'" + target->name + "' is an array of events; trigger one of them, e.g. `trigger " +
                                       target->name + "[i]`");
      return;
    }
    case ast::StmtKind::Observe:
      return observe(*cast<ast::ObserveStmt>(&s));
    case ast::StmtKind::Choose:
      return choose(*cast<ast::ChooseStmt>(&s));
    case ast::StmtKind::End:
    case ast::StmtKind::Stop:
      return;
  }
}

void TypeChecker::assign(ast::AssignStmt& a) {
  const ast::NamedDecl* target = a.target->target;
  bool isState = target && target->declKind == ast::DeclKind::State;
  if (a.index && isState) {
    checkIndex(a.index, *a.target, "assignment");
  } else if (a.index) {
    check(a.index);
  } else if (isState && ast::arrayLength(target)) {
    ctx_.error(a.target->range, "'" + target->name + "' is an array; assign one element, e.g. `" + target->name +
                                    "[i] = ...`, in a loop `for i in 0..n { ... }` to assign them all");
  }
  Type v = check(a.value);
  if (!isState)
    return;  // the rules report other targets
  a.target->type = target->type;
  Type want = target->type;
  if (v == Type::Unknown || want == Type::Unknown || v == want) return;
  if (want == Type::Real && v == Type::Int) return widen(a.value);
  std::string message = "cannot assign " + aType(v) + " to the " + std::string(typeName(want)) +
                        " state '" + target->name + "'";
  if (want == Type::Int && v == Type::Real)
    message += "; use round(...) to convert, or start the state as a real (e.g. `state " +
               target->name + " = 0.0`)";
  ctx_.error(a.value->range, message);
}

void checkTypes(Context& ctx) {
  TypeChecker checker(ctx);
  for (ast::NamedDecl* d : ctx.globalOrder) {
    if (auto* c = dynamic_cast<ast::ConstDecl*>(d)) checker.constant(*c);
    if (auto* f = dynamic_cast<ast::FnDecl*>(d)) checker.function(*f);
  }
  for (CheckedScenario& cs : ctx.scenarios) checker.scenario(*cs.scenario);
}

}  // namespace omen::sema
