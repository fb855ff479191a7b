//===- CommandLine.h - The run flags and conventions every run command shares ===//
//
// `omen run`, `omen compare`, every analysis command and `omen build` executables take the
// same run flags, read them the same way, stop the same way on Ctrl-C, and exit with the same
// statuses. Defined once here so that a flag added is a flag everywhere.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <string>
#include <vector>

#include "omen/Exact.h"
#include "omen/Format.h"
#include "omen/Results.h"
#include "omen/RunOptions.h"
// Files a command writes (-o, :save) and its stdout follow the one rule of AtomicFile.h.
#include "runtime/host/AtomicFile.h"
// What the tools use of the runtime around a command: every MPI rank given the same input
// (Cluster.h), out of memory as a clear error and memory sizes in words (MemoryBudget.h).
#include "runtime/host/Cluster.h"
#include "runtime/host/MemoryBudget.h"

namespace omen::rt {

/// 0 success, 1 an error in the program (compile or runtime), 2 misuse of the command line,
/// 130 interrupted by Ctrl-C (the shell's 128 + SIGINT; the partial results are printed).
/// kExitUndecided: `omen test` ran whole and no expectation failed, but one is undecided
/// at the trial cap.
enum ExitCode { kExitOk = 0, kExitProgramError = 1, kExitUsage = 2, kExitUndecided = 3, kExitInterrupted = 130 };

/// Prints "TOOL: error: MESSAGE" and a hint to run `TOOL COMMAND --help` on `err`; returns
/// kExitUsage.
int usageError(const std::string& tool, const std::string& command, const std::string& message, std::ostream& err);
int usageError(const std::string& tool, const std::string& command, const std::string& message);
/// A CLI11 parse error in words: "Could not convert: --threads = abc" becomes "--threads wants
/// a number, got 'abc'" (no raw library text reaches the user, issue 22).
std::string describeParseError(const CLI::ParseError& e);

/// First thing in main() of `omen` and of built executables: under mpirun this process
/// becomes one rank of the run (runtime/host/Cluster.h); otherwise nothing happens.
void startProcess(int& argc, char**& argv);

/// "unknown command 'X'" with the closest of `commands` suggested, if one is close.
std::string unknownCommand(const std::string& typed, const std::vector<std::string>& commands);

/// The run flags as typed on the command line, before they are checked.
struct RunFlags {
  std::vector<std::string> scenarios;
  std::string trials = "100000";
  bool trialsGiven = false;  ///< not given: a precision-targeted run's cap is kPrecisionDefaultCap
  std::string seed = "1";
  long long threads = 0;
  std::string engine = "auto";
  std::vector<std::string> sets;
  std::string format = "text";
  std::vector<std::string> precision, relPrecision;
  std::string worlds;               ///< --worlds W (empty: an ordinary run)
  std::vector<std::string> exceed;  ///< --exceed X (repeatable, or X,Y,…)
  std::string plot;                 ///< --plot FILE: the worlds' distribution (needs --worlds)
  std::string maxStates;            ///< --max-states N of --engine exact (empty: the default)
  std::string policy;               ///< --policy FILE: the strategy of a scenario's `choose`
};

/// Which flags a command takes beyond trials, seed, threads, --set and --format.
struct RunFlagChoice {
  bool scenario = true;  ///< --scenario S (repeatable); compare names its two scenarios instead
  bool engine = true;    ///< --engine auto|jit|interp; a built executable has its one engine
  bool worlds = false;   ///< --worlds, --exceed, --plot: two-level runs (run and built executables)
  bool exact = false;    ///< --engine exact and --max-states (omen run: backend/exact/, docs/exact.md)
};

void addRunFlags(CLI::App& command, RunFlags& flags, RunFlagChoice choice = {});

/// Checks `flags` and fills `options` and `format`; "" or the usage error.
std::string readRunFlags(const RunFlags& flags, RunOptions& options, OutputFormat& format);

/// --max-states of an exact run into `out`; "" or the usage error.
std::string readMaxStates(const RunFlags& flags, uint64_t& out);

/// For the lifetime of one run, Ctrl-C sets the flag a run polls (the run stops and reports
/// what finished, marked partial); a second Ctrl-C ends the process as usual.
class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;
  const std::atomic<bool>* flag() const;

 private:
  void (*previous_)(int);
};

/// Prints a finished run or comparison as `format` on stdout, or its error on stderr, and
/// returns the exit status. An interrupted run prints what finished (marked partial) and
/// says on stderr how many trials finished.
/// finishRun for an exact run (`--engine exact`, omen/Exact.h).
int finishExact(const ExactOutcome& outcome, OutputFormat format, const std::string& tool, const std::string& command);
int finishRun(const RunOutcome& outcome, OutputFormat format, const std::string& tool, const std::string& command);
int finishCompare(const CompareOutcome& outcome, OutputFormat format, const std::string& tool,
                  const std::string& command);

/// "TOOL: interrupted: …" for a partial run (one line), or "" if the run was not cut short.
std::string interruptNotice(const RunResult& result, const std::string& tool);
std::string interruptNotice(const CompareResult& result, const std::string& tool);
std::string interruptNotice(const ExactResult& result, const std::string& tool);

}  // namespace omen::rt
