//===- WorldsAnalysis.cpp - `worlds` in the analysis registry ---------------===//
//
// Two-level runs (analysis/worlds/Worlds.h): `NAME worlds --worlds W --trials N` is
// `run --worlds W --trials N`, offered as an analysis like the others.
//
//===----------------------------------------------------------------------===//
#include "analysis/worlds/Worlds.h"
#include "analysis/worlds/WorldsFormat.h"
#include "cli/AnalysisRegistry.h"

namespace omen::rt {

namespace {

struct NoFlags {};

const AnalysisParts<NoFlags, NoFlags, WorldsOutcome> kParts{
    [](CLI::App&, NoFlags&) {},
    [](const NoFlags&, const RunFlags&, RunOptions& options, NoFlags&) {
      return options.worlds > 0 ? std::string() : std::string("give the number of worlds: --worlds W");
    },
    [](ScenarioSource& source, const NoFlags&, const RunOptions& options) { return runWorlds(source, options); },
    formatWorlds,
    plotWorlds,
    [](const NoFlags&, const RunFlags& run) { return run.plot; },
};

}  // namespace

extern const AnalysisDescriptor kWorldsAnalysis{
    "worlds", "Two-level runs: each world draws the epistemic params once, then runs its trials", {.worlds = true}, {},
    [] { return commandOf(kParts); }};

}  // namespace omen::rt
