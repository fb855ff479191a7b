//===- AnalysisCommands.cpp - `omen sweep`, `omen solve` and compare at two settings ===//
//
// Thin clients of the public API: the flags and printing are runtime/host/analysis's (shared
// with `omen build` executables), the work is Program::sweep / solve / compareSettings.
//
//===----------------------------------------------------------------------===//
#include <iostream>

#include "tools/omen/Commands.h"

namespace omen::cli {

namespace {

// Loads `file`; null (diagnostics in `error`) if it has errors.
std::unique_ptr<Program> load(const std::string& file, const LoadOptions& options, std::string& error) {
  auto program = Program::fromFile(file, options);
  requireSameProgram(*program);
  if (program->ok()) {
    std::cerr << program->diagnostics();  // warnings
    return program;
  }
  error = program->diagnostics();
  return nullptr;
}

template <typename Outcome>
Outcome programError(const std::string& diagnostics) {
  Outcome out;
  out.failure = Failure::Runtime;
  out.error = diagnostics;
  return out;
}

}  // namespace

int sweepCommand(const rt::AnalysisCommands& commands, const LoadOptions& options) {
  return rt::runSweepCommand(
      commands,
      [&](const SweepRequest& request, const RunOptions& run) {
        std::string error;
        auto program = load(commands.sweepFile, options, error);
        return program ? program->sweep(request, run) : programError<SweepOutcome>(error);
      },
      "omen");
}

int solveCommand(const rt::AnalysisCommands& commands, const LoadOptions& options) {
  return rt::runSolveCommand(
      commands,
      [&](const SolveRequest& request, const RunOptions& run) {
        std::string error;
        auto program = load(commands.solveFile, options, error);
        return program ? program->solve(request, run) : programError<SolveOutcome>(error);
      },
      "omen");
}

}  // namespace omen::cli
