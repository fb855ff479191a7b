//===- WorldSummary.cpp - A report across worlds, from per-world estimates -===//
//
// Inner noise: a world's estimate is its true value plus the noise of its N trials, so
// Var(estimate) = Var(true value) + E(inner variance) (docs/reference.md, two-level runs).
// The epistemic standard deviation subtracts the mean squared standard error of the worlds'
// estimates (Sun, Apley & Staum 2011's ANOVA correction; exact for E reports, and for P
// reports up to the (n − 1)/n of the plug-in variance). Quantiles and exceedances are of the
// raw per-world estimates: they are widened by the inner noise, by O(1/N). Their intervals
// are of the sampling of W worlds (order statistics for quantiles, Wilson for shares).

#include "analysis/worlds/WorldSummary.h"

#include <algorithm>
#include <cmath>

#include "runtime/host/Statistics.h"
#include "runtime/host/StatisticsQuantiles.h"
#include "analysis/ParamDraws.h"

namespace omen::rt {

void summariseWorlds(const std::vector<ReportResult>& perWorld, const std::vector<double>& thresholds,
                     WorldReport& out) {
  std::vector<double> values, weights, stdErrors;
  double inner = 0;
  for (const ReportResult& r : perWorld) {
    if (r.undefined) continue;
    double v = r.estimate;
    if (r.kind == ReportKind::Quantiles) {
      v = 0;
      for (const QuantilePoint& q : r.quantiles)
        if (q.p == 0.5) v = q.value;
    }
    values.push_back(v);
    weights.push_back(out.conditional ? static_cast<double>(r.n) : 1.0);
    stdErrors.push_back(r.stdError);
    inner += r.stdError * r.stdError;
  }
  out.values = values;
  out.worlds = values.size();
  if (values.empty()) return;
  double w = static_cast<double>(values.size());
  double sum = 0, total = 0;
  for (size_t i = 0; i < values.size(); ++i) sum += values[i], total += weights[i];
  out.mean = sum / w;
  double pooled = 0;
  for (size_t i = 0; i < values.size(); ++i) pooled += weights[i] * values[i];
  pooled /= total;
  double sq = 0, cluster = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    sq += (values[i] - out.mean) * (values[i] - out.mean);
    cluster += weights[i] * weights[i] * (values[i] - pooled) * (values[i] - pooled);
  }
  out.sd = values.size() > 1 ? std::sqrt(sq / (w - 1)) : 0;
  out.innerVariance = inner / w;
  out.epistemicSd = std::sqrt(std::max(0.0, out.sd * out.sd - out.innerVariance));
  out.pooled = pooled;
  // The clustered (between-world) standard error of a ratio of sums, with W/(W − 1).
  // One world has no spread between worlds to measure: its own trials' standard error is
  // the uncertainty of its value (not of the spread across worlds).
  out.pooledStdError = values.size() > 1 ? std::sqrt(cluster * w / (w - 1)) / total : stdErrors[0];
  out.pooledLow = pooled - kZ95 * out.pooledStdError;
  out.pooledHigh = pooled + kZ95 * out.pooledStdError;
  // Each quantile across worlds with the distribution-free 95% interval of a quantile of W
  // independent worlds (the order statistics of StatisticsQuantiles.h, as a run's quantiles).
  std::vector<double> sorted = values;
  for (double p : {0.05, 0.25, 0.5, 0.75, 0.95}) {
    QuantilePoint q{p, sampleQuantile(sorted, p)};
    auto [low, high] = quantileIntervalRanks(sorted.size(), p);
    q.ciLow = sorted[low];
    q.ciHigh = sorted[high];
    out.quantiles.push_back(q);
  }
  for (double x : thresholds) {
    Exceedance e;
    e.threshold = x;
    uint64_t above = 0;
    for (size_t i = 0; i < values.size(); ++i) {
      above += values[i] > x;
      // A world whose estimate sits within a few of its standard errors of x may belong on
      // the other side (a world without spread is where its estimate says).
      double se = stdErrors[i];
      if (se > 0) e.misclassified += 0.5 * std::erfc(std::abs(values[i] - x) / se / std::sqrt(2.0));
    }
    e.fraction = static_cast<double>(above) / w;
    e.misclassified /= w;
    Interval ci = wilsonInterval(above, values.size());
    e.ciLow = ci.low;
    e.ciHigh = ci.high;
    e.tooNoisy = e.misclassified > (e.ciHigh - e.ciLow) / 4;
    out.exceed.push_back(e);
  }
}

ReportResult evidenceAsReport(const std::optional<Evidence>& evidence) {
  ReportResult r;
  r.label = "evidence";
  r.kind = ReportKind::Mean;
  r.undefined = !evidence;
  if (!evidence) return r;
  r.n = evidence->n;
  r.estimate = evidence->estimate;
  r.stdError = evidence->stdError;
  return r;
}

void weighWorldsByEvidence(const std::vector<ReportResult>& perWorld, const std::vector<double>& logEvidence,
                           const std::vector<double>& thresholds, WorldReport& out) {
  double top = -INFINITY;
  for (size_t w = 0; w < perWorld.size(); ++w)
    if (!perWorld[w].undefined) top = std::max(top, logEvidence[w]);
  if (!std::isfinite(top)) return;  // no world with an estimate agrees with the observations
  double total = 0, sum = 0;
  std::vector<double> above(thresholds.size(), 0.0);
  for (size_t w = 0; w < perWorld.size(); ++w) {
    const ReportResult& r = perWorld[w];
    if (r.undefined) continue;
    const double z = std::exp(logEvidence[w] - top);  // relative to the best world: no underflow
    double v = r.estimate;
    if (r.kind == ReportKind::Quantiles)
      for (const QuantilePoint& q : r.quantiles)
        if (q.p == 0.5) v = q.value;
    total += z;
    sum += z * v;
    for (size_t t = 0; t < thresholds.size(); ++t) above[t] += v > thresholds[t] ? z : 0.0;
  }
  out.evidenceWeighted = true;
  out.posterior = sum / total;
  for (size_t t = 0; t < thresholds.size(); ++t) out.posteriorExceed.push_back({thresholds[t], above[t] / total});
}

}  // namespace omen::rt
