//===- RunCommand.cpp - `omen run` and `omen compare` -----------------------===//
//
// Reads the run flags, runs through the public API, and prints the result as text, JSON or
// CSV. Ctrl-C stops the run cleanly: the trials finished so far are reported, marked partial;
// a second Ctrl-C kills the process as usual.
//
//===----------------------------------------------------------------------===//
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "runtime/host/ReportFormat.h"
#include "tools/omen/Commands.h"

namespace omen::cli {

namespace {

std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int) {
  gInterrupted.store(true);
  std::signal(SIGINT, SIG_DFL);
}

// Installs the Ctrl-C handler for the lifetime of one run.
struct InterruptScope {
  InterruptScope() {
    gInterrupted.store(false);
    previous = std::signal(SIGINT, onInterrupt);
  }
  ~InterruptScope() { std::signal(SIGINT, previous); }
  void (*previous)(int);
};

}  // namespace

// `1e6`, `100000` and `1_000_000` are all a million trials. Whole numbers up to 2^53 only;
// `tooLarge` tells a huge whole number from text that is not a count at all.
bool parseCount(const std::string& text, uint64_t& out, bool* tooLarge) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  if (digits.empty() || !(std::isdigit(static_cast<unsigned char>(digits[0])))) return false;
  // strtod would also read hex ("0x10" as 16), which is no omen number.
  for (char c : digits)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
      return false;
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() || !std::isfinite(v) || v != std::floor(v)) return false;
  if (v > 9.007199254740992e15) {
    if (tooLarge) *tooLarge = true;
    return false;
  }
  out = static_cast<uint64_t>(v);
  return true;
}

int prepareRunOptions(const RunFlags& flags, RunOptions& options, const std::string& command) {
  bool tooLarge = false;
  if ((!parseCount(flags.trials, options.trials, &tooLarge) && !tooLarge) || (!tooLarge && options.trials == 0))
    return usageError("--trials expects a whole number of trials of at least 1 (e.g. 100000 or 1e6), not '" +
                          flags.trials + "'",
                      command);
  if (tooLarge || options.trials > kMaxTrials)
    return usageError("--trials " + flags.trials + " is more than omen runs in one go (at most 1e12)", command);
  if (!parseCount(flags.seed, options.seed))
    return usageError("--seed expects a whole number from 0 to 2^53, not '" + flags.seed + "'", command);
  if (flags.threads < 0 || flags.threads > 1024)
    return usageError("--threads expects a number of threads from 1 to 1024 (0 or absent: all cores)", command);
  options.threads = static_cast<unsigned>(flags.threads);
  if (flags.engine == "jit") {
    options.engine = Engine::Jit;
  } else if (flags.engine == "interp") {
    options.engine = Engine::Interpreter;
  } else {
    return usageError("--engine must be 'jit' or 'interp', not '" + flags.engine + "'", command);
  }
  for (const std::string& set : flags.sets) {
    auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == set.size())
      return usageError("--set expects name=value (e.g. --set p_turn=1%), not '" + set + "'", command);
    options.overrides.emplace_back(set.substr(0, eq), set.substr(eq + 1));
  }
  options.progress = flags.format == "text";
  options.cancel = &gInterrupted;
  return kExitOk;
}

static OutputFormat outputFormat(const std::string& name) {
  if (name == "json") return OutputFormat::Json;
  if (name == "csv") return OutputFormat::Csv;
  return OutputFormat::Text;
}

int runCommand(const RunFlags& flags, const LoadOptions& load) {
  RunOptions options;
  if (int status = prepareRunOptions(flags, options, "run")) return status;
  options.scenarios = flags.scenarios;
  auto program = Program::fromFile(flags.file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;

  InterruptScope interrupts;
  RunOutcome outcome = program->run(options);
  if (outcome.failure == Failure::Options) return usageError(outcome.error, "run");
  if (outcome.failure == Failure::Runtime) {
    std::cerr << outcome.error;
    return kExitProgramError;
  }
  std::cout << formatRun(outcome.result, outputFormat(flags.format));
  return kExitOk;
}

int compareCommand(const RunFlags& flags, const std::string& a, const std::string& b, const LoadOptions& load) {
  RunOptions options;
  if (int status = prepareRunOptions(flags, options, "compare")) return status;
  auto program = Program::fromFile(flags.file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;
  if (a == b) return usageError("compare needs two different scenarios, got '" + a + "' twice", "compare");

  InterruptScope interrupts;
  CompareOutcome outcome = program->compare(a, b, options);
  if (outcome.failure == Failure::Options) return usageError(outcome.error, "compare");
  if (outcome.failure == Failure::Runtime) {
    std::cerr << outcome.error;
    return kExitProgramError;
  }
  std::cout << formatCompare(outcome.result, outputFormat(flags.format));
  return kExitOk;
}

}  // namespace omen::cli
