//===- SensitivityCommand.cpp - `omen sensitivity` --------------------------===//
//
// The tornado and Sobol' indices of one report (analysis/sensitivity/Sensitivity.h), with
// the run flags of `omen run`; `--plot OUT.svg` draws the tornado with gnuplot.
//
//===----------------------------------------------------------------------===//
#include <iostream>

#include "analysis/sensitivity/SensitivityFormat.h"
#include "analysis/sensitivity/TornadoPlot.h"
#include "tools/omen/Commands.h"

namespace omen::cli {

void addSensitivityFlags(CLI::App& command, SensitivityFlags& flags) {
  command.add_option("file", flags.file, "Scenario file")->required();
  command.add_option("--report", flags.report, "The report to analyse, by label (default: the first)");
  command.add_option("--plot", flags.plot, "Write the tornado chart to this file (.svg or .png; needs gnuplot)");
  command.add_option("--rows", flags.rows, "Rows N of the Sobol' design: N x (k+3) trials (default 8192)");
  command.add_option("--resamples", flags.resamples, "Bootstrap resamples of the Sobol' half-widths (default 100)");
  command.add_flag("--no-sobol", flags.noSobol, "Only the tornado");
  command.add_flag("--no-tornado", flags.noTornado, "Only the Sobol' indices");
  rt::addRunFlags(command, flags.run);
}

int sensitivityCommand(const SensitivityFlags& flags, const LoadOptions& load) {
  RunOptions options;
  OutputFormat format;
  std::string error = rt::readRunFlags(flags.run, options, format);
  if (!error.empty()) return usageError(error, "sensitivity");
  if (options.scenarios.size() > 1) return usageError("sensitivity analyses one scenario: give --scenario once", "sensitivity");
  SensitivityOptions what;
  if (!options.scenarios.empty()) what.scenario = options.scenarios[0];
  what.report = flags.report;
  what.sobol = !flags.noSobol;
  what.tornado = !flags.noTornado;
  if (!what.sobol && !what.tornado) return usageError("--no-sobol and --no-tornado leave nothing to do", "sensitivity");
  uint64_t rows = 0;
  bool tooLarge = false;
  if (!parseCount(flags.rows, rows, &tooLarge) || rows < 2)
    return usageError("--rows wants a whole number of at least 2, like 8192 or 2^13 written as 8192; got '" +
                          flags.rows + "'",
                      "sensitivity");
  what.rows = rows;
  if (flags.resamples < 2 || flags.resamples > 100000)
    return usageError("--resamples must be from 2 to 100000", "sensitivity");
  what.resamples = static_cast<unsigned>(flags.resamples);
  if (!flags.plot.empty() && what.tornado == false) return usageError("--plot draws the tornado; drop --no-tornado", "sensitivity");

  auto program = Program::fromFile(flags.file, load);
  std::cerr << program->diagnostics();
  if (!program->ok()) return kExitProgramError;
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  SensitivityOutcome outcome = program->sensitivity(what, options);
  if (outcome.failure == Failure::Options) return usageError(outcome.error, "sensitivity");
  if (outcome.failure == Failure::Runtime) {
    std::cerr << outcome.error;
    if (!outcome.error.empty() && outcome.error.back() != '\n') std::cerr << "\n";
    return kExitProgramError;
  }
  std::cout << rt::formatSensitivity(outcome.result, format);
  if (!flags.plot.empty()) {
    std::string plotError = rt::plotTornado(outcome.result, flags.plot);
    if (!plotError.empty()) {
      std::cerr << "omen: error: " << plotError << "\n";
      return kExitProgramError;
    }
  }
  return kExitOk;
}

}  // namespace omen::cli
