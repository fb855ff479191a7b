//===- CommandLine.cpp - The run flags and conventions every run command shares ===//
#include "cli/CommandLine.h"

#include "core/ClosestName.h"
#include "runtime/host/Cluster.h"
#include "runtime/host/ParamValue.h"

#include <cmath>
#include <csignal>
#include <iostream>

#include "runtime/host/ExactFormat.h"

namespace omen::rt {

void startProcess(int& argc, char**& argv) { cluster::initFromEnvironment(argc, argv); }

std::string unknownCommand(const std::string& typed, const std::vector<std::string>& commands) {
  std::string close = closestName(typed, commands);
  return "unknown command '" + typed + "'" + (close.empty() ? "" : "; did you mean '" + close + "'?");
}

int usageError(const std::string& tool, const std::string& command, const std::string& message) {
  return usageError(tool, command, message, std::cerr);
}

int usageError(const std::string& tool, const std::string& command, const std::string& message, std::ostream& err) {
  err << tool << ": error: " << message << "\n";
  err << "Run '" << tool << " " << (command.empty() ? "" : command + " ") << "--help' for usage.\n";
  return kExitUsage;
}

std::string describeParseError(const CLI::ParseError& e) {
  // CLI11's conversion failures read "Could not convert: --threads = abc": say it in words.
  const std::string text = e.what(), prefix = "Could not convert: ";
  if (dynamic_cast<const CLI::ConversionError*>(&e) && text.rfind(prefix, 0) == 0) {
    size_t eq = text.find(" = ", prefix.size());
    if (eq != std::string::npos)
      return text.substr(prefix.size(), eq - prefix.size()) + " wants a number, got '" + text.substr(eq + 3) + "'";
  }
  return text;
}

void addRunFlags(CLI::App& cmd, RunFlags& flags, RunFlagChoice choice) {
  if (choice.scenario) cmd.add_option("--scenario", flags.scenarios, "Run only this scenario (repeatable)");
  cmd.add_option_function<std::string>(
         "--trials",
         [&flags](const std::string& value) {
           flags.trials = value;
           flags.trialsGiven = true;
         },
         "Number of trials (default 100000; accepts 1e6); with --precision, the most it may take (default 1e8)");
  cmd.add_option("--seed", flags.seed, "Seed of the run's random streams (default 1)");
  cmd.add_option("--threads", flags.threads, "Worker threads (default: all cores); results do not depend on it");
  if (choice.engine) {
    std::string help = "Execution engine: auto (default: the interpreter, then the JIT kernel once the run is long "
                       "enough), jit or interp; results are identical";
    std::vector<std::string> engines = {"auto", "interp", "jit"};
    if (choice.exact) {
      help += "; or exact: every report exactly, for scenarios with discrete draws only (docs/exact.md)";
      engines.push_back("exact");
      cmd.add_option("--max-states", flags.maxStates,
                     "With --engine exact: the most distinct states alive at one step (default 1e6)");
    }
    cmd.add_option("--engine", flags.engine, help)->check(CLI::IsMember(engines));
    cmd.add_option("--policy", flags.policy,
                   "The strategy a scenario's `choose` statements follow: the JSON of omen worst --exact (docs/exact.md)");
  }
  cmd.add_option("--set", flags.sets, "Set a param for this run: name=value (repeatable)");
  cmd.add_option("--precision", flags.precision,
                 "Run until the standard error is at most SE: [LABEL=]SE, e.g. 0.001 (every P and E report) or "
                 "hit=0.001 (repeatable)");
  cmd.add_option("--rel-precision", flags.relPrecision,
                 "Run until the standard error is at most this fraction of |estimate|: [LABEL=]FRACTION, e.g. 1%");
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
  std::string error;
  for (const auto& [texts, relative] : {std::pair{&flags.precision, false}, std::pair{&flags.relPrecision, true}})
    for (const std::string& text : *texts) {
      PrecisionTarget target;
      if (error.empty()) error = parsePrecision(text, relative, target);
      options.precision.push_back(target);
    }
  if (!error.empty()) return error;
  if (!flags.trialsGiven && !options.precision.empty())
    options.trials = kPrecisionDefaultCap;
  else
    error = parseTrials(flags.trials, options.trials);
  if (error.empty()) error = parseSeed(flags.seed, options.seed);
  if (error.empty()) error = parseThreads(flags.threads, options.threads);
  if (!error.empty()) return error;
  // The exact engine is no Monte Carlo engine: the caller sends such a run elsewhere.
  std::optional<Engine> engine = flags.engine == "exact" ? Engine::Interpreter : parseEngine(flags.engine);
  if (!engine) return "--engine must be 'auto', 'jit' or 'interp', not '" + flags.engine + "'";
  options.engine = *engine;
  if (flags.engine != "exact" && !flags.maxStates.empty()) return "--max-states needs --engine exact";
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
  options.policy = flags.policy;
  options.progress = format == OutputFormat::Text;
  if (!flags.worlds.empty()) {
    bool tooLarge = false;
    if (!parseCount(flags.worlds, options.worlds, &tooLarge) || options.worlds == 0)
      return "--worlds wants a whole number of worlds of at least 1, like 1000; got '" + flags.worlds + "'";
    if (options.worlds > kMaxTrials / options.trials)
      return "--worlds times --trials must be at most 1e12";
  }
  for (const std::string& x : flags.exceed) {
    // The forms --set takes for a real: 0.5, 1e-3, 10%, 1_000.
    Value v;
    std::string why;
    if (!parseParamValue(x, ValueType::Real, v, why))
      return "--exceed wants a number such as 0.5, 10% or 1e-3; got '" + x + "'";
    options.exceed.push_back(v.r);
  }
  if (options.worlds == 0 && !flags.exceed.empty()) return "--exceed needs --worlds";
  if (options.worlds == 0 && !flags.plot.empty()) return "--plot needs --worlds";
  return "";
}

std::string readMaxStates(const RunFlags& flags, uint64_t& out) {
  if (flags.maxStates.empty()) return "";
  if (!parseCount(flags.maxStates, out) || out == 0)
    return "--max-states wants a whole number of at least 1, like 1e6; got '" + flags.maxStates + "'";
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
    case Failure::None: {
      std::cout << print();
      std::cout.flush();
      std::string notice = interruptNotice(outcome.result, tool);
      if (notice.empty()) return kExitOk;
      std::cerr << notice;
      return kExitInterrupted;
    }
    case Failure::Options: return usageError(tool, command, outcome.error);
    case Failure::Runtime: std::cerr << outcome.error; return kExitProgramError;
  }
  return kExitProgramError;
}

