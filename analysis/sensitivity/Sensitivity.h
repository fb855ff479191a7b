//===- Sensitivity.h - `omen sensitivity`, once for every client -----------===//
//
// The tornado and the Sobol' indices of one report of one scenario, computed on top of the
// run pipeline (RunScenarios.h) so that the public API, the REPL and built executables share
// it. The methods and their references: docs/sensitivity.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "omen/RunOptions.h"
#include "omen/Sensitivity.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

SensitivityOutcome sensitivity(ScenarioSource& source, const RunOptions& options, const SensitivityOptions& what);

}  // namespace omen::rt
