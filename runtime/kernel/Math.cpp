//===- Math.cpp - The deterministic builtins (exp, log, mod, round, ...) ---===//
//
// Each returns the value or, outside its domain, records an error (TrialContext.h codes) and
// returns 0: the language promises a runtime error naming the line and the values, never a
// silent NaN. Also compiled to bitcode for JIT kernels: <cmath> only, no exceptions.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/LoopFreeMath.h"

namespace {

// 2^63 as a double: a double d fits in int64 exactly when -2^63 <= d < 2^63.
constexpr double kTwo63 = 9223372036854775808.0;

inline double fail1(OmenTrialContext* ctx, uint32_t site, uint32_t code, double a0) {
  omen_rt_fail(ctx, code, site, 1, a0, 0, 0);
  return 0;
}

/// A real result: NaN or infinity becomes OMEN_ERR_NOT_FINITE (args[0] = the value).
inline double checked(OmenTrialContext* ctx, uint32_t site, double r) {
  if (!std::isfinite(r)) return fail1(ctx, site, OMEN_ERR_NOT_FINITE, r);
  return r;
}

/// An integral double to int64, or OMEN_ERR_INT_OVERFLOW (args[0] = the argument x).
inline int64_t toInt(OmenTrialContext* ctx, uint32_t site, double r, double x) {
  if (!(r >= -kTwo63 && r < kTwo63)) {
    omen_rt_fail(ctx, OMEN_ERR_INT_OVERFLOW, site, 1, x, 0, 0);
    return 0;
  }
  return static_cast<int64_t>(r);
}

}  // namespace

extern "C" {

double omen_rt_exp(OmenTrialContext* ctx, uint32_t site, double x) {
  return checked(ctx, site, std::exp(x));
}

// libm's sin and cos: every engine calls the same libm (the kernel wall), so they agree.
double omen_rt_sin(OmenTrialContext* ctx, uint32_t site, double x) { return checked(ctx, site, std::sin(x)); }
double omen_rt_cos(OmenTrialContext* ctx, uint32_t site, double x) { return checked(ctx, site, std::cos(x)); }

double omen_rt_log(OmenTrialContext* ctx, uint32_t site, double x) {
  if (!(x > 0)) return fail1(ctx, site, OMEN_ERR_DOMAIN, x);
  return checked(ctx, site, std::log(x));
}

double omen_rt_log10(OmenTrialContext* ctx, uint32_t site, double x) {
  if (!(x > 0)) return fail1(ctx, site, OMEN_ERR_DOMAIN, x);
  return checked(ctx, site, std::log10(x));
}

double omen_rt_sqrt(OmenTrialContext* ctx, uint32_t site, double x) {
  if (!(x >= 0)) return fail1(ctx, site, OMEN_ERR_DOMAIN, x);
  return checked(ctx, site, omen::rt::loopFreeSqrt(x));  // libm's bits, and it vectorizes
}

double omen_rt_abs(OmenTrialContext* ctx, uint32_t site, double x) { return omen::rt::loopFreeAbs(x); }

int64_t omen_rt_abs_i(OmenTrialContext* ctx, uint32_t site, int64_t x) {
  if (x == INT64_MIN) {
    omen_rt_fail(ctx, OMEN_ERR_INT_OVERFLOW, site, 1, static_cast<double>(x), 0, 0);
    return 0;
  }
  return x < 0 ? -x : x;
}

double omen_rt_min(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  return b < a ? b : a;
}
int64_t omen_rt_min_i(OmenTrialContext* ctx, uint32_t site, int64_t a, int64_t b) {
  return b < a ? b : a;
}
double omen_rt_max(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  return b > a ? b : a;
}
int64_t omen_rt_max_i(OmenTrialContext* ctx, uint32_t site, int64_t a, int64_t b) {
  return b > a ? b : a;
}

// clamp with lo > hi has no answer; it is a domain error with all three values.
double omen_rt_clamp(OmenTrialContext* ctx, uint32_t site, double x, double lo, double hi) {
  if (!(lo <= hi)) {
    omen_rt_fail(ctx, OMEN_ERR_DOMAIN, site, 3, x, lo, hi);
    return 0;
  }
  return x < lo ? lo : (x > hi ? hi : x);
}
int64_t omen_rt_clamp_i(OmenTrialContext* ctx, uint32_t site, int64_t x, int64_t lo, int64_t hi) {
  if (lo > hi) {
    omen_rt_fail(ctx, OMEN_ERR_DOMAIN, site, 3, static_cast<double>(x), static_cast<double>(lo),
                 static_cast<double>(hi));
    return 0;
  }
  return x < lo ? lo : (x > hi ? hi : x);
}

int64_t omen_rt_floor(OmenTrialContext* ctx, uint32_t site, double x) {
  return toInt(ctx, site, std::floor(x), x);
}
int64_t omen_rt_ceil(OmenTrialContext* ctx, uint32_t site, double x) {
  return toInt(ctx, site, std::ceil(x), x);
}
// std::round rounds halves away from zero (2.5 -> 3, -2.5 -> -3), as people round by hand.
int64_t omen_rt_round(OmenTrialContext* ctx, uint32_t site, double x) {
  return toInt(ctx, site, std::round(x), x);
}

// A NaN or infinite power (pow(-8, 1/3), pow(0, -1), overflow) is reported with its operands.
double omen_rt_pow(OmenTrialContext* ctx, uint32_t site, double base, double exponent) {
  double r = std::pow(base, exponent);
  if (!std::isfinite(r)) {
    omen_rt_fail(ctx, OMEN_ERR_NOT_FINITE, site, 3, r, base, exponent);
    return 0;
  }
  return r;
}

// Python's float %: the result has the sign of b. fmod is exact, so this is exactly
// a - b*floor(a/b) without the rounding of computing a/b.
double omen_rt_mod(OmenTrialContext* ctx, uint32_t site, double a, double b) {
  if (b == 0) {
    omen_rt_fail(ctx, OMEN_ERR_DIV_ZERO, site, 2, a, b, 0);
    return 0;
  }
  double r = std::fmod(a, b);
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return checked(ctx, site, r);
}

// Python's int %: the remainder has the sign of the divisor (mod(-7, 3) = 2, mod(7, -3) = -2).
int64_t omen_rt_mod_i(OmenTrialContext* ctx, uint32_t site, int64_t a, int64_t b) {
  if (b == 0) {
    omen_rt_fail(ctx, OMEN_ERR_DIV_ZERO, site, 2, static_cast<double>(a), 0, 0);
    return 0;
  }
  if (b == -1) return 0;  // INT64_MIN % -1 is undefined behaviour in C; the answer is 0
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// Written in two halves so that neither exp overflows into inf/inf.
double omen_rt_logistic(OmenTrialContext* ctx, uint32_t site, double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  double e = std::exp(x);
  return checked(ctx, site, e / (1.0 + e));
}

double omen_rt_logit(OmenTrialContext* ctx, uint32_t site, double p) {
  if (!(p > 0 && p < 1)) return fail1(ctx, site, OMEN_ERR_DOMAIN, p);
  return std::log(p) - std::log1p(-p);
}

}  // extern "C"
