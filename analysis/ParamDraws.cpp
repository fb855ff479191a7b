//===- ParamDraws.cpp - Draws of a scenario's uncertain params --------------===//

#include "analysis/ParamDraws.h"

#include <algorithm>
#include <cmath>

#include "runtime/host/DriverSupport.h"

namespace omen::rt {

std::optional<RunError> drawParams(const Kernel& paramKernel, const std::vector<Override>& overrides,
                                   uint64_t seed, uint64_t first, uint64_t count,
                                   std::vector<std::vector<double>>& out) {
  std::vector<Value> globals;
  if (auto error = detail::prepareGlobals(paramKernel, overrides, globals)) return error;
  size_t reports = paramKernel.info().reports.size();
  out.assign(reports, std::vector<double>(count));
  std::vector<double> outcomes;
  for (uint64_t done = 0; done < count;) {
    uint32_t n = static_cast<uint32_t>(std::min<uint64_t>(kBlockSize, count - done));
    if (auto error = detail::runAndCheck(paramKernel, globals, seed, first + done, n, outcomes)) return error;
    for (uint32_t j = 0; j < n; ++j)
      for (size_t r = 0; r < reports; ++r) out[r][done + j] = outcomes[(j * reports + r) * kOutcomeWidth + 1];
    done += n;
  }
  return std::nullopt;
}

double sampleQuantile(std::vector<double>& values, double q) {
  std::sort(values.begin(), values.end());
  double h = q * static_cast<double>(values.size() - 1);
  size_t lo = static_cast<size_t>(std::floor(h));
  size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

}  // namespace omen::rt