std::string trialsOf(uint64_t completed, uint64_t trials) {
  return std::to_string(completed) + " of " + std::to_string(trials) + " trials";
}

}  // namespace

std::string interruptNotice(const RunResult& result, const std::string& tool) {
  for (size_t i = 0; i < result.scenarios.size(); ++i) {
    const ScenarioResult& s = result.scenarios[i];
    if (!s.partial) continue;
    std::string out = tool + ": interrupted: scenario '" + s.name + "' finished " + trialsOf(s.trialsCompleted, result.trials);
    size_t done = i;  // scenarios before this one completed
    out += done ? " (" + std::to_string(done) + " scenario" + (done == 1 ? "" : "s") + " before it completed)" : "";
    return out + "; the results printed rest on those trials (marked partial)\n";
  }
  return "";
}

std::string interruptNotice(const CompareResult& result, const std::string& tool) {
  if (!result.partial) return "";
  return tool + ": interrupted: the comparison finished " + trialsOf(result.trialsCompleted, result.trials) +
         "; the results printed rest on those trials (marked partial)\n";
}

int finishRun(const RunOutcome& outcome, OutputFormat format, const std::string& tool, const std::string& command) {
  return finish(outcome, [&] { return formatRun(outcome.result, format); }, tool, command);
}

int finishCompare(const CompareOutcome& outcome, OutputFormat format, const std::string& tool,
                  const std::string& command) {
  return finish(outcome, [&] { return formatCompare(outcome.result, format); }, tool, command);
}

int finishExact(const ExactOutcome& outcome, OutputFormat format, const std::string& tool, const std::string& command) {
  return finish(outcome, [&] { return formatExact(outcome.result, format); }, tool, command);
}

std::string interruptNotice(const ExactResult& result, const std::string& tool) {
  if (!result.partial || result.scenarios.empty()) return "";
  const ExactScenarioResult& cut = result.scenarios.back();
  return tool + ": interrupted: scenario '" + cut.name + "' stopped " + cut.stoppedAt + ", before its answer; " +
         std::to_string(result.scenarios.size() - 1) + " earlier scenarios answered (printed), later ones not run\n";
}

}  // namespace omen::rt
