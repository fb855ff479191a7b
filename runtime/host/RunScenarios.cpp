//===- RunScenarios.cpp - run and compare, once for every client -----------===//
#include "runtime/host/RunScenarios.h"

#include <chrono>

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
    if (std::string why = source.cannotRun(i); !why.empty()) {
      error = why;
      return Failure::Options;
    }
    auto start = std::chrono::steady_clock::now();
    const Kernel* k = source.kernel(i, error);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!source.compilesKernels()) seconds = 0;
    out.compileSeconds.push_back(seconds + (out.compileSeconds.empty() ? source.setupSeconds() : 0));
    if (!k) {
      error = "internal error: " + error;
      return Failure::Runtime;
    }
    out.kernels.push_back(k);
    infos.push_back(&k->info());
  }
  error = checkSettings(options.overrides, infos);
  if (error.empty()) error = checkTargets(options.precision, infos);
  return error.empty() ? Failure::None : Failure::Options;
}

Failure prepareOneScenario(ScenarioSource& source, const std::string& scenario, const RunOptions& options,
                           PreparedRun& out, std::string& error) {
  size_t count = source.scenarioNames().size();
  if (scenario.empty() && count > 1) {
    error = "the file has " + std::to_string(count) + " scenarios; choose one with --scenario";
    return Failure::Options;
  }
  std::vector<std::string> names;
  if (!scenario.empty()) names.push_back(scenario);
  return prepareRun(source, names, options, out, error);
}

namespace {

// The index of `name` among `names` (a scenario's reports' labels or its params' names):
// "", or the usage error "scenario 'S' has no WHAT 'NAME'" with the closest name.
std::string findNamed(const ScenarioInfo& info, const std::vector<std::string>& names, const std::string& name,
                      const char* what, size_t& out) {
  for (out = 0; out < names.size(); ++out)
    if (names[out] == name) return "";
  return "scenario '" + info.name + "' has no " + what + " '" + name + "'" + didYouMean(name, names);
}

}  // namespace

std::string findReport(const ScenarioInfo& info, const std::string& label, size_t& out) {
  std::vector<std::string> labels;
  for (const ReportInfo& r : info.reports) labels.push_back(r.label);
  return findNamed(info, labels, label, "report labelled", out);
}

std::string findParam(const ScenarioInfo& info, const std::string& name, size_t& out) {
  std::vector<std::string> names;
  for (const ParamInfo& p : info.params) names.push_back(p.name);
  return findNamed(info, names, name, "param named", out);
}

std::string refuseWeighted(const ScenarioInfo& info, const std::string& command) {
  if (!info.weighted) return "";
  return "scenario '" + info.name + "' observes; `omen " + command + "` of weighted (posterior) estimates is not built yet";
}

std::string driverOptions(const RunOptions& options, const Kernel& kernel, DriverOptions& out) {
  out.trials = options.trials;
  out.seed = options.seed;
  out.threads = options.threads;
  out.progress = options.progress;
  out.cancel = options.cancel;
  out.precision = !options.precision.empty();
  out.targets = resolveTargets(options.precision, kernel.info());
  return pinSettings(options.overrides, kernel.info(), out.overrides);
}

namespace {

// A runtime error of a run with --set values names them: the failing operation may sit in a
// library function far from the user's file, and the value that broke it came from the
// command line.
std::string settingsNote(const RunOptions& options, const ScenarioInfo& info) {
  std::string set;
  for (const auto& [name, text] : options.overrides)
    for (const ParamInfo& p : info.params)
      if (p.name == name) set += (set.empty() ? "" : " ") + std::string("--set ") + name + "=" + text;
  return set.empty() ? "" : "note: this run was given " + set + "\n";
}

bool hasExpectations(const ScenarioInfo& info) {
  for (const ReportInfo& r : info.reports)
    if (r.expectation) return true;
  return false;
}

}  // namespace

RunOutcome runScenarios(ScenarioSource& source, const RunOptions& options, double expectAlpha) {
  RunOutcome out;
  describeRun(out.result, source, options);
  PreparedRun prepared;
  out.failure = prepareRun(source, options.scenarios, options, prepared, out.error);
  if (out.failure != Failure::None) return out;

  for (size_t i = 0; i < prepared.kernels.size(); ++i) {
    if (expectAlpha > 0 && !hasExpectations(prepared.kernels[i]->info())) continue;
    DriverOptions o;
    out.error = driverOptions(options, *prepared.kernels[i], o);
    if (!out.error.empty()) {
      out.failure = Failure::Options;
      return out;
    }
    o.expectAlpha = expectAlpha;
    out.result.scenarios.push_back(run(*prepared.kernels[i], o));
    out.result.scenarios.back().compileSeconds = prepared.compileSeconds[i];
    // Only when this process ran every trial (under MPI a rank runs some blocks only).
    std::optional<EngineSplit> split = prepared.kernels[i]->engineSplit();
    if (split && split->interpreted + split->compiled == out.result.scenarios.back().trialsCompleted)
      out.result.scenarios.back().engineSplit = split;
    const ScenarioResult& r = out.result.scenarios.back();
    if (r.error) {
      out.failure = Failure::Runtime;
      out.error = source.renderError(prepared.indices[i], *r.error) +
                  settingsNote(options, prepared.kernels[i]->info());
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
  driver.targetsB = driverB.targets;

  out.result = runPaired(*prepared.kernels[0], *prepared.kernels[1], driver);
  out.result.a.compileSeconds = prepared.compileSeconds[0];
  out.result.b.compileSeconds = prepared.compileSeconds[1];
  out.result.compileSeconds = prepared.compileSeconds[0] + prepared.compileSeconds[1];
  describeRun(out.result, source, options);
  if (out.result.error) {
    // The driver reports which side failed through the scenario results' own errors.
    bool isB = out.result.b.error && !out.result.a.error;
    size_t failed = isB ? prepared.indices[1] : prepared.indices[0];
    out.failure = Failure::Runtime;
    out.error = source.renderError(failed, *out.result.error) +
                settingsNote(options, prepared.kernels[isB ? 1 : 0]->info());
  }
  return out;
}

}  // namespace omen::rt
