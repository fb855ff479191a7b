//===- CompareSettings.h - One scenario at two settings, paired --------------===//
//
// `omen compare FILE S S --set-a x=1 --set-b x=2`: the same kernel twice through runPaired,
// each side with its own overrides on top of the shared `--set`, so trial i of both sides
// reads the same streams (common random numbers) and the differences are paired.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "omen/Results.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"
#include "runtime/host/Settings.h"

namespace omen::rt {

CompareOutcome compareSettings(ScenarioSource& source, const std::string& scenario, const Settings& settingsA,
                               const Settings& settingsB, const RunOptions& options);

/// "s [x=1, y=2]": a side of a settings comparison as the output names it.
std::string sideName(const std::string& scenario, const Settings& settings);

}  // namespace omen::rt
