//===- RunCommand.cpp - `omen run` and `omen compare` -----------------------===//
//
// Loads and checks the file, then reads, runs and prints exactly as an `omen build`
// executable does (runtime/host/CommandLine.h). Ctrl-C stops the run cleanly: the trials
// finished so far are reported, marked partial; a second Ctrl-C kills the process as usual.
//
//===----------------------------------------------------------------------===//
#include <iostream>

#include "tools/omen/Commands.h"

namespace omen::cli {

namespace {

// The checked program of `file`, or null after printing its diagnostics.
std::unique_ptr<Program> load(const std::string& file, const LoadOptions& options) {
  auto program = Program::fromFile(file, options);
  std::cerr << program->diagnostics();
  return program->ok() ? std::move(program) : nullptr;
}

}  // namespace

int runCommand(const std::string& file, const RunFlags& flags, const LoadOptions& loadOptions) {
  RunOptions options;
  OutputFormat format;
  std::string error = rt::readRunFlags(flags, options, format);
  if (!error.empty()) return usageError(error, "run");
  auto program = load(file, loadOptions);
  if (!program) return kExitProgramError;
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  return rt::finishRun(program->run(options), format, "omen", "run");
}

int compareCommand(const std::string& file, const std::string& a, const std::string& b, const RunFlags& flags,
                   const LoadOptions& loadOptions) {
  RunOptions options;
  OutputFormat format;
  std::string error = rt::readRunFlags(flags, options, format);
  if (!error.empty()) return usageError(error, "compare");
  auto program = load(file, loadOptions);
  if (!program) return kExitProgramError;
  if (a == b) return usageError("compare needs two different scenarios, got '" + a + "' twice", "compare");
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  return rt::finishCompare(program->compare(a, b, options), format, "omen", "compare");
}

}  // namespace omen::cli
