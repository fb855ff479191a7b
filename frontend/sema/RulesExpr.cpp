//===- RulesExpr.cpp - What an expression may read and do where it stands ---===//
#include "frontend/sema/Rules.h"
#include "core/Builtins.h"
#include "frontend/sema/ConstantArgs.h"

namespace omen::sema {

static bool inPhase(Place p) {
  return p == Place::PhaseCount || p == Place::PhaseCond || p == Place::PhaseLimit ||
         p == Place::PhaseBody;
}

void Rules::conjuncts(const ast::Expr* cond, Implied& out) {
  if (!cond) return;
  if (auto* b = dyn_cast<ast::BinaryExpr>(cond); b && b->op == ast::BinaryOp::And) {
    conjuncts(b->lhs.get(), out);
    conjuncts(b->rhs.get(), out);
  } else if (auto* n = dyn_cast<ast::NameExpr>(cond); n && n->target) {
    if (n->target->declKind == ast::DeclKind::Event) out.push_back(n->target);
  }
}

void Rules::expr(ast::Expr* e, Implied& implied, bool drawReported) {
  if (!e) return;
  switch (e->kind) {
    case ast::ExprKind::Number:
    case ast::ExprKind::Bool:
      return;
    case ast::ExprKind::Name:
      return name(*cast<ast::NameExpr>(e));
    case ast::ExprKind::Clock: {
      auto& c = *cast<ast::ClockExpr>(e);
      if (c.which == ast::ClockExpr::GlobalStep && !inPhase(place_) && place_ != Place::Report)
        ctx_.error(c.range, "'t' is only meaningful inside a phase or a report");
      if (c.which == ast::ClockExpr::PhaseStep && place_ != Place::PhaseBody &&
          place_ != Place::PhaseCond)
        ctx_.error(c.range,
                   "'step' is only meaningful inside a phase body or its `until` condition");
      return;
    }
    case ast::ExprKind::Unary:
      return expr(cast<ast::UnaryExpr>(e)->operand.get(), implied, drawReported);
    case ast::ExprKind::Binary: {
      auto& b = *cast<ast::BinaryExpr>(e);
      expr(b.lhs.get(), implied, drawReported);
      // The right side of `a and b` only runs where `a` held.
      size_t mark = implied.size();
      if (b.op == ast::BinaryOp::And) conjuncts(b.lhs.get(), implied);
      expr(b.rhs.get(), implied, drawReported);
      implied.resize(mark);
      return;
    }
    case ast::ExprKind::If: {
      auto& i = *cast<ast::IfExpr>(e);
      expr(i.cond.get(), implied, drawReported);
      size_t mark = implied.size();
      conjuncts(i.cond.get(), implied);
      expr(i.thenExpr.get(), implied, drawReported);
      implied.resize(mark);
      return expr(i.elseExpr.get(), implied, drawReported);
    }
    case ast::ExprKind::Call: {
      auto& c = *cast<ast::CallExpr>(e);
      if (!drawReported && c.draws) {
        bool selfDraws = (c.builtin >= 0 && kBuiltins[c.builtin].isDistribution) ||
                         (c.function && c.function->draws);
        if (selfDraws &&
            (place_ == Place::Const || place_ == Place::FixedParam || place_ == Place::Report)) {
          draw(c);
          drawReported = true;
        }
      }
      for (auto& a : c.args) expr(a.get(), implied, drawReported);
      // A warning, not an error: the call may never run (`false and bernoulli(2.0)`, a branch
      // taken with probability 0), and a program that never reaches it is valid.
      if (std::string invalid = invalidConstantArguments(c); !invalid.empty())
        ctx_.warning(c.range, invalid + "; this call fails whenever it runs");
      return;
    }
    case ast::ExprKind::Time:
      return timeOf(*cast<ast::TimeExpr>(e), implied);
    case ast::ExprKind::Cast:
      return expr(cast<ast::CastExpr>(e)->operand.get(), implied, drawReported);
    case ast::ExprKind::Index:
      name(*cast<ast::IndexExpr>(e)->array);
      return expr(cast<ast::IndexExpr>(e)->index.get(), implied, drawReported);
    case ast::ExprKind::Reduce:
      return name(*cast<ast::ReduceExpr>(e)->array);
  }
}

void Rules::draw(ast::CallExpr& c) {
  std::string what = c.function ? "'" + c.callee + "' draws random numbers"
                                : "'" + c.callee + "' is a random draw";
  if (place_ == Place::Const)
    ctx_.error(c.range, "a const cannot draw random numbers (" + what +
                            "); for an uncertain value use `param NAME ~ ...` in a scenario");
  else if (place_ == Place::FixedParam)
    ctx_.error(c.range, "fixed param '" + current_->name + "' cannot draw random numbers (" + what +
                            "); use `param " + current_->name + " ~ ...` for an uncertain param");
  else
    ctx_.error(c.range, "a report cannot draw random numbers (" + what +
                            "); draw into a state and report the state");
}

void Rules::name(ast::NameExpr& n) {
  const ast::NamedDecl* t = n.target;
  if (!t || !current_) return;
  const std::string self = current_->name;
  auto later = [&] {
    auto a = position_.find(t), b = position_.find(current_);
    return a != position_.end() && b != position_.end() && a->second >= b->second;
  };
  auto laterMessage = [&](const char* kind) {
    if (t == current_) return std::string(kind) + " '" + self + "' is defined in terms of itself";
    return std::string(kind) + " '" + self + "' uses '" + t->name +
           "', which is declared after it; declare '" + t->name + "' first";
  };
  switch (place_) {
    case Place::FixedParam: {
      auto* p = dynamic_cast<const ast::ParamDecl*>(t);
      if (p && p->uncertain)
        ctx_.error(n.range, "fixed param '" + self + "' cannot use the uncertain param '" +
                                t->name + "', which is drawn per trial; make '" + self +
                                "' uncertain too (`param " + self +
                                " ~ ...`) or use a fixed value");
      else if (p && later())
        ctx_.error(n.range, laterMessage("param"));
      else if (t->declKind == ast::DeclKind::State || t->declKind == ast::DeclKind::Event)
        ctx_.error(n.range, "fixed param '" + self + "' cannot use the " +
                                ast::describe(t->declKind) + " '" + t->name +
                                "'; a fixed param is set once per run, before any trial");
      return;
    }
    case Place::UncertainParam: {
      auto* p = dynamic_cast<const ast::ParamDecl*>(t);
      auto* self_ = dynamic_cast<const ast::ParamDecl*>(current_);
      if (p && p->uncertain && later())
        ctx_.error(n.range, laterMessage("param"));
      else if (self_ && self_->epistemic && p && p->uncertain && !p->epistemic)
        ctx_.error(n.range, "epistemic param '" + self + "' cannot use the param '" + t->name +
                                "', which is drawn per trial; a world's value may use only consts, fixed "
                                "params and epistemic params");
      else if (t->declKind == ast::DeclKind::State || t->declKind == ast::DeclKind::Event)
        ctx_.error(n.range, "uncertain param '" + self + "' cannot use the " +
                                ast::describe(t->declKind) + " '" + t->name +
                                "'; params are drawn before any state and any step");
      return;
    }
    case Place::StateInit:
      if (t->declKind == ast::DeclKind::Event)
        ctx_.error(n.range, "the initial value of state '" + self + "' cannot use the event '" +
                                t->name + "'; every event is false when states are initialised");
      else if (t->declKind == ast::DeclKind::State && later())
        ctx_.error(n.range,
                   t == current_
                       ? laterMessage("state")
                       : "state '" + self + "' uses the state '" + t->name +
                             "', which is declared after it; states are initialised in order");
      return;
    case Place::Const:  // consts and the rest follow their own rules (Rules.cpp)
    case Place::FnBody:
    case Place::PhaseCount:
    case Place::PhaseCond:
    case Place::PhaseLimit:
    case Place::PhaseBody:
    case Place::Report:
      return;
  }
}

void Rules::timeOf(ast::TimeExpr& e, const Implied& implied) {
  if (!inPhase(place_) && place_ != Place::Report) {
    ctx_.error(e.range, "time(...) is only meaningful inside a phase or a report");
    return;
  }
  const ast::NamedDecl* ev = e.event->target;
  if (!ev || ev->declKind != ast::DeclKind::Event) return;  // reported by names or types
  // time(e[i]) of an element is -1 until it happened: which element a guard covers is not
  // known statically, so only single events need their guard.
  if (e.index) return expr(e.index.get(), const_cast<Implied&>(implied));
  for (const ast::NamedDecl* d : implied)
    if (d == ev) return;
  if (place_ == Place::Report)
    ctx_.error(e.range, "time(" + ev->name + ") is only defined in trials where '" + ev->name +
                            "' happened; condition the report on it, e.g. E(time(" + ev->name +
                            ") | " + ev->name + ")");
  else
    ctx_.error(e.range, "time(" + ev->name + ") is only defined once '" + ev->name +
                            "' happened; guard it with `if " + ev->name + " { ... }` or `" +
                            ev->name + " and ...`");
}

}  // namespace omen::sema
