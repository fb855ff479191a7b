//===- CheckCommand.cpp - `omen check`, `emit`, `doc` and `build` ----------===//
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "tools/omen/Commands.h"

namespace omen::cli {

int usageError(const std::string& message, const std::string& command) {
  return rt::usageError("omen", command, message);
}

int checkCommand(const std::vector<std::string>& files, const LoadOptions& load) {
  int status = kExitOk;
  for (const std::string& file : files) {
    auto program = Program::fromFile(file, load);
    std::cerr << program->diagnostics();
    if (!program->ok()) status = kExitProgramError;
  }
  return status;
}

// Writes `text` to `output`, or to stdout if `output` is empty.
static int writeOutput(const std::string& text, const std::string& output) {
  if (output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "omen: error: cannot write '" << output << "'\n";
    return kExitProgramError;
  }
  return kExitOk;
}

int emitCommand(const EmitFlags& flags, const LoadOptions& load) {
  if (flags.what == EmitKind::Object && flags.output.empty() && isatty(STDOUT_FILENO))
    return usageError("an object file is binary: write it with -o FILE.o", "emit");
  auto program = Program::fromFile(flags.file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;
  std::string text, error;
  if (!program->emit(flags.what, flags.scenarios, text, error)) {
    std::cerr << "omen: error: " << error << "\n";
    return kExitProgramError;
  }
  return writeOutput(text, flags.output);
}

int docCommand(const std::vector<std::string>& targets, const LoadOptions& load) {
  for (const std::string& target : targets) {
    auto program = Program::fromFile(modulePath(target, load), load);
    std::cerr << program->diagnostics();
    if (!program->ok()) return kExitProgramError;
    std::cout << program->documentation(target);
  }
  return kExitOk;
}

int buildCommand(const std::string& file, const std::string& output, const std::vector<std::string>& scenarios,
                 const LoadOptions& load) {
  auto program = Program::fromFile(file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;
  for (const std::string& s : scenarios)
    if (!program->hasScenario(s)) return usageError("no scenario named '" + s + "' in " + file, "build");
  std::string error;
  if (!program->build(output, scenarios, error)) {
    std::cerr << "omen: error: " << error << "\n";
    return kExitProgramError;
  }
  return kExitOk;
}

}  // namespace omen::cli
