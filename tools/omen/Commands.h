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

namespace omen::cli {

enum ExitCode { kExitOk = 0, kExitProgramError = 1, kExitUsage = 2 };

/// Prints a command-line misuse message with a hint and returns kExitUsage.
int usageError(const std::string& message, const std::string& command = "");

int checkCommand(const std::vector<std::string>& files, const LoadOptions& load);

/// The flags `omen run` and `omen compare` share, as typed on the command line.
struct RunFlags {
  std::string file;
  std::vector<std::string> scenarios;
  std::string trials = "100000";
  std::string seed = "1";
  int threads = 0;
  std::string engine = "jit";
  std::vector<std::string> sets;
  std::string format = "text";
};

/// More trials than this in one run is refused as a likely typo.
inline constexpr uint64_t kMaxTrials = 1'000'000'000'000ULL;

/// Reads a count as people write it: `1e6`, `100000` and `1_000_000` are all a million.
/// Whole numbers up to 2^53 only; `tooLarge` (if given) tells a huge whole number from text
/// that is not a count at all.
bool parseCount(const std::string& text, uint64_t& out, bool* tooLarge = nullptr);

/// Checks the flags and fills `options`; returns kExitOk or the usage-error status.
int prepareRunOptions(const RunFlags& flags, RunOptions& options, const std::string& command);
int runCommand(const RunFlags& flags, const LoadOptions& load);
int compareCommand(const RunFlags& flags, const std::string& a, const std::string& b, const LoadOptions& load);

/// `omen emit`: a dump of one stage. `output` empty: stdout.
struct EmitFlags {
  std::string file;
  EmitKind what = EmitKind::Ast;
  std::vector<std::string> scenarios;
  std::string output;
};
int emitCommand(const EmitFlags& flags, const LoadOptions& load);

/// `omen doc TARGET…`: each file's or std module's declarations with their comments.
int docCommand(const std::vector<std::string>& targets, const LoadOptions& load);

/// `omen build FILE -o EXE [--scenario S]…`: an ahead-of-time compiled executable.
int buildCommand(const std::string& file, const std::string& output, const std::vector<std::string>& scenarios,
                 const LoadOptions& load);

}  // namespace omen::cli
