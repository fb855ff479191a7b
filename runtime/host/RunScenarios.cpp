//===- RunScenarios.cpp - run and compare, once for every client -----------===//
#include "runtime/host/RunScenarios.h"

#include "core/ClosestName.h"
#include "runtime/host/Settings.h"

namespace omen::rt {

std::string selectScenarios(const std::vector<std::string>& known, const std::vector<std::string>& names,
                            std::vector<size_t>& out) {
  if (names.empty()) {
    for (size_t i = 0; i < known.size(); ++i) out.push_back(i);
    return known.empty() ? "the file declares no scenario to run" : "";
  }
  for (const std::string& name : names) {
    size_t i = 0;
    while (i < known.size() && known[i] != name) ++i;
    if (i == known.size()) return "no scenario named '" + name + "'" + didYouMean(name, known);
    out.push_back(i);
  }
  return "";
}

Failure prepareRun(ScenarioSource& source, const std::vector<std::string>& names, const RunOptions& options,
                   PreparedRun& out, std::string& error) {
  if (options.trials == 0 || options.trials > kMaxTrials) {
    error = "the trial count must be from 1 to 1e12";
    return Failure::Options;
  }
  error = selectScenarios(source.scenarioNames(), names, out.indices);
  if (!error.empty()) return Failure::Options;
  std::vector<const ScenarioInfo*> infos;
  for (size_t i : out.indices) {
    auto start = std::chrono::steady_clock::now();
    const Kernel* k = source.kernel(i, error);
    out.compileSeconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!k) {
      error = "internal error: " + error;
      return Failure::Runtime;
    }
    out.kernels.push_back(k);
    infos.push_back(&k->info());
  }
  error = checkSettings(options.overrides, infos);
  return error.empty() ? Failure::None : Failure::Options;
}

std::string driverOptions(const RunOptions& options, const Kernel& kernel, DriverOptions& out) {
  out.trials = options.trials;
  out.seed = options.seed;
  out.threads = options.threads;
  out.progress = options.progress;
  out.cancel = options.cancel;
  return pinSettings(options.overrides, kernel.info(), out.overrides);
}

namespace {

// The fields a run's and a comparison's output share.
template <typename Result>
void describeRun(Result& result, const ScenarioSource& source, const RunOptions& options) {
  result.file = source.file();
  result.seed = options.seed;
  result.trials = options.trials;
  result.engine = source.engine();
  result.threads = resolveThreads(options.threads);
}

}  // namespace

RunOutcome runScenarios(ScenarioSource& source, const RunOptions& options) {
  RunOutcome out;
  describeRun(out.result, source, options);
  PreparedRun prepared;
  out.failure = prepareRun(source, options.scenarios, options, prepared, out.error);
  if (out.failure != Failure::None) return out;

  for (size_t i = 0; i < prepared.kernels.size(); ++i) {
    DriverOptions o;
    out.error = driverOptions(options, *prepared.kernels[i], o);
    if (!out.error.empty()) {
      out.failure = Failure::Options;
      return out;
    }
    out.result.scenarios.push_back(run(*prepared.kernels[i], o));
    out.result.scenarios.back().compileSeconds = prepared.compileSeconds[i];
    const ScenarioResult& r = out.result.scenarios.back();
    if (r.error) {
      out.failure = Failure::Runtime;
      out.error = source.renderError(prepared.indices[i], *r.error);
      return out;
    }
    if (r.partial) break;  // interrupted: do not start the next scenario
  }
  return out;
}

CompareOutcome compareScenarios(ScenarioSource& source, const std::string& a, const std::string& b,
                                const RunOptions& options) {
  CompareOutcome out;
  PreparedRun prepared;
  out.failure = prepareRun(source, {a, b}, options, prepared, out.error);
  if (out.failure != Failure::None) return out;
  DriverOptions driver, driverB;
  out.error = driverOptions(options, *prepared.kernels[0], driver);
  if (out.error.empty()) out.error = driverOptions(options, *prepared.kernels[1], driverB);
  if (!out.error.empty()) {
    out.failure = Failure::Options;
    return out;
  }
  driver.overridesB = driverB.overrides;

  out.result = runPaired(*prepared.kernels[0], *prepared.kernels[1], driver);
  out.result.a.compileSeconds = prepared.compileSeconds[0];
  out.result.b.compileSeconds = prepared.compileSeconds[1];
  out.result.compileSeconds = prepared.compileSeconds[0] + prepared.compileSeconds[1];
  describeRun(out.result, source, options);
  if (out.result.error) {
    // The driver reports which side failed through the scenario results' own errors.
    size_t failed = out.result.b.error && !out.result.a.error ? prepared.indices[1] : prepared.indices[0];
    out.failure = Failure::Runtime;
    out.error = source.renderError(failed, *out.result.error);
  }
  return out;
}

}  // namespace omen::rt
