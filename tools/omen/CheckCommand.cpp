//===- CheckCommand.cpp - `omen check`, `emit`, `doc` and `build` ----------===//
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>

#include "core/ClosestName.h"
#include "tools/omen/Commands.h"
#include "tools/omen/OutputGuard.h"

namespace omen::cli {

int usageError(const std::string& message, const std::string& command) {
  return rt::usageError("omen", command, message);
}

void requireSameProgram(const Program& program) {
  rt::cluster::requireSameInput({{"the program (its file and imports)", program.sourceFingerprint()}}, "omen");
}

std::string diagnosticsOf(const Program& program) {
  // An error without a place (a file that cannot be read) is about the command line's
  // argument: say so with the tool's name, as every other command-line error does.
  std::string text = program.diagnostics(), out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    end = end == std::string::npos ? text.size() : end + 1;
    if (text.compare(at, 7, "error: ") == 0) out += "omen: ";
    out += text.substr(at, end - at);
    at = end;
  }
  return out;
}

int checkCommand(const std::vector<std::string>& files, const LoadOptions& load) {
  int status = kExitOk;
  for (const std::string& file : files) {
    auto program = Program::fromFile(file, load);
    std::cerr << diagnosticsOf(*program);
    if (!program->ok()) status = kExitProgramError;
  }
  return status;
}

// Writes `text` to `output` (whole or not at all), or to stdout if `output` is empty.
static int writeOutput(const std::string& text, const std::string& output) {
  if (output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  if (std::string failed = rt::writeFileAtomically(output, text); !failed.empty()) {
    std::cerr << "omen: error: " << failed << "\n";
    return kExitProgramError;
  }
  return kExitOk;
}

int emitCommand(const EmitFlags& flags, const LoadOptions& load) {
  if (flags.what == EmitKind::Object && flags.output.empty() && isatty(STDOUT_FILENO))
    return usageError("an object file is binary: write it with -o FILE.o", "emit");
  if (!flags.output.empty())
    if (std::string refused = refuseOutput(flags.output, flags.file, OutputKind::Dump, flags.force); !refused.empty())
      return usageError(refused, "emit");
  auto program = Program::fromFile(flags.file, load);
  std::cerr << diagnosticsOf(*program);
  if (!program->ok()) return kExitProgramError;
  std::string text, error;
  if (!flags.irStage.empty() && !flags.scenarios.empty())
    return usageError("--ir-after prints the whole program's IR; it takes no --scenario", "emit");
  bool emitted = flags.irStage.empty() ? program->emit(flags.what, flags.scenarios, text, error)
                                       : program->dumpIrAfter(flags.irStage, text, error);
  if (!emitted) {
    std::cerr << "omen: error: " << error << "\n";
    return kExitProgramError;
  }
  return writeOutput(text, flags.output);
}

int docCommand(const std::vector<std::string>& targets, const LoadOptions& load) {
  std::vector<std::string> modules = stdModules(load);
  for (const std::string& target : targets) {
    if (target == "std") {
      std::cout << "The standard library (read one with `omen doc std.NAME`):\n";
      for (const std::string& m : modules) std::cout << "  " << m << "\n";
      continue;
    }
    if (target.rfind("std.", 0) == 0 && std::find(modules.begin(), modules.end(), target) == modules.end()) {
      std::cerr << "omen: error: no standard library module '" << target << "'" << didYouMean(target, modules)
                << " (`omen doc std` lists them)\n";
      return kExitProgramError;
    }
    auto program = Program::fromFile(modulePath(target, load), load);
    std::cerr << diagnosticsOf(*program);
    if (!program->ok()) return kExitProgramError;
    std::cout << program->documentation(target);
  }
  return kExitOk;
}

int buildCommand(const std::string& file, const std::string& output, const std::vector<std::string>& scenarios,
                 bool force, const std::string& policy, const LoadOptions& load) {
  if (std::string refused = refuseOutput(output, file, OutputKind::Executable, force); !refused.empty())
    return usageError(refused, "build");
  auto program = Program::fromFile(file, load);
  std::cerr << diagnosticsOf(*program);
  if (!program->ok()) return kExitProgramError;
  for (const std::string& s : scenarios)
    if (!program->hasScenario(s)) return usageError("no scenario named '" + s + "' in " + file, "build");
  std::string error;
  if (!program->build(output, scenarios, error, policy)) {
    std::cerr << "omen: error: " << error << "\n";
    return kExitProgramError;
  }
  return kExitOk;
}

}  // namespace omen::cli
