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

enum class EmitWhat { Ast, Ir };
int emitCommand(const std::string& file, EmitWhat what, const LoadOptions& load);

}  // namespace omen::cli
