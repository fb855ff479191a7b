//===- Tornado.h - One-at-a-time swings on common random numbers -----------===//
//
// Each param is moved from low to high with every other param as the scenario has it
// (uncertain params still drawn, fixed params at their values): an uncertain param pinned at
// the 5% and 95% quantiles of its own draws (ParamDraws.h), a fixed param over its declared
// range. The two ends run as a pair on common random numbers (runPaired of the kernel with
// itself under two override sets), so the swing high − low has a paired standard error.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>

#include "omen/Sensitivity.h"
#include "runtime/host/Driver.h"

namespace omen::rt {

/// Draws used to estimate an uncertain param's 5% and 95% quantiles.
inline constexpr uint64_t kTornadoQuantileDraws = 100000;

/// The bar of param `param` of `kernel` for report `report`; nullopt with `reason` if the
/// param cannot be varied (pinned by --set, no range, a bool), `error` on a run error, or
/// `interrupted` set if Ctrl-C cut the bar's run (a cut bar is never returned).
std::optional<TornadoBar> tornadoBar(const Kernel& kernel, const Kernel& paramKernel, const DriverOptions& driver,
                                     size_t param, size_t report, std::string& reason,
                                     std::optional<RunError>& error, bool& interrupted);

}  // namespace omen::rt
