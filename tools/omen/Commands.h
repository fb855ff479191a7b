//===- Commands.h - The subcommands of the `omen` tool ---------------------===//
//
// Each command is a thin client of include/omen/Omen.h. Exit status: 0 success, 1 an error
// in the program (compile or runtime), 2 misuse of the command line.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "omen/Omen.h"
#include "cli/CommandLine.h"
#include "cli/AnalysisDoor.h"
#include "cli/AnalysisFlags.h"

namespace omen::cli {

using rt::kExitOk;
using rt::kExitProgramError;
using rt::kExitUsage;
using rt::RunFlags;

/// Prints a command-line misuse message with a hint and returns kExitUsage.
int usageError(const std::string& message, const std::string& command = "");

/// The program's diagnostics, those without a place prefixed "omen: " like every other
/// command-line error.
std::string diagnosticsOf(const Program& program);

/// Under mpirun, before any work: every rank loaded the same program (its main file, its
/// imports and so its diagnostics), or the run stops with one error (runtime/host/Cluster.h).
/// The command line itself is compared first thing in main().
void requireSameProgram(const Program& program);

int checkCommand(const std::vector<std::string>& files, const LoadOptions& load);

/// `omen run FILE` and `omen compare FILE A B` with the run flags (cli/CommandLine.h).
int runCommand(const std::string& file, const RunFlags& flags, const LoadOptions& load);
/// `--set-a` / `--set-b`: compare one scenario with itself at two settings.
int compareCommand(const std::string& file, const std::string& a, const std::string& b, const RunFlags& flags,
                   const std::vector<std::string>& setsA, const std::vector<std::string>& setsB,
                   const LoadOptions& load);

/// `omen emit`: a dump of one stage. `output` empty: stdout.
struct EmitFlags {
  std::string file;
  EmitKind what = EmitKind::Ast;
  std::string irStage;  ///< --ir-after STAGE: the IR after this stage instead of `what`
  std::vector<std::string> scenarios;
  std::string output;
  bool force = false;  ///< --force: -o may replace an existing file
};
int emitCommand(const EmitFlags& flags, const LoadOptions& load);

/// `omen doc TARGET…`: each file's or std module's declarations with their comments.
int docCommand(const std::vector<std::string>& targets, const LoadOptions& load);

/// `omen build FILE -o EXE [--scenario S]… [--policy P] [--force]`: an ahead-of-time compiled executable.
int buildCommand(const std::string& file, const std::string& output, const std::vector<std::string>& scenarios,
                 bool force, const std::string& policy, const LoadOptions& load);

/// `omen report FILE -o PAGE [--force] [--analysis "NAME FLAGS…"]… [run flags]`.
struct ReportFlags {
  std::string file, output;
  bool force = false;
  std::vector<std::string> analyses;  ///< each "NAME FLAGS…", split as a shell would
  RunFlags run;
};
CLI::App* addReportSubcommand(CLI::App& app, ReportFlags& flags);
/// `argv` is the whole command line, shown on the page as its recipe.
int reportCommand(const ReportFlags& flags, const std::vector<std::string>& argv, const LoadOptions& load);

/// `omen serve [FILE|FOLDER…] [--port P] [--host H --allow-remote]`: the local playground.
struct ServeFlags {
  std::vector<std::string> paths;
  int port = 8765;
  std::string host = "127.0.0.1";
  bool allowRemote = false;
  std::string maxTrials = "1e8";
  double maxSeconds = 60;
};
CLI::App* addServeSubcommand(CLI::App& app, ServeFlags& flags);
int serveCommand(const ServeFlags& flags, const LoadOptions& load);

}  // namespace omen::cli
