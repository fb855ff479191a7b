//===- RunFlags.h - The run flags of an `omen build` executable ------------===//
//
// The same flags, defaults and checks as `omen run` (tools/omen/RunCommand.cpp), so an
// executable and `omen run` given the same flags run the same trials.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "runtime/host/Driver.h"

namespace omen::aot {

struct RunFlags {
  std::vector<std::string> scenarios;
  std::string trials = "100000";
  std::string seed = "1";
  int threads = 0;
  std::vector<std::string> sets;
  std::string format = "text";
};

void addRunFlags(CLI::App& app, RunFlags& flags);

/// Checks the flags and fills the driver's options; false with `error` for a usage error.
bool prepareDriverOptions(const RunFlags& flags, rt::RunOptions& options, std::string& error);

/// Every `--set` names a param of at least one scenario.
bool everySetKnown(const RunFlags& flags, const std::vector<const rt::ScenarioInfo*>& infos, std::string& error);

/// Adds the overrides of every `--set` that names a param of `info`.
bool pinSets(const RunFlags& flags, const rt::ScenarioInfo& info, std::vector<rt::Override>& overrides,
             std::string& error);

}  // namespace omen::aot
