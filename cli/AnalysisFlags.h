//===- AnalysisFlags.h - The flags of `sweep` and `solve`, once for omen and built executables ===//
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "omen/Analysis.h"
#include "omen/Worlds.h"
#include "cli/CommandLine.h"

namespace omen::rt {

struct SweepFlags {
  std::vector<std::string> vary;  ///< NAME, NAME=LO:HI or NAME=LO:HI:N
  uint32_t points = 11;
  bool log = false;
  std::string plot;  ///< OUT.svg or OUT.png
};

struct SolveFlags {
  std::string find;   ///< the param
  std::string in;     ///< LO:HI (empty: the declared range)
  std::string where;  ///< "REPORT = VALUE"
  std::string plot;
};

void addSweepFlags(CLI::App& command, SweepFlags& flags);
void addSolveFlags(CLI::App& command, SolveFlags& flags);

/// "" or the usage error; `scenarios` are the run flags' --scenario values (at most one).
std::string readSweepFlags(const SweepFlags& flags, const std::vector<std::string>& scenarios, SweepRequest& out);
std::string readSolveFlags(const SolveFlags& flags, const std::vector<std::string>& scenarios, SolveRequest& out);

/// Prints the outcome as `format` (and draws `plot` if given); returns the exit status.
int finishSweep(const SweepOutcome& outcome, OutputFormat format, const std::string& plot, const std::string& tool,
                const std::string& command);
int finishSolve(const SolveOutcome& outcome, OutputFormat format, const std::string& plot, const std::string& tool,
                const std::string& command);

/// Prints a finished two-level run (or its error), draws `plot` if given, and returns the
/// exit status, as finishRun does for a run.
int finishWorlds(const WorldsOutcome& outcome, OutputFormat format, const std::string& plot, const std::string& tool,
                 const std::string& command);

/// The `sweep` and `solve` subcommands with their flags (run flags included), added to `app`
/// by `omen` and by every `omen build` executable alike. Keep the object where it is: CLI11
/// holds references into it.
struct AnalysisCommands {
  CLI::App* sweep = nullptr;
  CLI::App* solve = nullptr;
  std::string sweepFile, solveFile;  ///< `omen` only: the scenario file argument
  RunFlags sweepRun, solveRun;
  SweepFlags sweepFlags;
  SolveFlags solveFlags;
};
/// `withFile`: the commands take the scenario file as their first argument (`omen`).
void addAnalysisCommands(CLI::App& app, AnalysisCommands& commands, RunFlagChoice choice, bool withFile);

using SweepRunner = std::function<SweepOutcome(const SweepRequest&, const RunOptions&)>;
using SolveRunner = std::function<SolveOutcome(const SolveRequest&, const RunOptions&)>;

/// Reads the parsed flags, runs (with Ctrl-C handling) and prints; the exit status.
int runSweepCommand(const AnalysisCommands& commands, const SweepRunner& run, const std::string& tool);
int runSolveCommand(const AnalysisCommands& commands, const SolveRunner& run, const std::string& tool);

}  // namespace omen::rt
