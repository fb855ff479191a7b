//===- Worlds.h - Two-level runs (`--worlds`), once for every client --------===//
//
// World w of a run seeded s with N trials per world:
//  * draws its epistemic params from the world stream: trial index kWorldStreams + w of the
//    scenario's param scenario (ir/ParamScenario.h), which draws every uncertain param of
//    the scenario in declaration order and keeps the epistemic ones;
//  * pins them (as --set would) and runs trials w·N … w·N + N − 1 of seed s: every world
//    reads its own trials' streams, so worlds are independent, and the whole run depends on
//    the seed, W and N only (not on threads or the engine).
// Worlds with one block of trials or fewer run in parallel, one world per worker; longer
// worlds run one after another, each on every worker. Results are the same either way.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "omen/RunOptions.h"
#include "omen/Worlds.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// Counter offset of the world streams: trials stay below 10^12 and the design streams of
/// the sensitivity analysis start at 2^63 (analysis/ParamDraws.h).
inline constexpr uint64_t kWorldStreams = (uint64_t(1) << 63) + (uint64_t(1) << 62);

WorldsOutcome runWorlds(ScenarioSource& source, const RunOptions& options);

}  // namespace omen::rt
