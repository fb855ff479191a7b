//===- TrialLanes.cpp - Straight-line scenarios: safe to run speculatively ---===//
#include "ir/TrialLanes.h"

#include <vector>

namespace omen::ir {
namespace {

class Analysis {
 public:
  explicit Analysis(const Module& m) : m_(m), loopsIn_(m.functions.size(), -1) {}

  /// The reason `s` must run one trial at a time, or "" when its trials may share vectors.
  std::string decide(const Scenario& s) {
    if (!s.arrays.empty()) return "the scenario has arrays";
    for (const Phase& p : s.phases) {
      if (p.form == PhaseForm::Until) return "phase " + p.name + " is an until phase";
      if (!p.count || p.count->kind != ExprKind::Const) return "phase " + p.name + " has a step count that is not a constant";
      if (p.count->intValue > 1) return "phase " + p.name + " runs more than one step";
    }
    if (loops(s.trialInit)) return "the trial has a for loop";
    for (const Phase& p : s.phases)
      if (loops(p.body) || loops(*p.count)) return "the trial has a for loop";
    for (const Report& r : s.reports)
      if (loops(*r.value) || (r.given && loops(*r.given))) return "the trial has a for loop";
    return "";
  }

 private:
  /// Whether evaluating `e` may run a `for` loop (in a function it calls).
  bool loops(const Expr& e) {
    if (e.kind == ExprKind::CallFunction && functionLoops(e.index)) return true;
    for (const ExprPtr& o : e.operands)
      if (loops(*o)) return true;
    return false;
  }
  bool loops(const Block& b) {
    for (const StmtPtr& s : b) {
      if (s->kind == StmtKind::For) return true;
      if ((s->value && loops(*s->value)) || (s->subscript && loops(*s->subscript)) || (s->bound && loops(*s->bound)) ||
          loops(s->thenBlock) || loops(s->elseBlock))
        return true;
    }
    return false;
  }
  bool functionLoops(uint32_t f) {
    int& memo = loopsIn_[f];
    if (memo < 0) memo = 0, memo = loops(m_.functions[f].body) ? 1 : 0;  // no recursion (verifier)
    return memo == 1;
  }

  const Module& m_;
  std::vector<int> loopsIn_;  ///< -1 unknown, 0 no, 1 yes
};

}  // namespace

void analyzeTrialLanes(Module& m) {
  Analysis a(m);
  for (Scenario& s : m.scenarios) {
    s.trialLanes = a.decide(s);
    s.runsInLanes = s.trialLanes.empty();
  }
}

}  // namespace omen::ir
