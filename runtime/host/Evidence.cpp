//===- Evidence.cpp - A weighted scenario's evidence and its diagnostics ---===//
//
// The evidence Z = mean weight (P(observations), or their density) with se = sd(w)/sqrt(n),
// and the checks that say when the weighted estimates rest on too few trials: Kish's ESS
// as a share of n, the largest weight's share of the sum, and the Pareto k-hat of the
// weights' tail (Vehtari et al. 2024: above 0.7 the estimates are unreliable).
//
//===----------------------------------------------------------------------===//
#include <fmt/format.h>

#include <cmath>

#include "runtime/host/DriverSupport.h"

namespace omen::rt::detail {

/// Warn below this share of trials as effective sample size.
inline constexpr double kEssShareWarning = 0.1;
/// Warn when one trial carries more than this share of the total weight.
inline constexpr double kMaxWeightShareWarning = 0.1;
/// Vehtari et al. (2024): k-hat above 0.7, the estimates are unreliable.
inline constexpr double kParetoKWarning = 0.7;

std::optional<Evidence> finishEvidence(const ScenarioInfo& info, const std::vector<ReportAccumulator>& reports) {
  if (!info.weighted || reports.empty()) return std::nullopt;
  const WeightedStats& w = reports.back().weighted();
  Evidence e;
  e.n = w.count();
  if (e.n == 0) return e;
  const double n = static_cast<double>(e.n);
  e.weightsVary = !w.constant();
  e.ess = e.weightsVary ? w.ess() : n;
  if (!(w.sumW() > 0)) {  // every weight 0: the observations are impossible under this scenario
    e.logEstimate = -std::numeric_limits<double>::infinity();
    e.warnings.push_back("every trial has weight 0: no trial agrees with what was observed");
    return e;
  }
  // In units of the largest weight, exp(maxLog): the sums cannot overflow there.
  const double meanW = w.sumW() / n;
  const double varW = e.n > 1 ? std::max(0.0, (w.sumW2() - w.sumW() * meanW) / (n - 1)) : 0.0;
  const double seW = std::sqrt(varW / n);
  const double scale = std::exp(w.maxLog());
  e.estimate = meanW * scale;
  e.stdError = seW * scale;
  e.ciLow = std::max(0.0, e.estimate - kZ95 * e.stdError);
  e.ciHigh = e.estimate + kZ95 * e.stdError;
  e.logEstimate = w.maxLog() + std::log(meanW);
  e.logStdError = seW / meanW;
  e.maxWeightShare = 1.0 / w.sumW();
  if (!e.weightsVary) return e;
  double k = paretoKHat(w.largest(), e.n);
  if (std::isfinite(k)) e.paretoK = k;
  if (e.ess < kEssShareWarning * n)
    e.warnings.push_back(fmt::format("effective sample size {:.0f} is below {:.0f}% of the {} trials", e.ess,
                                     100 * kEssShareWarning, e.n));
  if (e.maxWeightShare > kMaxWeightShareWarning)
    e.warnings.push_back(fmt::format("one trial carries {:.0f}% of the total weight", 100 * e.maxWeightShare));
  if (e.paretoK && *e.paretoK > kParetoKWarning)
    e.warnings.push_back(fmt::format("Pareto k-hat {:.2f} > {}: the weights have a heavy tail and the estimates "
                                     "are unreliable",
                                     *e.paretoK, kParetoKWarning));
  return e;
}

}  // namespace omen::rt::detail
