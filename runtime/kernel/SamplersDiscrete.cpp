//===- SamplersDiscrete.cpp - bool- and int-valued distributions -----------===//
//
// bernoulli, poisson, binomial, geometric, categorical. Exact algorithms that stay exact for
// large parameters: n and lambda up to 2^53 (acceptance tests use Stirling-tail differences,
// never a difference of two huge log-factorials). Uniforms come only from
// omen_rt_next_uniform. Compiled to bitcode too: <cmath> only.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/Samplers.h"

namespace omen::rt {

double stirlingTail(double k) {
  // k = 0..9 from mpmath at 40 digits; beyond, the series 1/12 - 1/360 x^-2 + 1/1260 x^-4
  // over x = k + 1, whose next term (1/1680 x^-7) is below 1e-10 there.
  static const double kSmall[10] = {
      0.081061466795327258, 0.041340695955409294, 0.027677925684998339, 0.020790672103765093,
      0.016644691189821192, 0.013876128823070748, 0.011896709945891770, 0.010411265261972096,
      0.0092554621827127329, 0.0083305634333628713};
  if (k <= 9) return kSmall[static_cast<int>(k)];
  const double x = k + 1.0, x2 = x * x;
  return (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / 1260.0 / x2) / x2) / x;
}

bool categoricalWeights(OmenTrialContext* ctx, uint32_t site, const double* weights, int64_t count,
                        double* sum) {
  *sum = 0;
  for (int64_t i = 0; i < count; ++i) *sum += weights[i];
  for (int64_t i = 0; i < count; ++i) {
    if (!(weights[i] >= 0 && std::isfinite(weights[i]))) {
      omen_rt_fail(ctx, OMEN_ERR_CATEGORICAL, site, 3, *sum, static_cast<double>(i + 1), weights[i]);
      return false;
    }
  }
  if (!(std::fabs(*sum - 1.0) <= 1e-9)) {
    omen_rt_fail(ctx, OMEN_ERR_CATEGORICAL, site, 1, *sum, 0, 0);
    return false;
  }
  return true;
}

}  // namespace omen::rt

namespace {

constexpr double kTwo53 = 9007199254740992.0;
constexpr double kTwo63 = 9223372036854775808.0;
constexpr double kHalfLog2Pi = 0.91893853320467274178;

inline int64_t badArgs(OmenTrialContext* ctx, uint32_t site, uint32_t n, double a0,
                       double a1 = 0) {
  omen_rt_fail(ctx, OMEN_ERR_DIST_ARGS, site, n, a0, a1, 0);
  return 0;
}

inline int64_t badProbability(OmenTrialContext* ctx, uint32_t site, double p) {
  omen_rt_fail(ctx, OMEN_ERR_PROBABILITY, site, 1, p, 0, 0);
  return 0;
}

/// Poisson by sequential search of the CDF from 0: one uniform. If rounding leaves the summed
/// CDF below u, the terms eventually underflow to 0 and the draw restarts with a fresh uniform
/// (an event of probability about 1e-16, so the distribution is unchanged to that order).
int64_t poissonInversion(OmenTrialContext* ctx, double lambda) {
  for (;;) {
    double u = omen_rt_next_uniform(ctx);
    double term = std::exp(-lambda);
    int64_t k = 0;
    while (u > term) {
      u -= term;
      ++k;
      term *= lambda / static_cast<double>(k);
      if (term == 0) break;
    }
    if (term != 0) return k;
  }
}

/// log P(X = k) for X ~ Poisson(lambda), in Stirling form: with log k! = (k + 1/2) log(k + 1)
/// - (k + 1) + log(2 pi)/2 + fc(k), the large terms k log(lambda) and log k! cancel inside a
/// log1p, which keeps the value accurate for lambda up to 2^53.
inline double poissonLogPmf(double k, double lambda) {
  return k * std::log1p((lambda - k - 1.0) / (k + 1.0)) - 0.5 * std::log(k + 1.0) +
         (k + 1.0 - lambda) - kHalfLog2Pi - omen::rt::stirlingTail(k);
}

/// Hörmann, "The transformed rejection method for generating Poisson random variables",
/// Insurance: Mathematics and Economics 12, 1993: algorithm PTRS, for lambda >= 10.
int64_t poissonPtrs(OmenTrialContext* ctx, double lambda) {
  const double b = 0.931 + 2.53 * std::sqrt(lambda);
  const double a = -0.059 + 0.02483 * b;
  const double logInvAlpha = std::log(1.1239 + 1.1328 / (b - 3.4));
  const double vr = 0.9277 - 3.6224 / (b - 2.0);
  for (;;) {
    const double u = omen_rt_next_uniform(ctx) - 0.5;
    const double v = omen_rt_next_uniform(ctx);
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2.0 * a / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<int64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + logInvAlpha - std::log(a / (us * us) + b) <= poissonLogPmf(k, lambda))
      return static_cast<int64_t>(k);
  }
}

/// Binomial(n, p), p <= 1/2, n p < 10, by sequential search from 0 with one uniform; the
/// probabilities follow f(x) = f(x - 1) (n + 1 - x) / x * p / q. q^n is formed as
/// exp(n log1p(-p)): pow(1 - p, n) would lose p's digits in 1 - p, a large error for n ~ 2^53.
/// Restarts, like poissonInversion, in the rare case rounding leaves the CDF below u.
double binomialInversion(OmenTrialContext* ctx, double n, double p) {
  const double q = 1.0 - p;
  const double s = p / q;
  const double a = (n + 1.0) * s;
  const double f0 = std::exp(n * std::log1p(-p));
  for (;;) {
    double u = omen_rt_next_uniform(ctx);
    double f = f0;
    double x = 0;
    while (u > f) {
      u -= f;
      x += 1.0;
      if (x > n) break;
      f *= a / x - s;
      if (f == 0) break;
    }
    if (x <= n && f != 0) return x;
  }
}

