//===- RareAnalysis.cpp - `rare` in the analysis registry --------------------===//
//
// Rare events (analysis/rare/Rare.h): `rare FILE --event LABEL`, with --pilot N trials per
// cross-entropy round (default 10,000), at most --rounds R of them (default 10), then
// --trials (the run flag) in the final run; or, with --split-on EXPR, multilevel splitting
// (analysis/rare/Splitting.h): --effort trials per level, --replications of the scheme.
//
//===----------------------------------------------------------------------===//
#include "analysis/rare/Rare.h"
#include "analysis/rare/RareFormat.h"
#include "cli/AnalysisRegistry.h"

namespace omen::rt {

namespace {

struct RareFlags {
  std::string event;
  long long pilot = 10000, rounds = 10;
  std::string splitOn;
  CLI::Option* splitOnGiven = nullptr;  ///< `--split-on ""` is an error, not importance sampling
  long long effort = RareOptions{}.effort, replications = RareOptions{}.replications;
};

void addRareFlags(CLI::App& command, RareFlags& flags) {
  command.add_option("--event", flags.event, "The event: the label of a P(…) report");
  command.add_option("--pilot", flags.pilot, "Trials per cross-entropy pilot round (default 10000)");
  command.add_option("--rounds", flags.rounds, "Most pilot rounds (default 10)");
  flags.splitOnGiven = command.add_option("--split-on", flags.splitOn,
                     "Multilevel splitting instead: levels of EXPR, an expression over the scenario's states and params "
                     "that rises step by step towards the event (e.g. a walk's height)");
  command.add_option("--effort", flags.effort, "Splitting: trials per level in each replication (default " + std::to_string(RareOptions{}.effort) + ")");
  command.add_option("--replications", flags.replications,
                     "Splitting: independent replications, whose spread is the standard error (default " +
                         std::to_string(RareOptions{}.replications) + ")");
}

std::string readRareFlags(const RareFlags& flags, const RunFlags& run, RunOptions& options, RareOptions& what) {
  if (!run.exceed.empty() || !run.plot.empty()) return "rare takes neither --exceed nor --plot";
  if (options.scenarios.size() > 1) return "rare estimates one event in one scenario: give --scenario once";
  if (!options.scenarios.empty()) what.scenario = options.scenarios[0];
  if (flags.pilot < 100 || flags.pilot > 100000000) return "--pilot must be from 100 to 100000000";
  if (flags.rounds < 1 || flags.rounds > 100) return "--rounds must be from 1 to 100";
  what.event = flags.event;
  what.pilot = static_cast<uint64_t>(flags.pilot);
  what.rounds = static_cast<uint64_t>(flags.rounds);
  if (flags.splitOn.empty() && (flags.effort != RareOptions{}.effort || flags.replications != RareOptions{}.replications))
    return "--effort and --replications are splitting's: give --split-on EXPR too";
  if (flags.effort < 1 || flags.replications < 1) return "--effort and --replications must be positive";
  if (flags.splitOnGiven && flags.splitOnGiven->count() > 0 && flags.splitOn.find_first_not_of(" \t") == std::string::npos)
    return "--split-on needs an expression, e.g. --split-on h";
  what.splitOn = flags.splitOn;
  what.effort = static_cast<uint64_t>(flags.effort);
  what.replications = static_cast<uint64_t>(flags.replications);
  return "";
}

const AnalysisParts<RareFlags, RareOptions, RareOutcome> kParts{
    addRareFlags,
    readRareFlags,
    [](ScenarioSource& source, const RareOptions& what, const RunOptions& options) {
      return rareEvent(source, options, what);
    },
    formatRare,
    nullptr,
    [](const RareFlags&, const RunFlags&) { return std::string(); },
};

}  // namespace

extern const AnalysisDescriptor kRareAnalysis{
    "rare", "Rare events: importance sampling on the scenario's own draws, tuned by cross entropy",
    {}, {}, [] { return commandOf(kParts); }};

}  // namespace omen::rt
