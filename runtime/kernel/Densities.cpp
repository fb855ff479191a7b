//===- Densities.cpp - Log densities and masses for `observe` --------------===//
//
// One function per distribution that has a density (or a mass): the log of it at x, given the
// distribution's own arguments (core/Builtins.def, the Density rows). Arguments are checked
// exactly as the sampler checks them, and an error names the distribution, so a bad argument
// reads the same whether it is drawn from or observed. A value outside the support has log
// density -inf (the trial's weight becomes 0). A degenerate distribution (sigma = 0, a = b,
// lo = hi) is a point mass: log 1 at its point, -inf elsewhere. Compiled to bitcode too:
// <cmath> only, and lgamma_r, never lgamma (which writes the global signgam).
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/Samplers.h"

namespace {

constexpr double kHalfLog2Pi = 0.91893853320467274178;
constexpr double kNegInf = -__builtin_inf();

inline bool isReal(double x) { return std::isfinite(x); }

inline double badArgs(OmenTrialContext* ctx, uint32_t site, uint32_t n, double a0, double a1 = 0, double a2 = 0) {
  omen_rt_fail(ctx, OMEN_ERR_DIST_ARGS, site, n, a0, a1, a2);
  return 0;
}

inline double badProbability(OmenTrialContext* ctx, uint32_t site, double p) {
  omen_rt_fail(ctx, OMEN_ERR_PROBABILITY, site, 1, p, 0, 0);
  return 0;
}

inline double logGamma(double x) {
  int sign;
  return lgamma_r(x, &sign);
}

/// y log x with 0 log 0 = 0 (the beta and binomial at the ends of their support).
inline double xlogy(double y, double x) { return y == 0 ? 0.0 : y * std::log(x); }
/// y log(1 - x), the same convention.
inline double xlog1my(double y, double x) { return y == 0 ? 0.0 : y * std::log1p(-x); }

inline double pointMass(double x, double at) { return x == at ? 0.0 : kNegInf; }

inline double normalLogPdf(double x, double mu, double sigma) {
  const double z = (x - mu) / sigma;
  return -0.5 * z * z - std::log(sigma) - kHalfLog2Pi;
}

inline double betaLogPdf(double x, double a, double b) {
  if (!(x >= 0 && x <= 1)) return kNegInf;
  return xlogy(a - 1, x) + xlog1my(b - 1, x) - (logGamma(a) + logGamma(b) - logGamma(a + b));
}

}  // namespace

extern "C" {

double omen_rt_bernoulli_logpdf(OmenTrialContext* ctx, uint32_t site, bool x, double p) {
  if (!(p >= 0 && p <= 1)) return badProbability(ctx, site, p);
  return x ? std::log(p) : std::log1p(-p);
}

double omen_rt_uniform_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double a, double b) {
  if (!(isReal(a) && isReal(b) && a <= b)) return badArgs(ctx, site, 2, a, b);
  if (a == b) return pointMass(x, a);
  return x >= a && x <= b ? -std::log(b - a) : kNegInf;
}

double omen_rt_normal_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double mu, double sigma) {
  if (!(isReal(mu) && isReal(sigma) && sigma >= 0)) return badArgs(ctx, site, 2, mu, sigma);
  if (sigma == 0) return pointMass(x, mu);
  return normalLogPdf(x, mu, sigma);
}

double omen_rt_lognormal_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double mu, double sigma) {
  if (!(isReal(mu) && isReal(sigma) && sigma >= 0)) return badArgs(ctx, site, 2, mu, sigma);
  if (sigma == 0) return pointMass(x, std::exp(mu));
  if (!(x > 0)) return kNegInf;
  const double lx = std::log(x);
  return normalLogPdf(lx, mu, sigma) - lx;
}

double omen_rt_beta_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double a, double b) {
  if (!(isReal(a) && isReal(b) && a > 0 && b > 0)) return badArgs(ctx, site, 2, a, b);
  return betaLogPdf(x, a, b);
}

double omen_rt_gamma_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double shape, double scale) {
  if (!(isReal(shape) && isReal(scale) && shape > 0 && scale > 0)) return badArgs(ctx, site, 2, shape, scale);
  if (!(x >= 0)) return kNegInf;
  return xlogy(shape - 1, x) - x / scale - logGamma(shape) - shape * std::log(scale);
}

double omen_rt_exponential_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double rate) {
  if (!(isReal(rate) && rate > 0)) return badArgs(ctx, site, 1, rate);
  if (!(x >= 0)) return kNegInf;
  return std::log(rate) - rate * x;
}

