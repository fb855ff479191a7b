//===- Rare.h - `omen rare`: importance sampling tuned by cross entropy -----===//
#pragma once

#include "omen/Rare.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// Up to `what.rounds` pilot rounds of `what.pilot` trials tune the tilt
/// (analysis/rare/CrossEntropy.h); then a run of `options.trials` trials under it gives the
/// estimate. Refuses, saying why and what to try, where the result would not be trustworthy:
/// no pilot trial reaches the event, no final trial does, or the weights degenerate
/// (Pareto k-hat above 0.7).
RareOutcome rareEvent(ScenarioSource& source, const RunOptions& options, const RareOptions& what);

}  // namespace omen::rt
