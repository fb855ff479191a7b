//===- VoiCommand.cpp - `omen voi` -------------------------------------------===//
//
// Value of information (analysis/voi/Voi.h), with the run flags of `omen run`: --worlds W
// (default 1000) worlds of --trials N (default 100 here) trials per option.
//
//===----------------------------------------------------------------------===//
#include <iostream>

#include "analysis/voi/VoiFormat.h"
#include "tools/omen/Commands.h"

namespace omen::cli {

void addVoiFlags(CLI::App& command, VoiFlags& flags) {
  command.add_option("file", flags.file, "Scenario file")->required();
  command.add_option("--decide", flags.decide, "The decision: a fixed param with a declared range of options")->required();
  auto* max = command.add_option("--maximize", flags.maximize, "The report the decision drives up, by label");
  auto* min = command.add_option("--minimize", flags.minimize, "The report the decision drives down, by label");
  max->excludes(min);
  command.add_option("--options", flags.options, "Grid points of a real decision's range (default 11)");
  command.add_option("--resamples", flags.resamples, "Bootstrap resamples of the worlds for the intervals (default 200)");
  rt::RunFlagChoice choice;
  choice.worlds = true;
  rt::addRunFlags(command, flags.run, choice);
}

int voiCommand(VoiFlags flags, const LoadOptions& load) {
  if (!flags.run.exceed.empty() || !flags.run.plot.empty()) return usageError("voi takes neither --exceed nor --plot", "voi");
  if (flags.run.worlds.empty()) flags.run.worlds = "1000";
  if (!flags.run.trialsGiven) flags.run.trials = "100";
  RunOptions options;
  OutputFormat format;
  std::string error = rt::readRunFlags(flags.run, options, format);
  if (!error.empty()) return usageError(error, "voi");
  if (options.scenarios.size() > 1) return usageError("voi decides in one scenario: give --scenario once", "voi");
  if (flags.options < 2 || flags.options > 101) return usageError("--options must be from 2 to 101", "voi");
  if (flags.resamples < 0 || flags.resamples > 100000) return usageError("--resamples must be from 0 to 100000", "voi");
  VoiOptions what;
  if (!options.scenarios.empty()) what.scenario = options.scenarios[0];
  what.decide = flags.decide;
  what.maximize = flags.minimize.empty();
  what.report = what.maximize ? flags.maximize : flags.minimize;
  what.options = static_cast<uint64_t>(flags.options);
  what.resamples = static_cast<uint64_t>(flags.resamples);

  auto program = Program::fromFile(flags.file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  VoiOutcome outcome = program->voi(what, options);
  if (outcome.failure == Failure::Options) return usageError(outcome.error, "voi");
  if (outcome.failure != Failure::None) {
    std::cerr << outcome.error << (outcome.error.empty() || outcome.error.back() == '\n' ? "" : "\n");
    return kExitProgramError;
  }
  std::cout << rt::formatVoi(outcome.result, format);
  return kExitOk;
}

}  // namespace omen::cli
