//===- SamplersContinuous.cpp - Real-valued distributions ------------------===//
//
// Standard exact algorithms, reading uniforms only through omen_rt_next_uniform so that one
// seed gives one answer on every engine. Invalid parameters (including NaN and infinities)
// record OMEN_ERR_DIST_ARGS with the arguments and return 0, drawing nothing; a draw that
// overflows (lognormal(800, 1)) records OMEN_ERR_NOT_FINITE. Compiled to bitcode too: <cmath>
// only, no allocation, no exceptions.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/Samplers.h"

namespace omen::rt {

double normalQuantile(double p) {
  // Wichura, "Algorithm AS 241: The Percentage Points of the Normal Distribution", Applied
  // Statistics 37(3), 477-484, 1988: PPND16. Coefficients checked against two public
  // transcriptions (Burkardt's normal_01_cdf_inv and ROOT's Math::NormQuantile).
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q *
           (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r +
                 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r +
               1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r +
             1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) /
           (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r +
                 3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r +
               5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r +
             4.2313330701600911252e+1) * r + 1.0);
  }
  double r = std::sqrt(-std::log(q < 0 ? p : 1.0 - p));
  double value;
  if (r <= 5.0) {
    r -= 1.6;
    value = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r +
                  2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r +
                3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r +
              4.63033784615654529590e+0) * r + 1.42343711074968357734e+0) /
            (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r +
                  1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r +
                6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r +
              2.05319162663775882187e+0) * r + 1.0);
  } else {
    r -= 5.0;
    value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
                  1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r +
                2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r +
              5.46378491116411436990e+0) * r + 6.65790464350110377720e+0) /
            (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r +
                  1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r +
                1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r +
              5.99832206555887937690e-1) * r + 1.0);
  }
  return q < 0 ? -value : value;
}

namespace {

/// One standard normal from exactly one uniform, by inversion.
inline double standardNormal(OmenTrialContext* ctx) {
  return normalQuantile(omen_rt_next_uniform(ctx));
}

inline bool isReal(double x) { return std::isfinite(x); }

inline double badArgs(OmenTrialContext* ctx, uint32_t site, uint32_t n, double a0, double a1 = 0,
                      double a2 = 0) {
  omen_rt_fail(ctx, OMEN_ERR_DIST_ARGS, site, n, a0, a1, a2);
  return 0;
}

/// A drawn value: NaN or infinity (overflow) becomes OMEN_ERR_NOT_FINITE.
inline double result(OmenTrialContext* ctx, uint32_t site, double x) {
  if (!std::isfinite(x)) {
    omen_rt_fail(ctx, OMEN_ERR_NOT_FINITE, site, 1, x, 0, 0);
    return 0;
  }
  return x;
}

/// Marsaglia and Tsang, "A Simple Method for Generating Gamma Variables", ACM TOMS 26(3),
/// 2000: Gamma(shape, 1) for shape >= 1.
double marsagliaTsang(OmenTrialContext* ctx, double shape) {
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = standardNormal(ctx);
      v = 1.0 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = omen_rt_next_uniform(ctx);
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;  // the squeeze
    if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v;
  }
}

/// Beta(a, b) = X / (X + Y) for X ~ Gamma(a), Y ~ Gamma(b), X drawn first.
double betaDraw(OmenTrialContext* ctx, double a, double b) {
  const GammaDraw x = standardGamma(ctx, a);
  const GammaDraw y = standardGamma(ctx, b);
  if (x.logBoost == 0 && y.logBoost == 0) return x.base / (x.base + y.base);
  // X / (X + Y) = 1 / (1 + Y/X) with Y/X formed in logs: both may underflow for tiny shapes.
  const double logRatio = (std::log(y.base) + y.logBoost) - (std::log(x.base) + x.logBoost);
  return 1.0 / (1.0 + std::exp(logRatio));
}

}  // namespace

GammaDraw standardGamma(OmenTrialContext* ctx, double shape) {
  if (shape >= 1.0) return {marsagliaTsang(ctx, shape), 0.0};
  const double base = marsagliaTsang(ctx, shape + 1.0);
  return {base, std::log(omen_rt_next_uniform(ctx)) / shape};
}

}  // namespace omen::rt

using omen::rt::badArgs;
using omen::rt::isReal;
using omen::rt::result;
using omen::rt::standardNormal;

