//===- Hazards.cpp - The static half of jumping over steps whose choices failed ---===//
#include "ir/Hazards.h"

#include "ir/StepAnalysis.h"

namespace omen::ir {
namespace {

/// The probability of `if bernoulli(p)`, or null for any other statement.
const Expr* bernoulliCondition(const Stmt& s) {
  if (s.kind != StmtKind::If || s.value->kind != ExprKind::CallBuiltin || s.value->builtin != BuiltinId::Bernoulli)
    return nullptr;
  return s.value->operands[0].get();
}

uint32_t countChoices(const Block& b) {
  uint32_t n = 0;
  for (const StmtPtr& s : b)
    n += (s->kind == StmtKind::WithProbability || bernoulliCondition(*s)) + countChoices(s->thenBlock) +
         countChoices(s->elseBlock);
  return n;
}

/// The first draw of `e` for a reason: the distribution's name, or a function's.
std::string drawIn(const Module& m, StepAnalysis& a, const Expr& e) {
  if (e.kind == ExprKind::CallBuiltin && builtin(e.builtin).isDistribution)
    return "the body draws from " + std::string(builtin(e.builtin).name) + " outside a choice";
  if (e.kind == ExprKind::CallFunction && a.mayDraw(e)) {
    bool inArguments = false;
    for (const ExprPtr& o : e.operands) inArguments = inArguments || a.mayDraw(*o);
    if (!inArguments) return "the body calls " + m.functions[e.index].name + ", which draws";
  }
  for (const ExprPtr& o : e.operands)
    if (a.mayDraw(*o)) return drawIn(m, a, *o);
  return "";
}

/// "" when every draw of `b` is a choice whose probability draws nothing, else why not.
std::string onlyChoicesDraw(const Module& m, StepAnalysis& a, const Block& b) {
  for (const StmtPtr& s : b) {
    const Expr* p = s->kind == StmtKind::WithProbability ? s->value.get() : bernoulliCondition(*s);
    if (p && a.mayDraw(*p)) return "a choice's probability draws";
    if (!p && s->value && a.mayDraw(*s->value)) return drawIn(m, a, *s->value);
    std::string why = onlyChoicesDraw(m, a, s->thenBlock);
    if (why.empty()) why = onlyChoicesDraw(m, a, s->elseBlock);
    if (!why.empty()) return why;
  }
  return "";
}

/// `if bernoulli(p) {…} else {…}` becomes `with probability p {…} else {…}` at the call's
/// site: both call omen_rt_bernoulli(ctx, site, p) once, so nothing a run shows changes,
/// and the engines meet one kind of choice.
void rewriteBernoulliConditions(Block& b) {
  for (StmtPtr& s : b) {
    if (bernoulliCondition(*s)) {
      ExprPtr call = std::move(s->value);
      StmtPtr choice = makeWithProbability(std::move(call->operands[0]), call->site, std::move(s->thenBlock),
                                           std::move(s->elseBlock));
      s = std::move(choice);
    }
    rewriteBernoulliConditions(s->thenBlock);
    rewriteBernoulliConditions(s->elseBlock);
  }
}

/// The engines keep a step's probabilities in an array of this many doubles at most (on the
/// stack of a JIT kernel): a body with more choices than any model needs draws every step.
constexpr uint32_t kMaxChoices = 1024;

std::string decideHazards(const Module& m, StepAnalysis& a, const Phase& p) {
  if (p.form == PhaseForm::For && p.count->kind == ExprKind::Const && p.count->intValue <= 1)
    return "at most one step";
  if (p.hazardSites > kMaxChoices) return "the body has more than 1024 choices";
  std::string why = a.unchangedBetweenSteps(p);
  if (why.empty()) why = onlyChoicesDraw(m, a, p.body);
  return why;
}

}  // namespace

void analyzeHazards(Module& m) {
  for (Scenario& s : m.scenarios) {
    StepAnalysis a(m, s);
    for (Phase& p : s.phases) {
      p.hazardSites = countChoices(p.body);
      p.hazards = p.hazardSites ? decideHazards(m, a, p) : "";
      p.jumpsHazards = p.hazardSites && p.hazards.empty();
      if (p.jumpsHazards) rewriteBernoulliConditions(p.body);
    }
  }
}

}  // namespace omen::ir
