//===- VoiAnalysis.cpp - `voi` in the analysis registry ----------------------===//
//
// Value of information (analysis/voi/Voi.h): `voi FILE --decide d --maximize REPORT`, with
// --worlds W (default 1000) worlds of --trials N (default 100 here) trials per option.
//
//===----------------------------------------------------------------------===//
#include "analysis/voi/Voi.h"
#include "analysis/voi/VoiFormat.h"
#include "cli/AnalysisRegistry.h"

namespace omen::rt {

namespace {

struct VoiFlags {
  std::string decide, maximize, minimize;
  long long options = 11, resamples = 200;
};

void addVoiFlags(CLI::App& command, VoiFlags& flags) {
  command.add_option("--decide", flags.decide, "The decision: a fixed param with a declared range of options");
  auto* max = command.add_option("--maximize", flags.maximize, "The report the decision drives up, by label");
  auto* min = command.add_option("--minimize", flags.minimize, "The report the decision drives down, by label");
  max->excludes(min);
  command.add_option("--options", flags.options, "Grid points of a real decision's range (default 11)");
  command.add_option("--resamples", flags.resamples, "Bootstrap resamples of the worlds for the intervals (default 200)");
}

std::string readVoiFlags(const VoiFlags& flags, const RunFlags& run, RunOptions& options, VoiOptions& what) {
  if (!run.exceed.empty() || !run.plot.empty()) return "voi takes neither --exceed nor --plot";
  if (run.worlds.empty()) options.worlds = 1000;
  if (!run.trialsGiven) options.trials = 100;
  if (options.scenarios.size() > 1) return "voi decides in one scenario: give --scenario once";
  if (!options.scenarios.empty()) what.scenario = options.scenarios[0];
  if (flags.options < 2 || flags.options > 101) return "--options must be from 2 to 101";
  if (flags.resamples < 0 || flags.resamples > 100000) return "--resamples must be from 0 to 100000";
  what.decide = flags.decide;
  what.maximize = flags.minimize.empty();
  what.report = what.maximize ? flags.maximize : flags.minimize;
  what.options = static_cast<uint64_t>(flags.options);
  what.resamples = static_cast<uint64_t>(flags.resamples);
  return "";
}

const AnalysisParts<VoiFlags, VoiOptions, VoiOutcome> kParts{
    addVoiFlags,
    readVoiFlags,
    [](ScenarioSource& source, const VoiOptions& what, const RunOptions& options) {
      return valueOfInformation(source, options, what);
    },
    formatVoi,
    nullptr,
    [](const VoiFlags&, const RunFlags&) { return std::string(); },
};

}  // namespace

extern const AnalysisDescriptor kVoiAnalysis{
    "voi", "Value of information: which epistemic uncertainty is worth resolving before choosing a decision param",
    {.worlds = true}, {}, [] { return commandOf(kParts); }};

}  // namespace omen::rt
