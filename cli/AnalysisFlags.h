//===- AnalysisFlags.h - The flags of `sweep` and `solve` -------------------===//
//
// Read by their registry entries (SweepAnalysis.cpp) and by the REPL's `:sweep`/`:solve`
// shorthand, so both check them the same way.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <CLI/CLI.hpp>
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

/// Prints a finished two-level run (or its error), draws `plot` if given, and returns the
/// exit status, as finishRun does for a run.
int finishWorlds(const WorldsOutcome& outcome, OutputFormat format, const std::string& plot, const std::string& tool,
                 const std::string& command);

}  // namespace omen::rt