extern "C" {

double omen_rt_uniform(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  if (!(isReal(a) && isReal(b) && a <= b)) return badArgs(ctx, site, 2, a, b);
  const double u = omen_rt_next_uniform(ctx);
  return result(ctx, site, a + (b - a) * (ctx->tilt ? omen_rt_tilt_uniform(ctx->tilt, ctx->rng.trial, site, u) : u));
}

double omen_rt_normal(OmenTrialContext* ctx, uint32_t site, double mu, double sigma) {
  if (!(isReal(mu) && isReal(sigma) && sigma >= 0)) return badArgs(ctx, site, 2, mu, sigma);
  const double u = omen_rt_next_uniform(ctx);
  return result(ctx, site, mu + sigma * (ctx->tilt ? omen_rt_tilt_normal(ctx->tilt, ctx->rng.trial, site, u) : omen::rt::normalQuantile(u)));
}

double omen_rt_lognormal(OmenTrialContext* ctx, uint32_t site, double mu, double sigma) {
  if (!(isReal(mu) && isReal(sigma) && sigma >= 0)) return badArgs(ctx, site, 2, mu, sigma);
  return result(ctx, site, std::exp(mu + sigma * standardNormal(ctx)));
}

double omen_rt_gamma(OmenTrialContext* ctx, uint32_t site, double shape, double scale) {
  if (!(isReal(shape) && isReal(scale) && shape > 0 && scale > 0))
    return badArgs(ctx, site, 2, shape, scale);
  const omen::rt::GammaDraw g = omen::rt::standardGamma(ctx, shape);
  const double x = g.logBoost == 0 ? g.base : g.base * std::exp(g.logBoost);
  return result(ctx, site, x * scale);
}

double omen_rt_beta(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  if (!(isReal(a) && isReal(b) && a > 0 && b > 0)) return badArgs(ctx, site, 2, a, b);
  return omen::rt::betaDraw(ctx, a, b);
}

double omen_rt_exponential(OmenTrialContext* ctx, uint32_t site, double rate) {
  if (!(isReal(rate) && rate > 0)) return badArgs(ctx, site, 1, rate);
  return result(ctx, site, -std::log(omen_rt_next_uniform(ctx)) / rate);
}

// Inversion of the CDF: one uniform. lo == hi (so mode too) is the point mass at lo.
double omen_rt_triangular(OmenTrialContext* ctx, uint32_t site, double lo, double mode,
                          double hi) {
  if (!(isReal(lo) && isReal(mode) && isReal(hi) && lo <= mode && mode <= hi))
    return badArgs(ctx, site, 3, lo, mode, hi);
  const double u = omen_rt_next_uniform(ctx);
  if (lo == hi) return lo;
  const double width = hi - lo;
  if (u < (mode - lo) / width) return result(ctx, site, lo + std::sqrt(u * width * (mode - lo)));
  return result(ctx, site, hi - std::sqrt((1.0 - u) * width * (hi - mode)));
}

// The classic PERT: lo + (hi - lo) * Beta(1 + 4 (mode - lo) / (hi - lo), 1 + 4 (hi - mode) /
// (hi - lo)), whose mean is (lo + 4 mode + hi) / 6. lo == hi is the point mass at lo.
double omen_rt_pert(OmenTrialContext* ctx, uint32_t site, double lo, double mode, double hi) {
  if (!(isReal(lo) && isReal(mode) && isReal(hi) && lo <= mode && mode <= hi))
    return badArgs(ctx, site, 3, lo, mode, hi);
  if (lo == hi) return lo;
  const double width = hi - lo;
  const double x = omen::rt::betaDraw(ctx, 1.0 + 4.0 * (mode - lo) / width,
                                      1.0 + 4.0 * (hi - mode) / width);
  return result(ctx, site, lo + width * x);
}

// log X uniform on [log a, log b]; the result is kept inside [a, b] despite exp/log rounding.
double omen_rt_loguniform(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  if (!(isReal(a) && isReal(b) && a > 0 && a <= b)) return badArgs(ctx, site, 2, a, b);
  const double u = omen_rt_next_uniform(ctx);
  if (a == b) return a;
  const double la = std::log(a), lb = std::log(b);
  const double x = std::exp(la + (lb - la) * u);
  return x < a ? a : (x > b ? b : x);
}

// The lognormal whose 5% and 95% quantiles are lo and hi (Squiggle's `lo to hi`).
double omen_rt_to(OmenTrialContext* ctx, uint32_t site, double lo, double hi) {
  if (!(isReal(lo) && isReal(hi) && lo > 0 && lo < hi)) return badArgs(ctx, site, 2, lo, hi);
  const double z95 = 1.6448536269514727;  // the normal's 95% quantile, correctly rounded
  const double llo = std::log(lo), lhi = std::log(hi);
  const double mu = 0.5 * (llo + lhi);
  const double sigma = (lhi - llo) / (2.0 * z95);
  return result(ctx, site, std::exp(mu + sigma * standardNormal(ctx)));
}

}  // extern "C"
