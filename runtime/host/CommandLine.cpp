//===- CommandLine.cpp - The run flags and conventions every run command shares ===//
#include "runtime/host/CommandLine.h"

#include <cmath>
#include <csignal>
#include <iostream>

namespace omen::rt {

int usageError(const std::string& tool, const std::string& command, const std::string& message) {
  std::cerr << tool << ": error: " << message << "\n";
  std::cerr << "Run '" << tool << " " << (command.empty() ? "" : command + " ") << "--help' for usage.\n";
  return kExitUsage;
}

void addRunFlags(CLI::App& cmd, RunFlags& flags, RunFlagChoice choice) {
  if (choice.scenario) cmd.add_option("--scenario", flags.scenarios, "Run only this scenario (repeatable)");
  cmd.add_option("--trials", flags.trials, "Number of trials (default 100000; accepts 1e6)");
  cmd.add_option("--seed", flags.seed, "Seed of the run's random streams (default 1)");
  cmd.add_option("--threads", flags.threads, "Worker threads (default: all cores); results do not depend on it");
  if (choice.engine)
    cmd.add_option("--engine", flags.engine, "Execution engine: jit (default) or interp; results are identical")
        ->check(CLI::IsMember({"interp", "jit"}));
  cmd.add_option("--set", flags.sets, "Set a param for this run: name=value (repeatable)");
  cmd.add_option("--format", flags.format, "Output: text, json or csv")->check(CLI::IsMember({"text", "json", "csv"}));
  if (choice.worlds) {
    cmd.add_option("--worlds", flags.worlds,
                   "Two-level run: W worlds, each drawing the epistemic params once, of --trials trials each");
    cmd.add_option("--exceed", flags.exceed, "With --worlds: report P(world's estimate > X) (repeatable, or X,Y)")
        ->delimiter(',');
    cmd.add_option("--plot", flags.plot, "With --worlds: the CDF across worlds of each report (.svg or .png; gnuplot)");
  }
}

std::string readRunFlags(const RunFlags& flags, RunOptions& options, OutputFormat& format) {
  std::string error = parseTrials(flags.trials, options.trials);
  if (error.empty()) error = parseSeed(flags.seed, options.seed);
  if (error.empty()) error = parseThreads(flags.threads, options.threads);
  if (!error.empty()) return error;
  std::optional<Engine> engine = parseEngine(flags.engine);
  if (!engine) return "--engine must be 'jit' or 'interp', not '" + flags.engine + "'";
  options.engine = *engine;
  for (const std::string& set : flags.sets) {
    std::pair<std::string, std::string> setting;
    error = parseSetting(set, setting);
    if (!error.empty()) return error;
    options.overrides.push_back(setting);
  }
  std::optional<OutputFormat> chosen = parseOutputFormat(flags.format);
  if (!chosen) return "--format must be text, json or csv, not '" + flags.format + "'";
  format = *chosen;
  options.scenarios = flags.scenarios;
  options.progress = format == OutputFormat::Text;
  if (!flags.worlds.empty()) {
    bool tooLarge = false;
    if (!parseCount(flags.worlds, options.worlds, &tooLarge) || options.worlds == 0)
      return "--worlds wants a whole number of worlds of at least 1, like 1000; got '" + flags.worlds + "'";
    if (options.worlds > kMaxTrials / options.trials)
      return "--worlds times --trials must be at most 1e12";
  }
  for (const std::string& x : flags.exceed) {
    size_t used = 0;
    double v = 0;
    try {
      v = std::stod(x, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != x.size() || !std::isfinite(v)) return "--exceed wants numbers, like 0.5; got '" + x + "'";
    options.exceed.push_back(v);
  }
  if (options.worlds == 0 && !flags.exceed.empty()) return "--exceed needs --worlds";
  if (options.worlds == 0 && !flags.plot.empty()) return "--plot needs --worlds";
  return "";
}

namespace {

std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int) {
  gInterrupted.store(true);
  std::signal(SIGINT, SIG_DFL);
}

}  // namespace

InterruptScope::InterruptScope() {
  gInterrupted.store(false);
  previous_ = std::signal(SIGINT, onInterrupt);
}

InterruptScope::~InterruptScope() { std::signal(SIGINT, previous_); }

const std::atomic<bool>* InterruptScope::flag() const { return &gInterrupted; }

namespace {

template <typename Outcome, typename Format>
int finish(const Outcome& outcome, Format print, const std::string& tool, const std::string& command) {
  switch (outcome.failure) {
    case Failure::None: std::cout << print(); return kExitOk;
    case Failure::Options: return usageError(tool, command, outcome.error);
    case Failure::Runtime: std::cerr << outcome.error; return kExitProgramError;
  }
  return kExitProgramError;
}

}  // namespace

int finishRun(const RunOutcome& outcome, OutputFormat format, const std::string& tool, const std::string& command) {
  return finish(outcome, [&] { return formatRun(outcome.result, format); }, tool, command);
}

int finishCompare(const CompareOutcome& outcome, OutputFormat format, const std::string& tool,
                  const std::string& command) {
  return finish(outcome, [&] { return formatCompare(outcome.result, format); }, tool, command);
}

}  // namespace omen::rt
