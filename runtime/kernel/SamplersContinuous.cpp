//===- SamplersContinuous.cpp - Real-valued distributions ------------------===//
//
// Standard exact algorithms, reading uniforms only through omen_rt_next_uniform so that one
// seed gives one answer on every engine, with the kernel's own log, exp and sqrt
// (LoopFreeMath.h), so that JIT kernels can run them in vector lanes with the same bits.
// Invalid parameters (including NaN and infinities) record OMEN_ERR_DIST_ARGS with the
// arguments and return 0, drawing nothing; a draw that overflows (lognormal(800, 1)) records
// OMEN_ERR_NOT_FINITE. Compiled to bitcode too: no libm call, no allocation, no exceptions.
//
// The rejection samplers (gamma, beta, pert) come twice from one template: the exact one
// tries until it accepts; the `_lanes` one, which a JIT kernel calls in a trial it runs
// speculatively in vector lanes (backend/llvm/EmitLanes.cpp), makes one try, and when that
// try is rejected records OMEN_ERR_LANE_RETRY, so that the trial is run again by the exact
// one. Up to that point both made the same draws and computed the same bits.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/LoopFreeMath.h"
#include "runtime/kernel/Samplers.h"

namespace omen::rt {

// Wichura, "Algorithm AS 241: The Percentage Points of the Normal Distribution", Applied
// Statistics 37(3), 477-484, 1988: PPND16, in its three regions. Coefficients checked
// against two public transcriptions (Burkardt's normal_01_cdf_inv and ROOT's
// Math::NormQuantile).
namespace {

// Each region's rational function as its numerator and denominator: a lane computes both
// regions and divides once (the same one division either way, so the same bits).
struct Ratio {
  double num, den;
};

/// |q| <= 0.425, q = p - 1/2: the quantile is (q * num) / den.
inline Ratio centralNormalQuantile(double q) {
  const double r = 0.180625 - q * q;
  return {((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r +
               6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r +
             1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r +
           1.3314166789178437745e+2) * r + 3.3871328727963666080e+0,
          ((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r +
               3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r +
             5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r +
           4.2313330701600911252e+1) * r + 1.0};
}

/// r = sqrt(-log(min(p, 1 - p))) <= 5: the quantile's magnitude is num / den.
inline Ratio tailNormalQuantile(double r) {
  r -= 1.6;
  return {((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r +
               2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r +
             3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r +
           4.63033784615654529590e+0) * r + 1.42343711074968357734e+0,
          ((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r +
               1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r +
             6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r +
           2.05319162663775882187e+0) * r + 1.0};
}

/// r > 5 (min(p, 1 - p) below about 1.4e-11).
inline double farTailNormalQuantile(double r) {
  r -= 5.0;
  return (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
                1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r +
              2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r +
            5.46378491116411436990e+0) * r + 6.65790464350110377720e+0) /
          (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r +
                1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r +
              1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r +
            5.99832206555887937690e-1) * r + 1.0);
}

inline double tailRadius(double p, double q) { return loopFreeSqrt(-loopFreeLog(q < 0 ? p : 1.0 - p)); }

}  // namespace

double normalQuantile(double p) {
  const double q = p - 0.5;
  if (loopFreeAbs(q) <= 0.425) {
    const Ratio c = centralNormalQuantile(q);
    return q * c.num / c.den;
  }
  const double r = tailRadius(p, q);
  double value;
  if (r <= 5.0) {
    const Ratio t = tailNormalQuantile(r);
    value = t.num / t.den;
  } else {
    value = farTailNormalQuantile(r);
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

/// Records that a speculative lane cannot go on like the exact sampler (Builtins.h, `_lanes`).
inline void laneRetry(OmenTrialContext* ctx) { omen_rt_fail(ctx, OMEN_ERR_LANE_RETRY, 0, 0, 0, 0, 0); }

/// Tries until one is accepted (Exact) or, in a speculative lane, once: where the exact
/// sampler would go on differently (a rejection, a rare branch), the lane records
/// OMEN_ERR_LANE_RETRY and its trial is run again exactly.
enum class Tries { Exact, OneInLanes };

/// standardNormal for a lane: the same bits, except that the far tail (r > 5, one draw in
/// 10^11) fails the lane, so that vector code need not compute that region too.
inline double standardNormalInLanes(OmenTrialContext* ctx) {
  const double p = omen_rt_next_uniform(ctx);
  const double q = p - 0.5;
  const double r = tailRadius(p, q);
  if (r > 5.0) laneRetry(ctx);
  const bool central = loopFreeAbs(q) <= 0.425;
  const Ratio c = centralNormalQuantile(q), t = tailNormalQuantile(r);
  const double ratio = (central ? q * c.num : t.num) / (central ? c.den : t.den);
  return central || q >= 0 ? ratio : -ratio;
}

/// Marsaglia and Tsang's acceptance test for a normal x, v = (1 + c x)^3 > 0 and a uniform u.
inline bool marsagliaTsangAccepts(double d, double x, double v, double u) {
  const double x2 = x * x;
  if (u < 1.0 - 0.0331 * x2 * x2) return true;  // the squeeze
  return loopFreeLog(u) < 0.5 * x2 + d * (1.0 - v + loopFreeLog(v));
}

/// Marsaglia and Tsang, "A Simple Method for Generating Gamma Variables", ACM TOMS 26(3),
/// 2000: Gamma(shape, 1) for shape >= 1.
template <Tries tries>
double marsagliaTsang(OmenTrialContext* ctx, double shape) {
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / loopFreeSqrt(9.0 * d);
  if constexpr (tries == Tries::Exact) {
    for (;;) {
      const double x = standardNormal(ctx);
      double v = 1.0 + c * x;
      if (v <= 0) continue;  // the paper's inner loop: the next normal, no uniform
      v = v * v * v;
      if (marsagliaTsangAccepts(d, x, v, omen_rt_next_uniform(ctx))) return d * v;
    }
  } else {
    // One try. The uniform is drawn even when v <= 0 (the lane fails then): every lane
    // makes the same draws, so vector code knows which Philox word each one reads.
    const double x = standardNormalInLanes(ctx);
    double v = 1.0 + c * x;
    const double u = omen_rt_next_uniform(ctx);
    const bool positive = v > 0;
    v = v * v * v;
    if (!(positive && marsagliaTsangAccepts(d, x, v, u))) laneRetry(ctx);
    return d * v;
  }
}

template <Tries tries>
GammaDraw standardGammaDraw(OmenTrialContext* ctx, double shape) {
  if (shape >= 1.0) return {marsagliaTsang<tries>(ctx, shape), 0.0};
  const double base = marsagliaTsang<tries>(ctx, shape + 1.0);
  return {base, loopFreeLog(omen_rt_next_uniform(ctx)) / shape};
}

/// Beta(a, b) = X / (X + Y) for X ~ Gamma(a), Y ~ Gamma(b), X drawn first.
template <Tries tries>
double betaDraw(OmenTrialContext* ctx, double a, double b) {
  const GammaDraw x = standardGammaDraw<tries>(ctx, a);
  const GammaDraw y = standardGammaDraw<tries>(ctx, b);
  if (x.logBoost == 0 && y.logBoost == 0) return x.base / (x.base + y.base);
  // X / (X + Y) = 1 / (1 + Y/X) with Y/X formed in logs: both may underflow for tiny shapes.
  const double logRatio = (loopFreeLog(y.base) + y.logBoost) - (loopFreeLog(x.base) + x.logBoost);
  return 1.0 / (1.0 + loopFreeExp(logRatio));
}

template <Tries tries>
double gammaSample(OmenTrialContext* ctx, uint32_t site, double shape, double scale) {
  if (!(isReal(shape) && isReal(scale) && shape > 0 && scale > 0)) return badArgs(ctx, site, 2, shape, scale);
  const GammaDraw g = standardGammaDraw<tries>(ctx, shape);
  const double x = g.logBoost == 0 ? g.base : g.base * loopFreeExp(g.logBoost);
  return result(ctx, site, x * scale);
}

template <Tries tries>
double betaSample(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  if (!(isReal(a) && isReal(b) && a > 0 && b > 0)) return badArgs(ctx, site, 2, a, b);
  return betaDraw<tries>(ctx, a, b);
}

// The classic PERT: lo + (hi - lo) * Beta(1 + 4 (mode - lo) / (hi - lo), 1 + 4 (hi - mode) /
// (hi - lo)), whose mean is (lo + 4 mode + hi) / 6. lo == hi is the point mass at lo.
template <Tries tries>
double pertSample(OmenTrialContext* ctx, uint32_t site, double lo, double mode, double hi) {
  if (!(isReal(lo) && isReal(mode) && isReal(hi) && lo <= mode && mode <= hi))
    return badArgs(ctx, site, 3, lo, mode, hi);
  if (lo == hi) return lo;
  const double width = hi - lo;
  const double x = betaDraw<tries>(ctx, 1.0 + 4.0 * (mode - lo) / width, 1.0 + 4.0 * (hi - mode) / width);
  return result(ctx, site, lo + width * x);
}

}  // namespace

GammaDraw standardGamma(OmenTrialContext* ctx, double shape) {
  return standardGammaDraw<Tries::Exact>(ctx, shape);
}

}  // namespace omen::rt

using omen::rt::badArgs;
using omen::rt::betaSample;
using omen::rt::gammaSample;
using omen::rt::loopFreeExp;
using omen::rt::loopFreeLog;
using omen::rt::loopFreeSqrt;
using omen::rt::pertSample;
using omen::rt::Tries;
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
  return result(ctx, site, loopFreeExp(mu + sigma * standardNormal(ctx)));
}

double omen_rt_gamma(OmenTrialContext* ctx, uint32_t site, double shape, double scale) {
  return gammaSample<Tries::Exact>(ctx, site, shape, scale);
}
double omen_rt_gamma_lanes(OmenTrialContext* ctx, uint32_t site, double shape, double scale) {
  return gammaSample<Tries::OneInLanes>(ctx, site, shape, scale);
}

double omen_rt_beta(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  return betaSample<Tries::Exact>(ctx, site, a, b);
}
double omen_rt_beta_lanes(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  return betaSample<Tries::OneInLanes>(ctx, site, a, b);
}

double omen_rt_exponential(OmenTrialContext* ctx, uint32_t site, double rate) {
  if (!(isReal(rate) && rate > 0)) return badArgs(ctx, site, 1, rate);
  return result(ctx, site, -loopFreeLog(omen_rt_next_uniform(ctx)) / rate);
}

// Inversion of the CDF: one uniform. lo == hi (so mode too) is the point mass at lo.
double omen_rt_triangular(OmenTrialContext* ctx, uint32_t site, double lo, double mode,
                          double hi) {
  if (!(isReal(lo) && isReal(mode) && isReal(hi) && lo <= mode && mode <= hi))
    return badArgs(ctx, site, 3, lo, mode, hi);
  const double u = omen_rt_next_uniform(ctx);
  if (lo == hi) return lo;
  const double width = hi - lo;
  if (u < (mode - lo) / width) return result(ctx, site, lo + loopFreeSqrt(u * width * (mode - lo)));
  return result(ctx, site, hi - loopFreeSqrt((1.0 - u) * width * (hi - mode)));
}

double omen_rt_pert(OmenTrialContext* ctx, uint32_t site, double lo, double mode, double hi) {
  return pertSample<Tries::Exact>(ctx, site, lo, mode, hi);
}
double omen_rt_pert_lanes(OmenTrialContext* ctx, uint32_t site, double lo, double mode, double hi) {
  return pertSample<Tries::OneInLanes>(ctx, site, lo, mode, hi);
}

// log X uniform on [log a, log b]; the result is kept inside [a, b] despite exp/log rounding.
double omen_rt_loguniform(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  if (!(isReal(a) && isReal(b) && a > 0 && a <= b)) return badArgs(ctx, site, 2, a, b);
  const double u = omen_rt_next_uniform(ctx);
  if (a == b) return a;
  const double la = loopFreeLog(a), lb = loopFreeLog(b);
  const double x = loopFreeExp(la + (lb - la) * u);
  return x < a ? a : (x > b ? b : x);
}

// The lognormal whose 5% and 95% quantiles are lo and hi (Squiggle's `lo to hi`).
double omen_rt_to(OmenTrialContext* ctx, uint32_t site, double lo, double hi) {
  if (!(isReal(lo) && isReal(hi) && lo > 0 && lo < hi)) return badArgs(ctx, site, 2, lo, hi);
  const double z95 = 1.6448536269514727;  // the normal's 95% quantile, correctly rounded
  const double llo = loopFreeLog(lo), lhi = loopFreeLog(hi);
  const double mu = 0.5 * (llo + lhi);
  const double sigma = (lhi - llo) / (2.0 * z95);
  return result(ctx, site, loopFreeExp(mu + sigma * standardNormal(ctx)));
}

}  // extern "C"
