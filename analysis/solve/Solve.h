//===- Solve.h - `omen solve`: the param value at which a report hits a target ===//
//
// Sample-average approximation on common random numbers: with the seed and streams fixed,
// the estimate is a deterministic function of the param (the CRN response), so a bracketing
// root finder applies. A coarse scan brackets the crossing (and tells a range that never
// crosses, or crosses more than once, from one that does), Boost.Math's TOMS 748 refines it,
// and the same solver on |estimate - target| = z * stderr finds the interval: every x at
// which the target lies inside the report's 95% interval (test inversion).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "omen/Analysis.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

SolveOutcome solveScenario(ScenarioSource& source, const SolveRequest& request, const RunOptions& options);

}  // namespace omen::rt
