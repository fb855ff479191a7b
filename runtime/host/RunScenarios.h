//===- RunScenarios.h - run and compare, once for every client -------------===//
//
// From options to results: choose the scenarios (with "did you mean"), compile their
// kernels, check and apply `--set`, run them through the driver in order, and render the
// first runtime error. The public API, the REPL and `omen build` executables all come here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "omen/Results.h"
#include "omen/RunOptions.h"
#include "runtime/host/Driver.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// The indices in `known` of scenarios `names` (empty: all, in order); "" or the usage error
/// ("no scenario named …; did you mean …?").
std::string selectScenarios(const std::vector<std::string>& known, const std::vector<std::string>& names,
                            std::vector<size_t>& out);

/// The chosen scenarios' kernels with every setting checked: what run, compare and the
/// analysis commands start from.
struct PreparedRun {
  std::vector<size_t> indices;
  std::vector<const Kernel*> kernels;
  std::vector<double> compileSeconds;  ///< per kernel; the first also counts the source's setup
};
Failure prepareRun(ScenarioSource& source, const std::vector<std::string>& names, const RunOptions& options,
                   PreparedRun& out, std::string& error);
/// prepareRun for a command that analyses one scenario: `scenario`, or the file's only one.
Failure prepareOneScenario(ScenarioSource& source, const std::string& scenario, const RunOptions& options,
                           PreparedRun& out, std::string& error);

/// Marks `out` (any command's outcome) failed for `why`, with the message the command prints.
template <typename Outcome>
Outcome& failWith(Outcome& out, Failure why, std::string message) {
  out.failure = why;
  out.error = std::move(message);
  return out;
}

/// `return usage("…")` in a command: marks `out` failed for its options (exit status 2)
/// with that message.
template <typename Outcome>
auto usageOf(Outcome& out) {
  return [&out](std::string message) -> Outcome& { return failWith(out, Failure::Options, std::move(message)); };
}

/// prepareOneScenario for an analysis's outcome `out`: the one kernel it runs, whose
/// scenario's name becomes the result's; null, with `out` failed, when the choice of
/// scenario or a setting is wrong.
template <typename Outcome>
const Kernel* prepareAnalysis(Outcome& out, ScenarioSource& source, const std::string& scenario,
                              const RunOptions& options, PreparedRun& prepared) {
  out.failure = prepareOneScenario(source, scenario, options, prepared, out.error);
  if (out.failure != Failure::None) return nullptr;
  out.result.scenario = prepared.kernels[0]->info().name;
  return prepared.kernels[0];
}

/// The index of the report labelled `label` (the first so labelled) in `out`: "", or the
/// usage error that names the scenario and suggests the closest label.
std::string findReport(const ScenarioInfo& info, const std::string& label, size_t& out);
/// The index of the param named `name` in `out`: "", or the usage error, as findReport.
std::string findParam(const ScenarioInfo& info, const std::string& name, size_t& out);
/// "" for a scenario that does not observe; for one that does, why `omen COMMAND` refuses
/// it (its weighted, posterior estimates are not built for that analysis).
std::string refuseWeighted(const ScenarioInfo& info, const std::string& command);

/// The driver's options for `options`, with the settings that apply to `kernel` pinned.
std::string driverOptions(const RunOptions& options, const Kernel& kernel, DriverOptions& out);

/// The run header every result shares: the file, engine, seed, trial count and thread count.
inline void describeRun(RunHeader& header, const ScenarioSource& source, const RunOptions& options) {
  header.file = source.file();
  header.engine = source.engine();
  header.seed = options.seed;
  header.trials = options.trials;
  header.threads = resolveThreads(options.threads);
}

/// `expectAlpha` > 0: a sequential test of the expectations (`omen test`, Expectation.h):
/// only the scenarios that have some run, each until every expectation is decided at that
/// error rate or `options.trials` is reached; a scenario that observes is refused.
RunOutcome runScenarios(ScenarioSource& source, const RunOptions& options, double expectAlpha = 0);
CompareOutcome compareScenarios(ScenarioSource& source, const std::string& a, const std::string& b,
                                const RunOptions& options);

}  // namespace omen::rt
