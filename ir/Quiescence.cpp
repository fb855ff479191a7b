//===- Quiescence.cpp - The static half of skipping quiescent steps -------===//
#include "ir/Quiescence.h"

#include "ir/StepAnalysis.h"

namespace omen::ir {

/// The reason `p` cannot skip, or "" when it can.
static std::string decideQuiescence(StepAnalysis& a, const Phase& p) {
  if (p.form == PhaseForm::For && p.count->kind == ExprKind::Const && p.count->intValue <= 1)
    return "at most one step";
  std::string why = a.unchangedBetweenSteps(p);
  if (!why.empty()) return why;
  // Only a matter of speed: a phase whose every step draws never skips, so it need not pay
  // for the check.
  if (a.mustDraw(p.body)) return "every step draws";
  return "";
}

void analyzeQuiescence(Module& m) {
  for (Scenario& s : m.scenarios) {
    StepAnalysis a(m, s);
    for (Phase& p : s.phases) {
      p.quiescence = decideQuiescence(a, p);
      p.skipQuiescent = p.quiescence.empty();
    }
  }
}

}  // namespace omen::ir
