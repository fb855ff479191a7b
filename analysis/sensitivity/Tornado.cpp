//===- Tornado.cpp - One-at-a-time swings on common random numbers ---------===//

#include "runtime/host/ParamValue.h"
#include "analysis/sensitivity/Tornado.h"

#include <cmath>

#include "analysis/ParamDraws.h"

namespace omen::rt {
namespace {

bool pinnedBy(const std::vector<Override>& overrides, const ParamInfo& p) {
  for (const Override& o : overrides)
    if (o.slot == (p.uncertain ? p.pinnedSlot : p.slot)) return true;
  return false;
}

}  // namespace

std::optional<TornadoBar> tornadoBar(const Kernel& kernel, const Kernel& paramKernel, const DriverOptions& driver,
                                     size_t param, size_t report, std::string& reason,
                                     std::optional<RunError>& error, bool& interrupted) {
  const ScenarioInfo& info = kernel.info();
  const ParamInfo& p = info.params[param];
  TornadoBar bar;
  bar.param = p.name;
  bar.uncertain = p.uncertain;
  if (p.type == ValueType::Bool) {
    reason = "a bool";
    return std::nullopt;
  }
  if (pinnedBy(driver.overrides, p)) {
    reason = "set with --set";
    return std::nullopt;
  }
  if (!p.uncertain) {
    if (!p.hasRange) {
      reason = "fixed, with no declared range";
      return std::nullopt;
    }
    bar.low = p.lo;
    bar.high = p.hi;
    bar.lowFrom = bar.highFrom = "range";
  } else {
    size_t column = 0;
    for (size_t q = 0; q < param; ++q) column += info.params[q].uncertain;
    std::vector<std::vector<double>> draws;
    if ((error = drawParams(paramKernel, driver.overrides, driver.seed, kDesignStreams, kTornadoQuantileDraws, draws)))
      return std::nullopt;
    bar.low = sampleQuantile(draws[column], 0.05);
    bar.high = sampleQuantile(draws[column], 0.95);
    bar.lowFrom = "5%";
    bar.highFrom = "95%";
  }
  if (p.type == ValueType::Int) bar.low = std::round(bar.low), bar.high = std::round(bar.high);

  DriverOptions paired = driver;
  paired.overridesB = driver.overrides;
  pinParam(info, p.name, paramValue(p, bar.high), paired.overrides);
  pinParam(info, p.name, paramValue(p, bar.low), paired.overridesB);
  CompareResult r = runPaired(kernel, kernel, paired);
  if (r.error) {
    error = r.error;
    return std::nullopt;
  }
  if (r.partial) {
    interrupted = true;
    return std::nullopt;
  }
  for (const Comparison& c : r.comparisons) {
    if (c.label != info.reports[report].label) continue;
    bar.atHigh = c.a.estimate;
    bar.atLow = c.b.estimate;
    bar.swing = c.difference;
    bar.stdError = c.stdError;
    bar.ciLow = c.ciLow;
    bar.ciHigh = c.ciHigh;
  }
  return bar;
}

}  // namespace omen::rt
