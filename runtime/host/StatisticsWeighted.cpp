//===- StatisticsWeighted.cpp - A report's posterior estimate from weighted trials ===//
//
// The self-normalised estimate with its delta-method standard error (WeightedStats.h) and a
// normal 95% interval, for probabilities and means alike; quantiles are those of the
// weighted empirical distribution, their interval the levels p -+ z sqrt(p (1 - p) / ESS)
// (the order-statistic interval of the unweighted case with n replaced by Kish's ESS).
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cmath>

#include "runtime/host/StatisticsReport.h"

namespace omen::rt {
namespace {

/// The smallest value whose cumulative normalised weight reaches `level`.
double weightedQuantile(const std::vector<std::pair<double, double>>& sorted, const std::vector<double>& cumulative,
                        double level) {
  size_t i = std::lower_bound(cumulative.begin(), cumulative.end(), level) - cumulative.begin();
  return sorted[std::min(i, sorted.size() - 1)].first;
}

}  // namespace

void ReportAccumulator::finishWeighted(ReportResult& r) {
  r.weighted = true;
  r.ess = weighted_.ess();
  if (!(weighted_.sumW() > 0)) {  // every trial where the condition held has weight 0
    r.undefined = true;
    r.hasSpread = false;
    return;
  }
  if (kind_ != ReportKind::Quantiles) {
    r.estimate = weighted_.mean();
    r.stdError = weighted_.stdError();
    Interval ci = normalInterval(r.estimate, r.stdError);
    if (kind_ == ReportKind::Probability) ci = {std::max(0.0, ci.low), std::min(1.0, ci.high)};
    r.ciLow = ci.low;
    r.ciHigh = ci.high;
    return;
  }
  r.hasSpread = false;
  std::vector<std::pair<double, double>> sorted = weightedValues_;
  std::sort(sorted.begin(), sorted.end());  // by value (ties by weight: the same quantiles)
  std::vector<double> cumulative;
  cumulative.reserve(sorted.size());
  double total = 0;
  for (const auto& [value, logWeight] : sorted) cumulative.push_back(total += std::exp(logWeight - weighted_.maxLog()));
  for (double& c : cumulative) c /= total;
  std::vector<double> levels = levels_;
  if (levels.empty()) levels.assign(kQuantileLevels.begin(), kQuantileLevels.end());
  for (double p : levels) {
    const double spread = kZ95 * std::sqrt(p * (1 - p) / r.ess);
    QuantilePoint q{p, weightedQuantile(sorted, cumulative, p)};
    q.ciLow = weightedQuantile(sorted, cumulative, std::max(0.0, p - spread));
    q.ciHigh = weightedQuantile(sorted, cumulative, std::min(1.0, p + spread));
    r.quantiles.push_back(q);
  }
}

}  // namespace omen::rt
