//===- Exactness.h - Which scenarios the exact engine can answer -----------===//
//
// The exact engine (backend/exact/, docs/exact.md) carries a distribution over a trial's
// states instead of sampling it, so it needs every draw to have finitely many outcomes (or
// countably many, whose far tails it leaves out and counts): bernoulli and `with
// probability`, categorical, binomial, poisson, geometric. A continuous draw anywhere the
// trial can reach (its start, its phases, its reports, the functions they call) refuses the
// scenario, with one exception that loses nothing: an uncertain param whose prior is
// continuous but which the trial reads once only, as the probability of one draw at its
// start (`state d = bernoulli(p_deceptive)`). P(that draw) = E[p], so the engine takes the
// prior's mean for it (beta, uniform, triangular, pert: closed forms). Another uncertain
// param with a continuous prior must be pinned with `--set` (its prior is then never drawn).
//
// Whether the reachable states are few enough is known only by counting them: the engine
// stops with an error past its state limit. `omen emit --ir` prints the decision and the
// reason on the scenario line.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Module.h"

namespace omen::ir {

/// The distributions the exact engine enumerates.
bool isEnumerable(BuiltinId id);
/// The continuous priors whose mean the engine can take in place of the param (see above).
bool hasClosedFormMean(BuiltinId id);

/// Decides Scenario::exact, Scenario::exactness (the reason), Scenario::priorMeans and
/// Scenario::exactPins.
void analyzeExactness(Module& m);

}  // namespace omen::ir
