//===- WorstCommand.cpp - `omen worst` ---------------------------------------===//
//
// An adversarial model's best strategy over declared ranges (analysis/worst/Worst.h),
// with the run flags of `omen run`.
//
//===----------------------------------------------------------------------===//
#include <iostream>

#include "analysis/worst/WorstFormat.h"
#include "tools/omen/Commands.h"

namespace omen::cli {

void addWorstFlags(CLI::App& command, WorstFlags& flags) {
  command.add_option("file", flags.file, "Scenario file")->required();
  command.add_option("--over", flags.over, "The params the model controls, each with a declared range (x,y or repeated)")
      ->delimiter(',');
  auto* max = command.add_option("--maximize", flags.maximize, "The report the model drives up, by label");
  auto* min = command.add_option("--minimize", flags.minimize, "The report the model drives down, by label");
  max->excludes(min);
  command.add_option("--evaluations", flags.evaluations, "Runs the search may make (default 200)");
  rt::addRunFlags(command, flags.run);
}

int worstCommand(const WorstFlags& flags, const LoadOptions& load) {
  RunOptions options;
  OutputFormat format;
  std::string error = rt::readRunFlags(flags.run, options, format);
  if (!error.empty()) return usageError(error, "worst");
  if (options.scenarios.size() > 1) return usageError("worst searches one scenario: give --scenario once", "worst");
  WorstOptions what;
  if (!options.scenarios.empty()) what.scenario = options.scenarios[0];
  what.over = flags.over;
  what.maximize = flags.minimize.empty();
  what.report = what.maximize ? flags.maximize : flags.minimize;
  if (flags.evaluations < 4 || flags.evaluations > 100000)
    return usageError("--evaluations must be from 4 to 100000", "worst");
  what.evaluations = static_cast<uint64_t>(flags.evaluations);

  auto program = Program::fromFile(flags.file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  WorstOutcome outcome = program->worst(what, options);
  if (outcome.failure == Failure::Options) return usageError(outcome.error, "worst");
  if (outcome.failure == Failure::Runtime) {
    std::cerr << outcome.error;
    return kExitProgramError;
  }
  std::cout << rt::formatWorst(outcome.result, format);
  return kExitOk;
}

}  // namespace omen::cli
