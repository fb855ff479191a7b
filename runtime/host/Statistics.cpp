//===- Statistics.cpp - Mergeable moment and count accumulators ------------===//

#include "runtime/host/Statistics.h"

#include <cmath>

namespace omen::rt {

void Welford::merge(const Welford& other) {
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  double na = static_cast<double>(n_);
  double nb = static_cast<double>(other.n_);
  double n = na + nb;
  double delta = other.mean_ - mean_;
  // mean_a + delta * nb / n keeps the result exact when one side dominates.
  mean_ += delta * (nb / n);
  m2_ += other.m2_ + delta * delta * (na * nb / n);
  n_ += other.n_;
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
