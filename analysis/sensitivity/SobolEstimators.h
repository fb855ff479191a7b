//===- SobolEstimators.h - First-order and total Sobol' indices from a design ===//
//
// The estimators of SALib's `sobol.analyze` on a Saltelli (2010) design, on plain arrays so
// that they are tested against closed forms without a kernel:
//   outputs standardised over all runs, V = population variance of f(A) ∪ f(B);
//   S_i  = mean(f(B) · (f(A_B^i) − f(A))) / V        (Saltelli et al. 2010, Table 2 (b))
//   ST_i = ½ mean((f(A) − f(A_B^i))²) / V             (Jansen 1999; Table 2 (f))
// and SALib's confidence half-widths: rows of A, B and every A_B^i resampled together with
// replacement R times, each estimator (V included) recomputed, half-width = z · sd(replicates)
// with ddof 1 and z = Φ⁻¹(½ + level/2): a normal approximation, not a percentile interval.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace omen::rt {

struct SobolEstimate {
  double first = 0, firstHalfWidth = 0;
  double total = 0, totalHalfWidth = 0;
};

/// `a`, `b`: f(A), f(B) (N rows each); `ab[i]`: f(A_B^i) (N rows). One estimate per column
/// i. The resampling draws from a generator seeded `seed`. All outputs equal: every index 0.
std::vector<SobolEstimate> sobolEstimates(const std::vector<double>& a, const std::vector<double>& b,
                                          const std::vector<std::vector<double>>& ab, unsigned resamples,
                                          double level, uint64_t seed);

}  // namespace omen::rt
