//===- KernelRunner.h - Run a kernel and sum its outcomes (backend tests) ---===//
//
// The tests sum outcomes themselves instead of using runtime/Driver, so that a closed-form
// check tests the interpreter and nothing else.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/host/Kernel.h"

namespace omen::test {

struct Estimate {
  uint64_t n = 0;    ///< trials where the report's condition held
  double mean = 0;   ///< of the value over those trials
  double se = 0;     ///< sample standard deviation / sqrt(n)
};

struct RunOutcome {
  bool ok = true;
  OmenError error{};
  uint64_t failedTrial = 0;
  std::vector<Estimate> reports;
  std::vector<double> outcomes;  ///< every trial's outcomes, if kept
};

/// Runs `trials` trials in blocks of `block`, with `overrides` (slot, value) applied before
/// initGlobals.
inline RunOutcome runKernel(const rt::Kernel& k, uint64_t trials, uint64_t seed = 1,
                            const std::vector<std::pair<uint32_t, Value>>& overrides = {},
                            bool keepOutcomes = false, uint32_t block = 4096) {
  RunOutcome out;
  const rt::ScenarioInfo& info = k.info();
  std::vector<Value> globals(info.globalCount);
  std::vector<uint8_t> overridden(info.globalCount, 0);
  for (auto& [slot, value] : overrides) globals[slot] = value, overridden[slot] = 1;
  if (!k.initGlobals(globals.data(), overridden.data(), out.error)) {
    out.ok = false;
    return out;
  }
  size_t width = info.reports.size() * rt::kOutcomeWidth;
  std::vector<double> sum(info.reports.size()), sumSq(info.reports.size());
  std::vector<uint64_t> n(info.reports.size());
  std::vector<double> buffer(size_t(block) * width);
  for (uint64_t first = 0; first < trials; first += block) {
    uint32_t count = uint32_t(std::min<uint64_t>(block, trials - first));
    if (!k.runBlock(globals.data(), seed, first, count, buffer.data(), out.error, out.failedTrial)) {
      out.ok = false;
      return out;
    }
    if (keepOutcomes) out.outcomes.insert(out.outcomes.end(), buffer.begin(), buffer.begin() + count * width);
    for (uint32_t t = 0; t < count; ++t)
      for (size_t r = 0; r < info.reports.size(); ++r) {
        const double* o = &buffer[t * width + r * 2];
        if (o[0] == 0) continue;
        ++n[r];
        sum[r] += o[1];
        sumSq[r] += o[1] * o[1];
      }
  }
  for (size_t r = 0; r < info.reports.size(); ++r) {
    Estimate e;
    e.n = n[r];
    if (n[r] > 0) {
      e.mean = sum[r] / double(n[r]);
      double var = n[r] > 1 ? (sumSq[r] - double(n[r]) * e.mean * e.mean) / double(n[r] - 1) : 0;
      e.se = std::sqrt(std::max(var, 0.0) / double(n[r]));
    }
    out.reports.push_back(e);
  }
  return out;
}

}  // namespace omen::test
