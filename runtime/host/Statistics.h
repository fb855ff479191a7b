//===- Statistics.h - Mergeable moment and count accumulators --------------===//
//
// The estimators behind `P(...)` and `E(...)`: a Welford running mean and variance that
// merges with Chan et al.'s pairwise formula, an exact success count, the Wilson score
// interval and the normal interval. Blocks of trials each fill their own accumulators and
// the driver merges them in block order, so every result is a fixed sequence of floating
// point operations whatever the thread count.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace omen::rt {

struct StateCodec;

/// The two-sided 95% normal quantile, Phi^-1(0.975), to double precision.
inline constexpr double kZ95 = 1.959963984540054;

/// Running mean and sum of squared deviations (Welford 1962); merge() is Chan, Golub and
/// LeVeque's (1979) pairwise update, which equals sequential accumulation up to rounding.
class Welford {
 public:
  void add(double x) {
    ++n_;
    double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
  }
  void merge(const Welford& other);

  uint64_t count() const { return n_; }
  double mean() const { return mean_; }
  /// Sum of squared deviations from the mean.
  double m2() const { return m2_; }
  /// Sample variance (divisor n - 1); 0 when n < 2.
  double sampleVariance() const;

 private:
  friend struct StateCodec;  // MPI ranks ship this state bit for bit
  uint64_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

/// An interval [low, high].
struct Interval {
  double low = 0;
  double high = 0;
};

/// Wilson score interval for k successes in n > 0 trials at normal quantile z. Unlike the
/// Wald interval it stays inside [0, 1] and is not degenerate at k = 0 or k = n, which is
/// exactly where rare-catastrophe estimates live.
Interval wilsonInterval(uint64_t k, uint64_t n, double z = kZ95);

/// mean +- z * se.
inline Interval normalInterval(double mean, double se, double z = kZ95) {
  return {mean - z * se, mean + z * se};
}

/// Successes among the trials where the report's condition held.
struct ProbabilityCount {
  uint64_t n = 0;  ///< trials where `given` held
  uint64_t k = 0;  ///< ... and the event held too

  void add(bool success) {
    ++n;
    k += success ? 1 : 0;
  }
  void merge(const ProbabilityCount& other) {
    n += other.n;
    k += other.k;
  }
};

}  // namespace omen::rt
