//===- Worst.h - `omen worst`: an adversary's best strategy, once for every client ===//
//
// The objective is the report's estimate from a run with the searched params pinned, always
// on the run's seed: common random numbers, so the search sees a deterministic function
// (sample average approximation). NLopt searches it derivative-free inside the declared
// ranges: DIRECT-L (Gablonsky & Kelley 2001; global, needs finite bounds) with 3/4 of the
// evaluations, then Subplex (a local polish, robust to the steps an indicator report makes)
// from the best point with the rest. The optimum is then re-run on fresh streams
// (kFreshSeedXor) so the printed value is not biased by the search (Smith & Winkler 2006).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "omen/RunOptions.h"
#include "omen/Worst.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// The re-estimate's seed is the run's seed XOR this constant: a different Philox key, so
/// its streams are independent of the search's.
inline constexpr uint64_t kFreshSeedXor = 0x9E3779B97F4A7C15ULL;

WorstOutcome worstCase(ScenarioSource& source, const RunOptions& options, const WorstOptions& what);

}  // namespace omen::rt