/// Hörmann, "The generation of binomial random variates", Journal of Statistical Computation
/// and Simulation 46, 1993: algorithm BTRS, for p <= 1/2 and n p >= 10. The acceptance test
/// compares log(v) (the paper omits the log; later erratum) with log f(k) - log f(m), m the
/// mode, written with Stirling tails and log1p so that no two huge terms are subtracted.
double binomialBtrs(OmenTrialContext* ctx, double n, double p) {
  const double q = 1.0 - p;
  const double spq = std::sqrt(n * p * q);
  const double b = 1.15 + 2.53 * spq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = n * p + 0.5;
  const double vr = 0.92 - 4.2 / b;
  const double alpha = (2.83 + 5.1 / b) * spq;
  const double m = std::floor((n + 1.0) * p);
  const double fcm = omen::rt::stirlingTail(m) + omen::rt::stirlingTail(n - m);
  for (;;) {
    const double u = omen_rt_next_uniform(ctx) - 0.5;
    const double v = omen_rt_next_uniform(ctx);
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2.0 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const double lhs = std::log(v * alpha / (a / (us * us) + b));
    // log f(k) - log f(m) = (m + 1/2) log(m + 1) - (k + 1/2) log(k + 1)
    //   + (n - m + 1/2) log(n - m + 1) - (n - k + 1/2) log(n - k + 1) + (k - m) log(p/q)
    //   + fc(m) + fc(n - m) - fc(k) - fc(n - k), regrouped around k - m:
    const double d = k - m;
    const double rhs = -(m + 0.5) * std::log1p(d / (m + 1.0)) +
                       (n - m + 0.5) * std::log1p(d / (n - k + 1.0)) +
                       d * std::log(((n - k + 1.0) * p) / ((k + 1.0) * q)) + fcm -
                       omen::rt::stirlingTail(k) - omen::rt::stirlingTail(n - k);
    if (lhs <= rhs) return k;
  }
}

}  // namespace

extern "C" {

// Exactly one uniform whatever p (also 0 or 1), so how much of the stream a Bernoulli draw
// uses never depends on p (docs/reference.md section 10). Drawn before the check on purpose.
bool omen_rt_bernoulli(OmenTrialContext* ctx, uint32_t site, double p) {
  const double u = omen_rt_next_uniform(ctx);
  if (!(p >= 0 && p <= 1)) {
    badProbability(ctx, site, p);
    return false;
  }
  if (ctx->tilt) return omen_rt_tilt_bernoulli(ctx->tilt, ctx->rng.trial, site, p, u) != 0;
  return u < p;
}

int64_t omen_rt_poisson(OmenTrialContext* ctx, uint32_t site, double lambda) {
  if (!(lambda >= 0 && lambda <= kTwo53)) return badArgs(ctx, site, 1, lambda);
  return lambda < 10 ? poissonInversion(ctx, lambda) : poissonPtrs(ctx, lambda);
}

// Inversion below n min(p, 1-p) = 10, BTRS above; p > 1/2 through n - Binomial(n, 1 - p).
int64_t omen_rt_binomial(OmenTrialContext* ctx, uint32_t site, int64_t n, double p) {
  if (!(p >= 0 && p <= 1)) return badProbability(ctx, site, p);
  const double nd = static_cast<double>(n);
  if (n < 0 || n > (int64_t{1} << 53)) return badArgs(ctx, site, 2, nd, p);
  const bool flip = p > 0.5;
  const double pp = flip ? 1.0 - p : p;  // exact: 1 - p for p in (1/2, 1]
  double k = 0;
  if (n > 0 && pp > 0)
    k = nd * pp < 10 ? binomialInversion(ctx, nd, pp) : binomialBtrs(ctx, nd, pp);
  const int64_t draw = static_cast<int64_t>(k);
  return flip ? n - draw : draw;
}

// The number of trials up to and including the first success (support 1, 2, ...), by
// inversion with one uniform: ceil(log U / log(1 - p)).
int64_t omen_rt_geometric(OmenTrialContext* ctx, uint32_t site, double p) {
  if (!(p >= 0 && p <= 1)) return badProbability(ctx, site, p);
  if (p == 0) return badArgs(ctx, site, 1, p);
  const double u = omen_rt_next_uniform(ctx);
  if (p == 1) return 1;
  const double k = std::ceil(std::log(u) / std::log1p(-p));
  if (!(k < kTwo63)) {  // only for p below about 1e-17
    omen_rt_fail(ctx, OMEN_ERR_INT_OVERFLOW, site, 1, p, 0, 0);
    return 0;
  }
  return k < 1 ? 1 : static_cast<int64_t>(k);
}

// An index from 0 with one uniform, the weights checked by categoricalWeights and used as
// given, scaled by their sum.
int64_t omen_rt_categorical(OmenTrialContext* ctx, uint32_t site, const double* weights,
                            int64_t count) {
  double sum = 0;
  if (!omen::rt::categoricalWeights(ctx, site, weights, count, &sum)) return 0;
  const double target = omen_rt_next_uniform(ctx) * sum;
  double cumulative = 0;
  int64_t last = 0;
  for (int64_t i = 0; i < count; ++i) {
    if (weights[i] == 0) continue;
    cumulative += weights[i];
    last = i;
    if (target < cumulative) return i;
  }
  return last;  // rounding left target at the very top: the last category with weight
}

}  // extern "C"
