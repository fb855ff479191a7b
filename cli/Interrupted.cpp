//===- Interrupted.cpp - What an analysis cut short by Ctrl-C says it finished ===//
#include "cli/Interrupted.h"

#include "cli/CommandLine.h"

#include <fmt/format.h>


namespace omen::rt {

namespace {
std::string plural(uint64_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }
}  // namespace

std::string interruptNotice(const SweepResult& r, const std::string& tool) {
  if (!r.partial) return "";
  if (r.trialsCompleted == 0)
    return tool + ": interrupted: the sweep stopped before any trial finished; no estimate (the reports are printed as "
                  "undefined, marked partial)\n";
  return fmt::format("{}: interrupted: the sweep finished {} of {} trials at each of its {}; the results printed rest "
                     "on those trials (marked partial)\n",
                     tool, r.trialsCompleted, r.trials, plural(r.points.size(), "point"));
}

std::string interruptNotice(const SolveResult& r, const std::string& tool) {
  if (!r.partial) return "";
  std::string stage = r.scanX.empty()
                          ? fmt::format("during the scan of {} (no run finished)", plural(r.scanPlanned, "point"))
                          : fmt::format("during the root search, after {} of {} trials", plural(r.evaluations, "run"),
                                        r.trials);
  return fmt::format("{}: interrupted: solve stopped {}; no root is printed\n", tool, stage);
}

std::string interruptNotice(const SensitivityResult& r, const std::string& tool) {
  if (!r.partial) return "";
  if (r.baseTrials < r.trials)
    return fmt::format("{}: interrupted: sensitivity stopped in the run as declared ({} of {} trials); no tornado "
                       "bar or Sobol' index ran\n",
                       tool, r.baseTrials, r.trials);
  std::string done = "the run as declared";
  if (r.tornadoPlanned) {
    size_t bars = r.tornado.size() + r.notVaried.size();
    done += bars < r.tornadoPlanned ? fmt::format(" and {} of {} tornado params (the rest did not run)", bars,
                                                  r.tornadoPlanned)
                                    : ", the whole tornado";
  }
  if (r.sobolInterrupted) done += "; the Sobol' design did not finish, so no index is printed";
  else if (r.rows == 0) done += "; the Sobol' design did not start";
  return tool + ": interrupted: sensitivity finished " + done + " (the results printed are marked partial)\n";
}

std::string interruptNotice(const WorldsResult& r, const std::string& tool) {
  for (size_t i = 0; i < r.scenarios.size(); ++i) {
    const WorldsScenario& s = r.scenarios[i];
    if (!s.partial) continue;
    std::string before = i ? fmt::format(" ({} before it completed)", plural(i, "scenario")) : "";
    return fmt::format("{}: interrupted: scenario '{}' finished {} of {} worlds{}; the results printed rest on those "
                       "worlds (marked partial)\n",
                       tool, s.name, s.worldsCompleted, r.worlds, before);
  }
  return "";
}

std::string interruptNotice(const WorstResult& r, const std::string& tool) {
  if (!r.partial) return "";
  if (r.exact && !r.found)
    return tool + ": interrupted: the exact engine stopped " + r.exactResult.stoppedAt +
           ", before the optimum was found; no optimum is printed\n";
  if (r.exact)
    return tool + ": interrupted: the optimum and its strategy were found (printed); their Monte Carlo replay was "
                  "cut short and is not printed\n";
  if (!r.found)
    return tool + ": interrupted: the search stopped before its first run finished; nothing is printed\n";
  return fmt::format("{}: interrupted: the search finished {}; the best point so far is printed (marked partial), "
                     "not re-estimated on fresh streams\n",
                     tool, plural(r.evaluations, "run"));
}

// voi prints nothing unfinished: a cut two-level run is not a value of information.
std::string interruptNotice(const VoiResult& r, const std::string& tool) {
  if (!r.partial) return "";
  return fmt::format("{}: interrupted: the two-level runs of {} of {} options finished; no value of information is "
                     "printed\n",
                     tool, r.optionsDone, r.options.size());
}

std::string interruptNotice(const RareResult& r, const std::string& tool) {
  if (!r.partial) return "";
  const std::string rounds = plural(r.rounds.size(), "pilot round") + " finished";
  if (r.trialsCompleted == 0 && !r.estimated)
    return fmt::format("{}: interrupted: in {}; {}, the final run had not started: no estimate (printed marked "
                       "partial)\n",
                       tool, r.stoppedIn, rounds);
  if (!r.estimated)
    return fmt::format("{}: interrupted: {}; the final run finished {} of {} trials: no estimate, {} (printed marked "
                       "partial)\n",
                       tool, rounds, r.trialsCompleted, r.trials, r.noEstimate);
  return fmt::format("{}: interrupted: {}; the final run finished {} of {} trials; the estimate rests on them (marked "
                     "partial)\n",
                     tool, rounds, r.trialsCompleted, r.trials);
}

// The verdicts printed stay valid: a confidence sequence holds wherever the run stops.
std::string interruptNotice(const TestResult& r, const std::string& tool) {
  for (const ScenarioResult& s : r.scenarios) {
    if (!s.partial) continue;
    return fmt::format("{}: interrupted: the test of scenario '{}' stopped after {}; the verdicts printed rest on "
                       "the trials that finished (marked partial) and keep their error rate, as a confidence "
                       "sequence holds wherever it stops; later scenarios did not run\n",
                       tool, s.name, plural(s.trialsCompleted, "trial"));
  }
  return "";
}

int verdictStatus(const TestResult& result) {
  TestTally t = tally(result);
  return t.failed ? kExitProgramError : t.undecided ? kExitUndecided : kExitOk;
}

std::string partErrors(const SweepResult& result) {
  std::string out;
  for (const SweepPoint& p : result.points) out += p.error;
  return out;
}

}  // namespace omen::rt
