//===- LoopFreeMath.h - log, exp and sqrt that vector lanes compute alike ---===//
//
// The samplers' (and the log/exp/sqrt builtins') own elementary functions. libm's log and
// exp are calls the loop vectorizer cannot widen, and a vector math library computes other
// bits than the scalar libm the interpreter calls. These are written out in plain IEEE
// arithmetic, with no loop, no table, no call and no branch (special cases are selects), so
// the same source compiled natively for the interpreter, inlined into a JIT kernel's scalar
// loop, or widened by LLVM into 2, 4 or 8 lanes computes the same bits: every operation is a
// correctly rounded +, -, *, / or sqrt, or an exact integer/bit operation, and the build
// forbids contraction into FMA (-ffp-contract=off, cmake/RuntimeBitcode.cmake).
//
// Accuracy: below one ulp (the algorithms of fdlibm, Sun Microsystems 1993, as kept in musl:
// e_log.c and e_exp.c, with their coefficients), not always correctly rounded, so a result
// may differ from glibc's in the last bit.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

namespace omen::rt {

inline uint64_t bitsOf(double x) { return __builtin_bit_cast(uint64_t, x); }
inline double fromBits(uint64_t u) { return __builtin_bit_cast(double, u); }

/// |x|: one bit cleared, in lanes too (`std::fabs` would be a libm call under -fno-builtin).
inline double loopFreeAbs(double x) { return __builtin_elementwise_abs(x); }

/// IEEE square root: one instruction on every x86-64 (`std::sqrt` would be a libm call
/// under -fno-builtin, which the vectorizer cannot widen). Same bits as libm's sqrt.
inline double loopFreeSqrt(double x) { return __builtin_elementwise_sqrt(x); }

/// Natural logarithm; log(0) = -inf, log(x < 0) = NaN, log(inf) = inf, log(NaN) = NaN.
inline double loopFreeLog(double x) {
  constexpr double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10;
  constexpr double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01,
                   lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01,
                   lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01,
                   lg7 = 1.479819860511658591e-01;
  // Subnormals are scaled into the normal range first (exact).
  const bool subnormal = x < 0x1p-1022;
  const double scaled = subnormal ? x * 0x1p54 : x;
  uint64_t u = bitsOf(scaled);
  // x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)).
  uint32_t hx = static_cast<uint32_t>(u >> 32) + (0x3ff00000 - 0x3fe6a09e);
  const int32_t k = static_cast<int32_t>(hx >> 20) - 0x3ff - (subnormal ? 54 : 0);
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  u = (static_cast<uint64_t>(hx) << 32) | (u & 0xffffffff);
  const double f = fromBits(u) - 1.0;
  const double hfsq = 0.5 * f * f;
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (lg2 + w * (lg4 + w * lg6));
  const double t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
  const double r = t2 + t1;
  const double dk = static_cast<double>(k);
  const double y = s * (hfsq + r) + dk * ln2Lo - hfsq + f + dk * ln2Hi;
  // Special cases last, as selects. (x != x is NaN: kept as NaN.)
  const double inf = __builtin_inf();
  return x > 0 && x < inf ? y : (x == 0 ? -inf : (x == inf ? inf : (x != x ? x : __builtin_nan(""))));
}

/// e^x; overflows to inf above 709.78..., underflows to 0 (through the subnormals) below
/// -745.13..., exp(NaN) = NaN.
inline double loopFreeExp(double x) {
  constexpr double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10,
                   invLn2 = 1.44269504088896338700e+00;
  constexpr double p1 = 1.66666666666666019037e-01, p2 = -2.77777777770155933842e-03,
                   p3 = 6.61375632143793436117e-05, p4 = -1.65339022054652515390e-06,
                   p5 = 4.13813679705723846039e-08;
  constexpr double overflow = 709.782712893383973096, underflow = -745.13321910194110842;
  // Out of range (or NaN): compute on 0, select the answer at the end. Keeps the int
  // conversion below defined.
  const bool inRange = x >= underflow && x <= overflow;
  const double xr = inRange ? x : 0.0;
  // k = round(x / ln2), halves away from zero; x = k ln2 + r with |r| <= ln2 / 2.
  const int32_t k = static_cast<int32_t>(invLn2 * xr + (xr < 0 ? -0.5 : 0.5));
  const double dk = static_cast<double>(k);
  const double hi = xr - dk * ln2Hi;  // exact: k ln2Hi has trailing zero bits
  const double lo = dk * ln2Lo;
  const double r = hi - lo;
  const double rr = r * r;
  const double c = r - rr * (p1 + rr * (p2 + rr * (p3 + rr * (p4 + rr * p5))));
  const double y = 1.0 + (r * c / (2.0 - c) - lo + hi);
  // y * 2^k in two exact halves (|k| <= 1075 does not fit one exponent field near the ends);
  // the second product rounds once, so subnormal results are correctly scaled.
  const int32_t k1 = k / 2, k2 = k - k1;
  const double scale1 = fromBits(static_cast<uint64_t>(static_cast<int64_t>(k1) + 0x3ff) << 52);
  const double scale2 = fromBits(static_cast<uint64_t>(static_cast<int64_t>(k2) + 0x3ff) << 52);
  const double result = y * scale1 * scale2;
  return inRange ? result : (x > overflow ? __builtin_inf() : (x < underflow ? 0.0 : x));
}

}  // namespace omen::rt
