//===- WeightedStats.cpp - Sums of weighted trials, the Pareto k-hat -------===//
#include "runtime/host/WeightedStats.h"

#include <algorithm>
#include <functional>

namespace omen::rt {

void WeightedStats::rescaleTo(double newMax) {
  if (maxLog_ != -std::numeric_limits<double>::infinity()) {
    const double f = std::exp(maxLog_ - newMax), f2 = f * f;
    s0_ *= f, s1_ *= f, s2_ *= f2, s2f_ *= f2, s2ff_ *= f2;
  }
  maxLog_ = newMax;
}

void WeightedStats::keepLargest(double logWeight) {
  if (keep_ == 0) return;
  if (largest_.size() == keep_ && !(logWeight > largest_.back())) return;
  largest_.insert(std::upper_bound(largest_.begin(), largest_.end(), logWeight, std::greater<double>()), logWeight);
  if (largest_.size() > keep_) largest_.pop_back();
}

void WeightedStats::add(double logWeight, double f) {
  ++n_;
  minLog_ = std::min(minLog_, logWeight);
  if (logWeight == -std::numeric_limits<double>::infinity()) {
    maxLog_ = std::max(maxLog_, logWeight);
    return;  // weight 0: counts towards n, adds nothing
  }
  keepLargest(logWeight);
  if (logWeight > maxLog_) rescaleTo(logWeight);
  if (!shifted_) shift_ = f, shifted_ = true;
  const double w = std::exp(logWeight - maxLog_), d = f - shift_;
  s0_ += w;
  s1_ += w * d;
  s2_ += w * w;
  s2f_ += w * w * d;
  s2ff_ += w * w * d * d;
}

void WeightedStats::merge(const WeightedStats& later) {
  n_ += later.n_;
  minLog_ = std::min(minLog_, later.minLog_);
  for (double lw : later.largest_) keepLargest(lw);
  if (later.s0_ == 0) {
    maxLog_ = std::max(maxLog_, later.maxLog_);
    return;
  }
  if (later.maxLog_ > maxLog_) rescaleTo(later.maxLog_);
  const double f = std::exp(later.maxLog_ - maxLog_), f2 = f * f;
  if (!shifted_) shift_ = later.shift_, shifted_ = true;
  // The later block's sums, moved to this block's shift: f - s = (f - s') + (s' - s).
  const double delta = later.shift_ - shift_;
  s0_ += f * later.s0_;
  s1_ += f * (later.s1_ + delta * later.s0_);
  s2_ += f2 * later.s2_;
  s2f_ += f2 * (later.s2f_ + delta * later.s2_);
  s2ff_ += f2 * (later.s2ff_ + 2 * delta * later.s2f_ + delta * delta * later.s2_);
}

double WeightedStats::stdError() const {
  const double d = s1_ / s0_;  // mu - shift
  const double sumSquares = s2ff_ - 2 * d * s2f_ + d * d * s2_;
  return std::sqrt(std::max(0.0, sumSquares)) / s0_;
}

void PairedWeights::rescale(double& maxLog, double newMax, double& s, double& ss) {
  if (maxLog != -std::numeric_limits<double>::infinity()) {
    const double f = std::exp(maxLog - newMax);
    s *= f, ss *= f * f, sab_ *= f;
  }
  maxLog = newMax;
}

void PairedWeights::add(double logA, double logB) {
  ++n_;
  if (logA > maxA_) rescale(maxA_, logA, sa_, saa_);
  if (logB > maxB_) rescale(maxB_, logB, sb_, sbb_);
  const double a = logA == -std::numeric_limits<double>::infinity() ? 0.0 : std::exp(logA - maxA_);
  const double b = logB == -std::numeric_limits<double>::infinity() ? 0.0 : std::exp(logB - maxB_);
  sa_ += a, sb_ += b, saa_ += a * a, sbb_ += b * b, sab_ += a * b;
}

void PairedWeights::merge(const PairedWeights& later) {
  n_ += later.n_;
  if (later.maxA_ > maxA_) rescale(maxA_, later.maxA_, sa_, saa_);
  if (later.maxB_ > maxB_) rescale(maxB_, later.maxB_, sb_, sbb_);
  const double fa = later.sa_ > 0 ? std::exp(later.maxA_ - maxA_) : 0.0;
  const double fb = later.sb_ > 0 ? std::exp(later.maxB_ - maxB_) : 0.0;
  sa_ += fa * later.sa_, saa_ += fa * fa * later.saa_;
  sb_ += fb * later.sb_, sbb_ += fb * fb * later.sbb_;
  sab_ += fa * fb * later.sab_;
}

bool PairedWeights::logBayesFactor(double& logBf, double& se) const {
  if (!(sa_ > 0 && sb_ > 0) || n_ < 2) return false;
  const double n = static_cast<double>(n_), ma = sa_ / n, mb = sb_ / n;
  const double va = (saa_ - sa_ * ma) / (n - 1), vb = (sbb_ - sb_ * mb) / (n - 1);
  const double cab = (sab_ - sa_ * mb) / (n - 1);
  logBf = (maxA_ + std::log(ma)) - (maxB_ + std::log(mb));
  se = std::sqrt(std::max(0.0, va / (ma * ma) + vb / (mb * mb) - 2 * cab / (ma * mb)) / n);
  return true;
}

uint32_t paretoTailSize(uint64_t trials) {
  return static_cast<uint32_t>(std::ceil(3 * std::sqrt(static_cast<double>(trials)))) + 1;
}

double paretoKHat(const std::vector<double>& largest, uint64_t n) {
  const double nd = static_cast<double>(n);
  const size_t m = static_cast<size_t>(std::min(nd / 5, std::ceil(3 * std::sqrt(nd))));
  if (m < 5 || largest.size() < m + 1) return std::numeric_limits<double>::quiet_NaN();
  // Exceedances over the (m+1)-th largest weight, ascending, scaled by the largest weight.
  const double top = largest[0], cutoff = std::exp(largest[m] - top);
  std::vector<double> x;
  for (size_t i = m; i-- > 0;) x.push_back(std::exp(largest[i] - top) - cutoff);
  if (!(x.back() > 0)) return std::numeric_limits<double>::quiet_NaN();
  // Zhang and Stephens (2009): a grid of theta, each weighted by its profile likelihood.
  const double xn = static_cast<double>(x.size());
  const size_t grid = 30 + static_cast<size_t>(std::sqrt(xn));
  const double xstar = x[static_cast<size_t>(std::floor(xn / 4 + 0.5)) - 1];
  std::vector<double> theta(grid), logLik(grid);
  auto meanLog1p = [&](double t) {
    double s = 0;
    for (double v : x) s += std::log1p(-t * v);
    return s / xn;
  };
  for (size_t j = 0; j < grid; ++j) {
    theta[j] = 1 / x.back() + (1 - std::sqrt(grid / (static_cast<double>(j + 1) - 0.5))) / 3 / xstar;
    const double k = meanLog1p(theta[j]);
    logLik[j] = xn * (std::log(-theta[j] / k) - k - 1);
  }
  const double top_l = *std::max_element(logLik.begin(), logLik.end());
  double sumW = 0, thetaHat = 0;
  for (size_t j = 0; j < grid; ++j) {
    const double w = std::exp(logLik[j] - top_l);
    sumW += w;
    thetaHat += theta[j] * w;
  }
  thetaHat /= sumW;
  const double k = meanLog1p(thetaHat);  // loo's gpdfit: heavy tails (theta < 0) give k > 0
  // The weakly informative prior: shrink towards 0.5 as if from 10 more points.
  return (k * xn + 0.5 * 10) / (xn + 10);
}

}  // namespace omen::rt
