//===- SweepAnalysis.cpp - `sweep` and `solve` in the analysis registry ----===//
#include "analysis/Gnuplot.h"
#include "analysis/solve/Solve.h"
#include "analysis/sweep/Sweep.h"
#include "cli/AnalysisFlags.h"
#include "cli/AnalysisRegistry.h"

namespace omen::rt {

namespace {

const AnalysisParts<SweepFlags, SweepRequest, SweepOutcome> kSweepParts{
    addSweepFlags,
    [](const SweepFlags& flags, const RunFlags& run, RunOptions&, SweepRequest& request) {
      return readSweepFlags(flags, run.scenarios, request);
    },
    sweepScenario,
    formatSweep,
    plotSweepFile,
    [](const SweepFlags& flags, const RunFlags&) { return flags.plot; },
};

const AnalysisParts<SolveFlags, SolveRequest, SolveOutcome> kSolveParts{
    addSolveFlags,
    [](const SolveFlags& flags, const RunFlags& run, RunOptions&, SolveRequest& request) {
      return readSolveFlags(flags, run.scenarios, request);
    },
    solveScenario,
    formatSolve,
    plotSolveFile,
    [](const SolveFlags& flags, const RunFlags&) { return flags.plot; },
};

}  // namespace

extern const AnalysisDescriptor kSweepAnalysis{
    "sweep", "Run one scenario over a grid of one or two params on common random numbers", {}, {},
    [] { return commandOf(kSweepParts); }};

extern const AnalysisDescriptor kSolveAnalysis{
    "solve", "Find the param value at which a report reaches a target, with an interval", {}, {},
    [] { return commandOf(kSolveParts); }};

}  // namespace omen::rt
