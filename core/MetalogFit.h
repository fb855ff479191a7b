//===- MetalogFit.h - Metalog coefficients from stated percentiles ---------===//
//
// `metalog(10%: 10, 50%: 20, 90%: 50)`: the k coefficients of a k-term metalog through k
// percentiles, by least squares on the basis (Eigen; exact when there are as many terms as
// points, Keelin 2016 eq. 7), and the check that the result is a distribution at all: its
// quantile function must increase on all of (0, 1).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "core/Metalog.h"

namespace omen::metalog {

struct Percentile {
  double level;  ///< in (0, 1)
  double value;
};

struct Fit {
  std::vector<double> a;  ///< the coefficients; empty if the percentiles define no metalog
  /// Where the quantile function fails to increase (a probability), when `a` is empty
  /// because of that; NaN otherwise.
  double decreasingAt = std::nan("");
};

/// Fits as many terms as `points` (2 to kMaxTerms, levels strictly increasing in (0, 1),
/// values inside the support). The support is given as in omen_rt_metalog.
Fit fit(const std::vector<Percentile>& points, Support support, double lo, double hi);

/// The lowest probability in (0, 1) at which the quantile function of `a` does not increase,
/// or NaN where it increases everywhere (checked on a grid dense in the middle and reaching
/// 1e-15 into either tail, as far as a draw's uniform goes).
double firstDecrease(const std::vector<double>& a);

/// The mean of an unbounded metalog, where a closed form exists (up to 4 terms: a1 + a3/2);
/// NaN otherwise.
double unboundedMean(const std::vector<double>& a);

}  // namespace omen::metalog
