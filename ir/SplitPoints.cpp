//===- SplitPoints.cpp - A scenario instrumented for multilevel splitting ---===//

#include "ir/SplitPoints.h"

namespace omen::ir {

namespace {

ExprPtr asReal(const Expr& value) {
  ExprPtr v = value.clone();
  if (v->type == Type::Int) return makeIntToReal(std::move(v));
  if (v->type == Type::Bool) return makeSelect(std::move(v), makeReal(1.0), makeReal(0.0));
  return v;
}

}  // namespace

std::string addSplitPoints(Scenario& s, const Expr& value) {
  if (s.phases.empty())
    return "scenario " + s.name + " has no phase: splitting restarts trials at phase steps, and it has none";
  for (Phase& p : s.phases) {
    p.body.push_back(makeSplitPoint(asReal(value), kNoSite));
    // A skipped or jumped-over step would pass no split point.
    p.skipQuiescent = false;
    p.quiescence = "the body has split points";
    p.jumpsHazards = false;
    p.hazards = p.hazardSites ? "the body has split points" : "";
  }
  s.runsInLanes = false;
  s.trialLanes = "the trial has split points";
  s.exact = false;
  s.exactness = "the scenario has split points (multilevel splitting runs by Monte Carlo)";
  return "";
}

}  // namespace omen::ir
