//===- Metalog.h - The metalog quantile function (Keelin 2016) -------------===//
//
// A metalog is a distribution given by its quantile function, a series in the logit of the
// probability: Q(y) = a1 + a2 L + a3 (y - 1/2) L + a4 (y - 1/2) + a5 (y - 1/2)^2 + ...,
// L = ln(y / (1 - y)) (Keelin, "The Metalog Distributions", Decision Analysis 13(4), 2016,
// eq. 6). Bounded forms apply the series to a transform of the value: ln(x - lo) for a
// support [lo, inf), logit((x - lo) / (hi - lo)) for [lo, hi]. Header-only and <cmath>
// only: the fit (core/MetalogFit.h, at compile time) and the sampler (runtime/kernel/, in
// every engine) evaluate the same basis.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cmath>

namespace omen::metalog {

/// The most terms (and so percentiles) a metalog takes.
inline constexpr int kMaxTerms = 9;

/// How the series maps to values: the `kind` argument of the runtime's omen_rt_metalog.
enum class Support : int { Unbounded = 0, LowerBound = 1, Bounded = 2 };

/// Basis function j (0-based) at y with L = ln(y / (1 - y)).
inline double basis(int j, double y, double L) {
  const double c = y - 0.5;
  switch (j) {
    case 0: return 1.0;
    case 1: return L;
    case 2: return c * L;
    case 3: return c;
    default: {
      // Term j+1 >= 5: odd terms (y - 1/2)^m, even terms L (y - 1/2)^m, m growing every two.
      const int term = j + 1;
      const int power = term % 2 == 1 ? (term - 1) / 2 : term / 2 - 1;
      double p = 1.0;
      for (int i = 0; i < power; ++i) p *= c;
      return term % 2 == 1 ? p : L * p;
    }
  }
}

/// The derivative of basis function j at y, with L as above.
inline double basisSlope(int j, double y, double L) {
  const double c = y - 0.5, dL = 1.0 / (y * (1.0 - y));
  switch (j) {
    case 0: return 0.0;
    case 1: return dL;
    case 2: return L + c * dL;
    case 3: return 1.0;
    default: {
      const int term = j + 1;
      const int power = term % 2 == 1 ? (term - 1) / 2 : term / 2 - 1;
      double below = 1.0;  // c^(power - 1)
      for (int i = 0; i < power - 1; ++i) below *= c;
      return term % 2 == 1 ? power * below : power * L * below + below * c * dL;
    }
  }
}

/// The series sum a[0] b0(y) + ... + a[k-1] b_{k-1}(y), before the support's transform.
inline double series(const double* a, int k, double y) {
  const double L = std::log(y / (1.0 - y));
  double sum = 0.0;
  for (int j = 0; j < k; ++j) sum += a[j] * basis(j, y, L);
  return sum;
}

/// The series' value m mapped onto the support.
inline double fromSeries(Support support, double lo, double hi, double m) {
  switch (support) {
    case Support::Unbounded: return m;
    case Support::LowerBound: return lo + std::exp(m);
    case Support::Bounded: return lo + (hi - lo) / (1.0 + std::exp(-m));
  }
  return m;
}

/// The quantile of probability y in (0, 1).
inline double quantile(Support support, double lo, double hi, const double* a, int k, double y) {
  return fromSeries(support, lo, hi, series(a, k, y));
}

}  // namespace omen::metalog
