//===- Sweep.h - `omen sweep`: one scenario over a grid of one or two params ===//
//
// Host-side, on top of RunScenarios.h, so `omen sweep`, the REPL's `:sweep`, the public API
// and `omen build` executables run the same code: choose the scenario, read the grid against
// the params' types and declared ranges, compile once, and run every point on common random
// numbers (SweepDriver.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "omen/Analysis.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// The scenario an analysis of `params` runs: `requested`, or else the one scenario of the
/// file that declares every one of `params`. "" or the usage error.
std::string chooseAnalysisScenario(ScenarioSource& source, const std::string& requested,
                                   const std::vector<std::string>& params, size_t& index);

/// The param `name` of `info`, or null with the usage error in `error` (with a suggestion).
const ParamInfo* findParam(const ScenarioInfo& info, const std::string& name, std::string& error);

/// A bound of a grid or bracket as typed (empty: the declared bound); "" or the usage error.
std::string readBound(const ParamInfo& param, const std::string& text, bool upper, double& out);

/// The grid of one axis: `points` values from lo to hi, evenly or geometrically spaced; an
/// int param's values rounded and repeats dropped. "" or the usage error.
std::string sweepGrid(const ParamInfo& param, const SweepAxisRequest& axis, uint32_t points, std::vector<double>& out);

/// `param` at `value` as a Value of its type.
Value paramValueOf(const ParamInfo& param, double value);

SweepOutcome sweepScenario(ScenarioSource& source, const SweepRequest& request, const RunOptions& options);

}  // namespace omen::rt
