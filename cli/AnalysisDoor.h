//===- AnalysisDoor.h - Running a registered analysis from any door -----------===//
//
// The one path from an analysis's words (`--vary x --points 5 --format json`) to its printed
// outcome: parse with the analysis's flags and the run flags, read them, open the scenarios,
// run with Ctrl-C handled, print and plot. `omen`, the REPL and Python reach it through
// omen/Analyses.h (api/), built executables directly (aot/).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "cli/AnalysisRegistry.h"

namespace omen::rt {

/// Opens the scenarios an analysis runs, once its flags are read (`file` is empty where the
/// door takes no file). Null: the reason is printed on `err` and `status` set.
using SourceOpener = std::function<ScenarioSource*(const std::string& file, Engine engine, std::ostream& err,
                                                   int& status)>;

/// Runs `analysis` through `door` with `args` (what follows its name; `withFile`: the
/// scenario file comes first), printing to `io`. Returns the exit status. A door that does
/// not offer the analysis prints the registry's reason and returns kExitUsage.
int runAnalysis(const AnalysisDescriptor& analysis, const std::vector<std::string>& args, Door door, bool withFile,
                const AnalysisIo& io, const SourceOpener& open);

/// One subcommand per registered analysis (those `door` does not offer included, so that
/// they can say why), each passing its arguments on unparsed for runAnalysis.
void addAnalysisSubcommands(CLI::App& app);
/// The analysis whose subcommand `app` parsed, with its arguments; null if none.
const AnalysisDescriptor* parsedAnalysis(const CLI::App& app, std::vector<std::string>& args);

/// Prints a finished outcome as `format` (and draws `plot` unless it is partial); returns the
/// exit status.
int finishAnalysis(const AnalysisOutcome& outcome, OutputFormat format, const std::string& plot, const std::string& tool,
                   const std::string& command, std::ostream& out, std::ostream& err);

}  // namespace omen::rt
