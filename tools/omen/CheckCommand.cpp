//===- CheckCommand.cpp - `omen check FILE…` and `omen emit` ---------------===//
#include <iostream>

#include "tools/omen/Commands.h"

namespace omen::cli {

int usageError(const std::string& message, const std::string& command) {
  std::cerr << "omen: error: " << message << "\n";
  std::cerr << "Run 'omen " << (command.empty() ? "" : command + " ") << "--help' for usage.\n";
  return kExitUsage;
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

int emitCommand(const std::string& file, EmitWhat what, const LoadOptions& load) {
  auto program = Program::fromFile(file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;
  std::cout << (what == EmitWhat::Ast ? program->dumpAst() : program->dumpIr());
  return kExitOk;
}

}  // namespace omen::cli
