//===- WorstAnalysis.cpp - `worst` in the analysis registry -----------------===//
//
// An adversarial model's best strategy over declared ranges (analysis/worst/Worst.h).
//
//===----------------------------------------------------------------------===//
#include "analysis/worst/Worst.h"
#include "analysis/worst/WorstFormat.h"
#include "cli/AnalysisRegistry.h"

namespace omen::rt {

// Weak: a built executable links no NLopt, so nothing there may pull in Worst.cpp (an
// archive member is not extracted for a weak reference); the registry says so instead.
[[gnu::weak]] WorstOutcome worstCase(ScenarioSource& source, const RunOptions& options, const WorstOptions& what);

namespace {

struct WorstFlags {
  std::string maximize, minimize;
  std::vector<std::string> over;
  long long evaluations = 200;
  bool exact = false;
  std::string maxStates;
};

void addWorstFlags(CLI::App& command, WorstFlags& flags) {
  command.add_option("--over", flags.over, "The params the model controls, each with a declared range (x,y or repeated)")
      ->delimiter(',');
  auto* max = command.add_option("--maximize", flags.maximize, "The report the model drives up, by label");
  auto* min = command.add_option("--minimize", flags.minimize, "The report the model drives down, by label");
  max->excludes(min);
  command.add_option("--evaluations", flags.evaluations, "Runs the search may make (default 200)");
  command.add_flag("--exact", flags.exact,
                   "The optimum over every adaptive strategy of the scenario's `choose` statements, exactly "
                   "(docs/exact.md); its strategy is printed and replayed by Monte Carlo");
  command.add_option("--max-states", flags.maxStates, "With --exact: the most distinct states alive at one step (default 1e6)");
}

std::string readWorstFlags(const WorstFlags& flags, const RunFlags&, RunOptions& options, WorstOptions& what) {
  if (options.scenarios.size() > 1) return "worst searches one scenario: give --scenario once";
  if (!options.scenarios.empty()) what.scenario = options.scenarios[0];
  what.over = flags.over;
  what.maximize = flags.minimize.empty();
  what.report = what.maximize ? flags.maximize : flags.minimize;
  what.exact = flags.exact;
  if (!flags.maxStates.empty() && !flags.exact) return "--max-states needs --exact";
  if (!flags.maxStates.empty() && (!parseCount(flags.maxStates, what.maxStates) || what.maxStates == 0))
    return "--max-states wants a whole number of at least 1, like 1e6; got '" + flags.maxStates + "'";
  if (flags.evaluations < 4 || flags.evaluations > 100000) return "--evaluations must be from 4 to 100000";
  what.evaluations = static_cast<uint64_t>(flags.evaluations);
  return "";
}

const AnalysisParts<WorstFlags, WorstOptions, WorstOutcome> kParts{
    addWorstFlags,
    readWorstFlags,
    [](ScenarioSource& source, const WorstOptions& what, const RunOptions& options) {
      if (what.exact) return source.worstExact(options, what);
      return worstCase(source, options, what);
    },
    formatWorst,
    nullptr,
    [](const WorstFlags&, const RunFlags&) { return std::string(); },
};

}  // namespace

extern const AnalysisDescriptor kWorstAnalysis{
    "worst",
    "The strategy of an adversarial model: params searched over their declared ranges to maximise a report, or "
    "(--exact) the optimum over every adaptive strategy of its `choose` statements",
    {},
    {nullptr, nullptr, "its optimiser is NLopt, which built executables do not link; run it with omen worst",
     nullptr},
    [] { return commandOf(kParts); }};

}  // namespace omen::rt
