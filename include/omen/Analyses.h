//===- Analyses.h - Every analysis, offered through every door ---------------===//
//
// The analyses over runs (sweep, solve, sensitivity, worst, worlds, …) form one registry:
// each has a name, its flags (those of `omen NAME`), and the doors it is offered through.
// `omen NAME FILE FLAGS…`, the REPL's `:NAME FLAGS…`, a built executable's `EXE NAME FLAGS…`
// and Python's `Program.analyze(NAME, …)` all run it from the same flags with the same code,
// so their results agree. Where a door cannot offer one, the registry says why.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace omen {

struct LoadOptions;

/// The ways in to an analysis.
enum class Door : uint8_t { Command, Repl, Executable, Python };
inline constexpr Door kDoors[] = {Door::Command, Door::Repl, Door::Executable, Door::Python};

/// "omen", "the REPL", "built executables", "Python".
const char* doorName(Door door);

struct AnalysisInfo {
  std::string name;     ///< the command: `omen NAME`, `:NAME`, `EXE NAME`, analyze("NAME")
  std::string summary;  ///< one line, as `--help` lists it
  /// Indexed by Door: "" where the analysis is offered, else why it is not.
  std::vector<std::string> unavailable;
};

/// The registry, in the order `--help` lists it.
std::vector<AnalysisInfo> analyses();

/// Where an analysis prints, and what stops it.
struct AnalysisIo {
  std::ostream& out;  ///< the result as text, JSON or CSV (--format)
  std::ostream& err;  ///< warnings, errors, the interruption notice
  std::string tool = "omen";  ///< names the program in messages ("omen: error: …")
  /// Polled by the run; null: Ctrl-C stops it (a SIGINT handler for the call's duration).
  const std::atomic<bool>* cancel = nullptr;
};

/// `omen NAME FILE FLAGS…`: `args` are what follows NAME (the file and the flags, `--help`
/// included). Loads the file with `load`, runs, prints; returns the exit status (0, 1 an
/// error in the program, 2 a usage error, 130 interrupted).
int runAnalysisCommand(const std::string& name, const std::vector<std::string>& args, const LoadOptions& load,
                       const AnalysisIo& io);

}  // namespace omen
