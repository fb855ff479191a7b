//===- SplitPoints.h - A scenario instrumented for multilevel splitting -----===//
//
// `omen rare --split-on EXPR` (analysis/rare/Splitting.h) needs, after every phase step, the
// value of EXPR and a place where a clone's stream can switch to a fresh one. Both are one
// statement, SplitPoint, appended here to every phase body of a copy of the scenario, like
// ir/ApplyPolicy.h makes a strategy into ordinary IR: normal runs compile the scenario as
// written, and both engines execute the split point at the same place.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "ir/Module.h"

namespace omen::ir {

/// Appends a split point of `value` (int and bool converted to real) to every phase body of
/// `s`, and turns off what would skip a step without passing it (quiescent steps, hazard
/// jumps, trial lanes). Returns why `s` cannot be split ("" when it can): it has no phase.
std::string addSplitPoints(Scenario& s, const Expr& value);

}  // namespace omen::ir
