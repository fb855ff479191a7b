//===- CompareSettings.cpp - One scenario at two settings, paired ------------===//
#include "analysis/compare/CompareSettings.h"

#include "runtime/host/Driver.h"
#include "runtime/host/RunScenarios.h"

namespace omen::rt {

std::string sideName(const std::string& scenario, const Settings& settings) {
  std::string out;
  for (const auto& [name, value] : settings) out += (out.empty() ? "" : ", ") + name + "=" + value;
  return scenario + " [" + out + "]";
}

CompareOutcome compareSettings(ScenarioSource& source, const std::string& scenario, const Settings& settingsA,
                               const Settings& settingsB, const RunOptions& options) {
  CompareOutcome out;
  PreparedRun prepared;
  out.failure = prepareRun(source, {scenario}, options, prepared, out.error);
  if (out.failure != Failure::None) return out;
  const Kernel& kernel = *prepared.kernels[0];
  auto usage = usageOf(out);
  if (settingsA.empty() && settingsB.empty())
    return usage("comparing '" + scenario + "' with itself needs --set-a or --set-b to differ");
  DriverOptions driverA, driverB;
  for (const auto& [side, settings, driver] :
       {std::tuple{"a", &settingsA, &driverA}, std::tuple{"b", &settingsB, &driverB}}) {
    if (std::string e = checkSettings(*settings, {&kernel.info()}); !e.empty())
      return usage(std::string("--set-") + side + ": " + e.substr(e.find(' ') + 1));
    RunOptions o = options;
    for (const auto& [name, value] : *settings) {
      for (const auto& [shared, v] : options.overrides)
        if (shared == name)
          return usage("--set " + name + " and --set-" + side + " " + name + " name the same param; give it per side only");
      o.overrides.push_back({name, value});
    }
    if (std::string e = driverOptions(o, kernel, *driver); !e.empty()) return usage(e);
  }
  if (settingsA == settingsB) return usage("--set-a and --set-b are the same; the difference would be exactly 0");
  driverA.overridesB = driverB.overrides;
  driverA.targetsB = driverB.targets;
  out.result = runPaired(kernel, kernel, driverA);
  out.result.file = source.file();
  out.result.seed = options.seed;
  out.result.trials = options.trials;
  out.result.engine = source.engine();
  out.result.threads = resolveThreads(options.threads);
  out.result.a.name = sideName(scenario, settingsA);
  out.result.b.name = sideName(scenario, settingsB);
  if (out.result.error) {
    out.failure = Failure::Runtime;
    out.error = source.renderError(prepared.indices[0], *out.result.error) +
                "note: with " + (out.result.failedScenario == 'B' ? out.result.b.name : out.result.a.name) + "\n";
  }
  return out;
}

}  // namespace omen::rt
