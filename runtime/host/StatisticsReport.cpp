//===- StatisticsReport.cpp - One report's accumulator and its estimate ----===//

#include "runtime/host/StatisticsReport.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace omen::rt {

void ReportAccumulator::merge(ReportAccumulator&& later) {
  count_.merge(later.count_);
  moments_.merge(later.moments_);
  quantiles_.merge(std::move(later.quantiles_));
  weighted_.merge(later.weighted_);
  weightedValues_.insert(weightedValues_.end(), later.weightedValues_.begin(), later.weightedValues_.end());
}

uint64_t ReportAccumulator::count() const {
  switch (kind_) {
    case ReportKind::Probability:
      return count_.n;
    case ReportKind::Mean:
      return moments_.count();
    case ReportKind::Quantiles:
      return quantiles_.count();
  }
  return 0;
}

ReportAccumulator::Moments ReportAccumulator::moments() const {
  Moments m;
  if (kind_ == ReportKind::Probability) {
    m.n = count_.n;
    if (m.n == 0) return m;
    m.estimate = static_cast<double>(count_.k) / static_cast<double>(m.n);
    m.variance = m.estimate * (1 - m.estimate);
  } else if (kind_ == ReportKind::Mean) {
    m.n = moments_.count();
    m.estimate = moments_.mean();
    m.variance = moments_.sampleVariance();
  }
  if (weighting_ == Weighting::Report && !weighted_.constant() && weighted_.sumW() > 0) {
    // A posterior: its delta-method se, as a variance per trial, so that se = sqrt(variance / n).
    m.estimate = weighted_.mean();
    m.variance = weighted_.stdError() * weighted_.stdError() * static_cast<double>(m.n);
  }
  return m;
}

ReportResult ReportAccumulator::finish(const ReportInfo& info, const WeightedStats* evidence) {
  ReportResult r;
  r.label = info.label;
  r.kind = kind_;
  r.conditional = info.conditional;
  r.n = count();
  r.ess = static_cast<double>(r.n);
  if (r.n == 0) {
    r.undefined = true;
    r.hasSpread = false;
    return r;
  }
  if (weighting_ == Weighting::Report && evidence && !evidence->constant()) {
    finishWeighted(r);
    return r;
  }
  double n = static_cast<double>(r.n);
  switch (kind_) {
    case ReportKind::Probability: {
      double p = static_cast<double>(count_.k) / n;
      r.estimate = p;
      r.stdError = std::sqrt(p * (1 - p) / n);
      Interval ci = wilsonInterval(count_.k, count_.n);
      r.ciLow = ci.low;
      r.ciHigh = ci.high;
      break;
    }
    case ReportKind::Mean: {
      r.estimate = moments_.mean();
      if (r.n < 2) {
        r.hasSpread = false;
        r.ciLow = r.ciHigh = r.estimate;
        break;
      }
      r.stdError = std::sqrt(moments_.sampleVariance() / n);
      Interval ci = normalInterval(r.estimate, r.stdError);
      r.ciLow = ci.low;
      r.ciHigh = ci.high;
      break;
    }
    case ReportKind::Quantiles: {
      std::vector<double> levels = levels_;
      if (levels.empty()) levels.assign(kQuantileLevels.begin(), kQuantileLevels.end());
      // Distribution-free 95% interval: two order statistics per level (quantileIntervalRanks).
      std::vector<uint64_t> ranks;
      for (double p : levels) {
        auto [low, high] = quantileIntervalRanks(r.n, p);
        ranks.push_back(low);
        ranks.push_back(high);
      }
      QuantileReading read = quantiles_.read(levels, ranks);
      for (size_t i = 0; i < levels.size(); ++i) {
        QuantilePoint q{levels[i], read.quantiles[i]};
        q.ciLow = read.orderStatistics[2 * i];
        q.ciHigh = read.orderStatistics[2 * i + 1];
        r.quantiles.push_back(q);
      }
      r.sketched = quantiles_.sketched();
      r.rankError = quantiles_.rankError();
      r.hasSpread = false;
      break;
    }
  }
  return r;
}

}  // namespace omen::rt
