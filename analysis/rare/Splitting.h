//===- Splitting.h - `omen rare --split-on EXPR`: fixed-effort multilevel splitting =//
//
// For an event reached step by step (a walk to a height, a capability to a threshold), the
// probability is a product of conditional ones that are not small: P(reach level 1) ·
// P(reach level 2 | level 1) · … · P(event | last level). Levels of the user's importance
// function EXPR come from a pilot run, each the value the top ~20% of the trials started at
// the level before reach (adaptive multilevel splitting, Cérou and Guyader, Stoch. Anal.
// Appl. 2007); then, in each of R independent replications, fixed effort: n trials per
// level, started from the states in which trials of the level before first reached it
// (Garvels, PhD thesis, 2000). A replication's product is unbiased; the estimate is the
// mean over replications and its standard error their sample sd / sqrt(R), the interval
// Student's t with R - 1 degrees of freedom.
//
// A trial's state at a level is never saved: a clone replays its ancestor's draws up to the
// step at which the ancestor reached the level, then reads a fresh stream (the split points
// of ir/SplitPoints.h and runtime/kernel/Split.cpp switch streams there). Stream ids are
// 2^62 + replication·2^40 + level·2^32 + index, so every trial of every replication, and
// the pilot's (replication 2^22 - 1), reads its own streams.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "omen/Rare.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// Fills `out` by splitting on `what.splitOn`, the event being the report labelled
/// `what.event` of the scenario at `index` in `source` (already chosen and checked by
/// rareEvent).
void splitEvent(ScenarioSource& source, size_t index, const RunOptions& options, const RareOptions& what,
                RareOutcome& out);

}  // namespace omen::rt
