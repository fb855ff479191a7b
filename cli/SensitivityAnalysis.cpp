//===- SensitivityAnalysis.cpp - `sensitivity` in the analysis registry -----===//
//
// The tornado and Sobol' indices of one report (analysis/sensitivity/Sensitivity.h);
// `--plot OUT.svg` draws the tornado with gnuplot.
//
//===----------------------------------------------------------------------===//
#include "analysis/sensitivity/Sensitivity.h"
#include "analysis/sensitivity/SensitivityFormat.h"
#include "analysis/sensitivity/TornadoPlot.h"
#include "cli/AnalysisRegistry.h"
#include "runtime/host/ParamValue.h"

namespace omen::rt {

namespace {

struct SensitivityFlags {
  std::string report, plot;
  std::string rows = "8192";
  long long resamples = 100;
  bool noSobol = false, noTornado = false;
};

void addSensitivityFlags(CLI::App& command, SensitivityFlags& flags) {
  command.add_option("--report", flags.report, "The report to analyse, by label (default: the first)");
  command.add_option("--plot", flags.plot, "Write the tornado chart to this file (.svg or .png; needs gnuplot)");
  command.add_option("--rows", flags.rows, "Rows N of the Sobol' design: N x (k+3) trials (default 8192)");
  command.add_option("--resamples", flags.resamples, "Bootstrap resamples of the Sobol' half-widths (default 100)");
  command.add_flag("--no-sobol", flags.noSobol, "Only the tornado");
  command.add_flag("--no-tornado", flags.noTornado, "Only the Sobol' indices");
}

std::string readSensitivityFlags(const SensitivityFlags& flags, const RunFlags&, RunOptions& options,
                                 SensitivityOptions& what) {
  if (options.scenarios.size() > 1) return "sensitivity analyses one scenario: give --scenario once";
  if (!options.scenarios.empty()) what.scenario = options.scenarios[0];
  what.report = flags.report;
  what.sobol = !flags.noSobol;
  what.tornado = !flags.noTornado;
  if (!what.sobol && !what.tornado) return "--no-sobol and --no-tornado leave nothing to do";
  uint64_t rows = 0;
  bool tooLarge = false;
  if (!parseCount(flags.rows, rows, &tooLarge) || rows < 2)
    return "--rows wants a whole number of at least 2, like 8192 or 2^13 written as 8192; got '" + flags.rows + "'";
  what.rows = rows;
  if (flags.resamples < 2 || flags.resamples > 100000) return "--resamples must be from 2 to 100000";
  what.resamples = static_cast<unsigned>(flags.resamples);
  if (!flags.plot.empty() && !what.tornado) return "--plot draws the tornado; drop --no-tornado";
  return "";
}

const AnalysisParts<SensitivityFlags, SensitivityOptions, SensitivityOutcome> kParts{
    addSensitivityFlags,
    readSensitivityFlags,
    [](ScenarioSource& source, const SensitivityOptions& what, const RunOptions& options) {
      return sensitivity(source, options, what);
    },
    formatSensitivity,
    plotTornado,
    [](const SensitivityFlags& flags, const RunFlags&) { return flags.plot; },
};

}  // namespace

extern const AnalysisDescriptor kSensitivityAnalysis{
    "sensitivity", "Which param moves a report most: a tornado on common random numbers and Sobol' indices", {}, {},
    [] { return commandOf(kParts); }};

}  // namespace omen::rt
