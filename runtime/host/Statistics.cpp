//===- Statistics.cpp - Mergeable moment and count accumulators ------------===//

#include "runtime/host/Statistics.h"

#include <cmath>

#include "runtime/host/MomentMerge.h"

namespace omen::rt {

void Welford::merge(const Welford& other) {
  mergeMoments(n_, mean_, m2_, other.n_, other.mean_, other.m2_, [](double d) { return d * d; });
}

double Welford::sampleVariance() const {
  if (n_ < 2) return 0;
  double v = m2_ / static_cast<double>(n_ - 1);
  return v < 0 ? 0 : v;
}

Interval wilsonInterval(uint64_t k, uint64_t n, double z) {
  if (n == 0) return {0, 1};
  double nn = static_cast<double>(n);
  double p = static_cast<double>(k) / nn;
  double z2 = z * z;
  double denom = 1 + z2 / nn;
  double centre = (p + z2 / (2 * nn)) / denom;
  double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
  Interval ci{centre - half, centre + half};
  // Rounding can push an endpoint a hair outside [0, 1] (or past p at k = 0 or k = n).
  if (k == 0) ci.low = 0;
  if (k == n) ci.high = 1;
  if (ci.low < 0) ci.low = 0;
  if (ci.high > 1) ci.high = 1;
  return ci;
}

}  // namespace omen::rt
