//===- MomentMerge.h - Two running means and second moments as one ------------===//
//
// Chan, Golub & LeVeque's pairwise update: the count, mean and sum of squared deviations of
// the union of two samples from each one's. Written once for the scalar (Welford,
// Statistics.h) and the paired vector/matrix form (PairedMoments, Paired.h): `outer(d)` is
// d·d for a number and d·dᵀ for a vector. The operations and their order are those of each
// former copy, so merged blocks keep their bits.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace omen::rt {

template <typename Mean, typename Moment, typename Outer>
void mergeMoments(uint64_t& n, Mean& mean, Moment& m2, uint64_t otherN, const Mean& otherMean,
                  const Moment& otherM2, Outer outer) {
  if (otherN == 0) return;
  if (n == 0) {
    n = otherN;
    mean = otherMean;
    m2 = otherM2;
    return;
  }
  double na = static_cast<double>(n);
  double nb = static_cast<double>(otherN);
  double total = na + nb;
  Mean delta = otherMean - mean;
  // mean_a + delta * nb / n keeps the result exact when one side dominates.
  mean += delta * (nb / total);
  m2 += otherM2 + outer(delta) * (na * nb / total);
  n += otherN;
}

}  // namespace omen::rt