double omen_rt_triangular_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double lo, double mode, double hi) {
  if (!(isReal(lo) && isReal(mode) && isReal(hi) && lo <= mode && mode <= hi)) return badArgs(ctx, site, 3, lo, mode, hi);
  if (lo == hi) return pointMass(x, lo);
  if (!(x >= lo && x <= hi)) return kNegInf;
  const double rise = x < mode ? (x - lo) / (mode - lo) : x > mode ? (hi - x) / (hi - mode) : 1.0;
  return std::log(2.0 * rise / (hi - lo));
}

double omen_rt_pert_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double lo, double mode, double hi) {
  if (!(isReal(lo) && isReal(mode) && isReal(hi) && lo <= mode && mode <= hi)) return badArgs(ctx, site, 3, lo, mode, hi);
  if (lo == hi) return pointMass(x, lo);
  const double width = hi - lo;
  // The sampler's shapes (SamplersContinuous.cpp): a beta on [lo, hi] with lambda = 4.
  return betaLogPdf((x - lo) / width, 1.0 + 4.0 * (mode - lo) / width, 1.0 + 4.0 * (hi - mode) / width) -
         std::log(width);
}

double omen_rt_loguniform_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double a, double b) {
  if (!(isReal(a) && isReal(b) && a > 0 && a <= b)) return badArgs(ctx, site, 2, a, b);
  if (a == b) return pointMass(x, a);
  if (!(x >= a && x <= b)) return kNegInf;
  return -std::log(x) - std::log(std::log(b) - std::log(a));
}

double omen_rt_poisson_logpdf(OmenTrialContext* ctx, uint32_t site, int64_t k, double lambda) {
  if (!(lambda >= 0 && lambda <= 9007199254740992.0)) return badArgs(ctx, site, 1, lambda);
  if (k < 0) return kNegInf;
  if (lambda == 0) return k == 0 ? 0.0 : kNegInf;
  const double kd = static_cast<double>(k);
  return kd * std::log(lambda) - lambda - logGamma(kd + 1);
}

double omen_rt_binomial_logpdf(OmenTrialContext* ctx, uint32_t site, int64_t k, int64_t n, double p) {
  if (!(p >= 0 && p <= 1)) return badProbability(ctx, site, p);
  if (!(n >= 0 && n <= (int64_t(1) << 53))) return badArgs(ctx, site, 2, static_cast<double>(n), p);
  if (k < 0 || k > n) return kNegInf;
  const double kd = static_cast<double>(k), nd = static_cast<double>(n);
  const double choose = logGamma(nd + 1) - logGamma(kd + 1) - logGamma(nd - kd + 1);
  return choose + xlogy(kd, p) + xlog1my(nd - kd, p);
}

double omen_rt_geometric_logpdf(OmenTrialContext* ctx, uint32_t site, int64_t k, double p) {
  if (!(p >= 0 && p <= 1)) return badProbability(ctx, site, p);
  if (p == 0) return badArgs(ctx, site, 1, p);
  // The number of trials up to and including the first success: k = 1, 2, …
  if (k < 1) return kNegInf;
  return xlog1my(static_cast<double>(k - 1), p) + std::log(p);
}

// values = (k, w_0, ..., w_{n-1}): categorical is variadic, so the observed index comes first
// in the one array (as a real: a whole number, converted from the int the program observes).
double omen_rt_categorical_logpdf(OmenTrialContext* ctx, uint32_t site, const double* values, int64_t count) {
  const double* weights = values + 1;
  const int64_t n = count - 1;
  double sum = 0;
  if (!omen::rt::categoricalWeights(ctx, site, weights, n, &sum)) return 0;
  const double k = values[0];
  // The sampler's index runs from 0 and scales the weights by their sum.
  if (!(k >= 0 && k < static_cast<double>(n))) return kNegInf;
  const double w = weights[static_cast<int64_t>(k)];
  return w == 0 ? kNegInf : std::log(w / sum);
}

double omen_rt_to_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double lo, double hi) {
  if (!(isReal(lo) && isReal(hi) && lo > 0 && lo < hi)) return badArgs(ctx, site, 2, lo, hi);
  // The sampler's lognormal (SamplersContinuous.cpp): lo and hi its 5% and 95% quantiles.
  const double z95 = 1.6448536269514727;
  const double llo = std::log(lo), lhi = std::log(hi);
  if (!(x > 0)) return kNegInf;
  const double lx = std::log(x);
  return normalLogPdf(lx, 0.5 * (llo + lhi), (lhi - llo) / (2.0 * z95)) - lx;
}

}  // extern "C"
