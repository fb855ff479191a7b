//===- SamplersTestSupport.h - Exact distributions and goodness-of-fit tests ===//
//
// What the sampler tests compare against: moments, CDFs and PMFs written from the textbook
// formulas (with a regularized incomplete gamma and beta for the gamma/beta family), a
// moment check at 5 standard errors, the Kolmogorov-Smirnov test and Pearson's chi-square.
// Draw i of a sample is the first draw of trial i, as in a run.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <vector>

#include "runtime/kernel/Builtins.h"

namespace omen::rt::test {

inline constexpr uint64_t kSeed = 20260127;
inline constexpr int kDraws = 1'000'000;

/// kDraws draws, draw i in trial i of a run seeded kSeed; fails the test on a runtime error.
template <class Draw>
std::vector<double> sample(Draw draw, int n = kDraws, uint64_t seed = kSeed) {
  std::vector<double> xs(n);
  OmenTrialContext ctx;
  for (int i = 0; i < n; ++i) {
    omen_rt_begin_trial(&ctx, seed, static_cast<uint64_t>(i));
    xs[i] = static_cast<double>(draw(&ctx));
    if (ctx.error.code != OMEN_OK) {
      ADD_FAILURE() << "runtime error " << ctx.error.code << " at draw " << i;
      break;
    }
  }
  return xs;
}

struct Moments {
  double mean, variance, excessKurtosis;
};

/// Sample mean and variance within 5 standard errors of the exact values. The variance's
/// standard error is sqrt((mu4 - sigma^4) / n), mu4 = sigma^4 (excess kurtosis + 3).
inline void expectMoments(const std::vector<double>& xs, Moments m) {
  const double n = static_cast<double>(xs.size());
  double mean = 0;
  for (double x : xs) mean += x;
  mean /= n;
  double ss = 0;
  for (double x : xs) ss += (x - mean) * (x - mean);
  const double var = ss / (n - 1);
  const double seMean = std::sqrt(m.variance / n);
  const double seVar = m.variance * std::sqrt((m.excessKurtosis + 2.0) / n);
  EXPECT_NEAR(mean, m.mean, 5 * seMean) << "mean (se " << seMean << ")";
  EXPECT_NEAR(var, m.variance, 5 * seVar) << "variance (se " << seVar << ")";
}

/// The Kolmogorov distribution's upper tail Q(lambda) = 2 sum (-1)^(k-1) exp(-2 k^2 lambda^2).
inline double kolmogorovQ(double lambda) {
  if (lambda < 0.2) return 1.0;
  double sum = 0;
  for (int k = 1; k <= 100; ++k)
    sum += (k % 2 ? 2.0 : -2.0) * std::exp(-2.0 * k * k * lambda * lambda);
  return std::clamp(sum, 0.0, 1.0);
}

/// KS p-value of xs against the continuous CDF `cdf` (Stephens' small-n correction).
inline double ksPValue(std::vector<double> xs, const std::function<double(double)>& cdf) {
  std::sort(xs.begin(), xs.end());
  const double n = static_cast<double>(xs.size());
  double d = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    const double f = cdf(xs[i]);
    d = std::max({d, f - i / n, (i + 1) / n - f});
  }
  const double sn = std::sqrt(n);
  return kolmogorovQ((sn + 0.12 + 0.11 / sn) * d);
}

inline double logGamma(double x) { return std::lgamma(x); }

/// Regularized lower incomplete gamma P(a, x): series below a + 1, continued fraction above.
inline double gammaP(double a, double x) {
  if (x <= 0) return 0;
  const double front = std::exp(-x + a * std::log(x) - logGamma(a));
  if (x < a + 1) {
    double term = 1.0 / a, sum = term;
    for (int k = 1; k < 100000 && std::fabs(term) > 1e-17 * std::fabs(sum); ++k) {
      term *= x / (a + k);
      sum += term;
    }
    return std::min(1.0, sum * front);
  }
  // Lentz's method for the continued fraction of Q(a, x).
  const double tiny = 1e-300;
  double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int i = 1; i < 100000; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < 1e-16) break;
  }
  return std::max(0.0, 1.0 - front * h);
}

/// Regularized incomplete beta I_x(a, b) by its continued fraction (Lentz), using the
/// symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly.
inline double betaI(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1.0 - betaI(b, a, 1.0 - x);
  const double front =
      std::exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * std::log(x) +
               b * std::log1p(-x)) / a;
  const double tiny = 1e-300;
  double c = 1, d = 1 - (a + b) * x / (a + 1);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m < 100000; ++m) {
    double num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + num * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < 1e-16) break;
  }
  return front * h;
}

inline double normalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// Pearson's chi-square p-value of integer draws against `pmf` on the support [lo, hi] (hi
/// inclusive; draws outside fail the test). Cells with expected count under 20 are merged
/// with their neighbours so the chi-square approximation holds.
inline double chiSquarePValue(const std::vector<double>& xs,
                              const std::function<double(int64_t)>& pmf, int64_t lo, int64_t hi) {
  std::map<int64_t, double> counts;
  for (double x : xs) {
    const int64_t k = static_cast<int64_t>(x);
    EXPECT_EQ(static_cast<double>(k), x);
    EXPECT_GE(k, lo);
    EXPECT_LE(k, hi);
    counts[k] += 1;
  }
  const double n = static_cast<double>(xs.size());
  // Walk the support, closing a cell once it expects at least 20 draws; the remainder of the
  // support (if any) joins the last cell.
  std::vector<std::pair<double, double>> cells;  // (observed, expected)
  double obs = 0, exp = 0, total = 0;
  for (int64_t k = lo; k <= hi; ++k) {
    const double pk = pmf(k);
    total += pk;
    obs += counts.count(k) ? counts[k] : 0;
    exp += n * pk;
    if (exp >= 20 && n * (1 - total) >= 20) {
      cells.push_back({obs, exp});
      obs = exp = 0;
    }
    if (1 - total < 1e-12 && k > lo + 1) {
      // the tail beyond k: observed draws above k, expected mass 1 - total
      for (auto it = counts.upper_bound(k); it != counts.end(); ++it) obs += it->second;
      exp += n * std::max(0.0, 1 - total);
      break;
    }
  }
  cells.push_back({obs, exp});
  double chi2 = 0;
  for (auto [o, e] : cells) chi2 += (o - e) * (o - e) / e;
  const double df = static_cast<double>(cells.size() - 1);
  EXPECT_GE(df, 1);
  return 1.0 - gammaP(df / 2, chi2 / 2);
}

/// p-values below this fail: with some thirty tests at a fixed seed, a false alarm has a
/// chance of about 3e-3.
inline constexpr double kMinPValue = 1e-4;

}  // namespace omen::rt::test
