//===- Analysis.cpp - Sweeps, thresholds and settings comparisons in the public API ===//
//
// Each is the runtime's host-side analysis (analysis/) over the program's
// scenarios compiled on the chosen engine: the same code `omen build` executables run.
//
//===----------------------------------------------------------------------===//
#include "api/ProgramImpl.h"
#include "analysis/compare/CompareSettings.h"
#include "analysis/solve/Solve.h"
#include "analysis/sweep/Sweep.h"

namespace omen {

CompareOutcome Program::compareSettings(const std::string& scenario,
                                        const std::vector<std::pair<std::string, std::string>>& settingsA,
                                        const std::vector<std::pair<std::string, std::string>>& settingsB,
                                        const RunOptions& options) const {
  return runOnProgram<CompareResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::compareSettings(source, scenario, settingsA, settingsB, options); });
}

SweepOutcome Program::sweep(const SweepRequest& request, const RunOptions& options) const {
  return runOnProgram<SweepResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::sweepScenario(source, request, options); });
}

SolveOutcome Program::solve(const SolveRequest& request, const RunOptions& options) const {
  return runOnProgram<SolveResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::solveScenario(source, request, options); });
}

}  // namespace omen
