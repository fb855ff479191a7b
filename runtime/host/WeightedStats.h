//===- WeightedStats.h - Sums of weighted trials, for posteriors and evidence ===//
//
// A trial of a scenario that observes carries a weight w = exp(log weight). For a report's
// value f over the trials where its condition holds, the self-normalised estimate is
// mu = sum w f / sum w, with the delta-method (ratio estimator) variance
// sum w^2 (f - mu)^2 / (sum w)^2 (Owen, Monte Carlo theory, methods and examples, 2013,
// 9.2) and Kish's effective sample size (sum w)^2 / sum w^2. The evidence (the marginal
// likelihood of what was observed) is the mean weight over all trials.
//
// Weights are kept relative to the largest log weight seen (log-sum-exp), so that products
// of many small likelihoods neither underflow nor lose precision; f relative to the first
// value seen, so that sum w^2 (f - mu)^2 is not a difference of two huge sums. Blocks merge
// in block order, as every other accumulator, so results do not depend on threads.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace omen::rt {

struct StateCodec;

class WeightedStats {
 public:
  /// `keepLargest`: how many of the largest log weights to keep for the Pareto k-hat.
  explicit WeightedStats(uint32_t keepLargest = 0) : keep_(keepLargest) {}

  void add(double logWeight, double f);
  void merge(const WeightedStats& later);

  uint64_t count() const { return n_; }
  /// The largest log weight seen (-inf: none, or all weights 0).
  double maxLog() const { return maxLog_; }
  /// Whether every trial so far had the same weight, and not 0 (then every weighted estimate
  /// is the plain one, and the driver reports exactly that; weights all 0 leave none).
  bool constant() const { return n_ == 0 || (minLog_ == maxLog_ && maxLog_ > -std::numeric_limits<double>::infinity()); }

  /// sum w (relative to exp(maxLog)) and the rest, for the estimates below.
  double sumW() const { return s0_; }
  double sumW2() const { return s2_; }
  /// The self-normalised mean of f and its delta-method standard error; sumW() > 0.
  double mean() const { return shift_ + s1_ / s0_; }
  double stdError() const;
  /// Kish's effective sample size.
  double ess() const { return s2_ > 0 ? s0_ * s0_ / s2_ : 0.0; }
  /// The sums themselves, f taken relative to `shift` and w to exp(maxLog()), for the
  /// sequential test of a posterior (Expectation.cpp).
  struct Sums {
    double shift, w, wf, w2, w2f, w2ff;
  };
  Sums sums() const { return {shift_, s0_, s1_, s2_, s2f_, s2ff_}; }
  /// The largest log weights seen, in descending order (at most keepLargest).
  const std::vector<double>& largest() const { return largest_; }

 private:
  friend struct StateCodec;  // MPI ranks ship this state bit for bit
  void rescaleTo(double newMax);
  void keepLargest(double logWeight);

  uint32_t keep_ = 0;
  uint64_t n_ = 0;
  double maxLog_ = -std::numeric_limits<double>::infinity();
  double minLog_ = std::numeric_limits<double>::infinity();
  double shift_ = 0;
  bool shifted_ = false;
  double s0_ = 0, s1_ = 0, s2_ = 0, s2f_ = 0, s2ff_ = 0;  ///< sums of w, w f', w^2, w^2 f', w^2 f'^2; f' = f - shift
  std::vector<double> largest_;
};

/// Two scenarios' weights on the same trials (common random numbers), for the Bayes factor
/// Z_A / Z_B: sums of a, b, a^2, b^2 and a b, each weight relative to its side's largest.
class PairedWeights {
 public:
  void add(double logA, double logB);
  void merge(const PairedWeights& later);
  /// log(Z_A / Z_B) and its delta-method standard error, which uses the covariance of the
  /// paired weights: Var(log Z_A - log Z_B) = (var a / mean a^2 + var b / mean b^2 -
  /// 2 cov(a, b) / (mean a mean b)) / n. False if either side has no weight.
  bool logBayesFactor(double& logBf, double& se) const;

 private:
  friend struct StateCodec;
  void rescale(double& maxLog, double newMax, double& s, double& ss);
  uint64_t n_ = 0;
  double maxA_ = -std::numeric_limits<double>::infinity(), maxB_ = -std::numeric_limits<double>::infinity();
  double sa_ = 0, sb_ = 0, saa_ = 0, sbb_ = 0, sab_ = 0;
};

/// The generalised Pareto shape k of the tail of the weights: Zhang and Stephens' (2009)
/// estimator with the weakly informative prior of Vehtari et al., "Pareto smoothed
/// importance sampling" (JMLR 2024), fitted to the M = min(n / 5, 3 sqrt n) largest weights
/// above the next one. `largest` are log weights in descending order. NaN if too few.
double paretoKHat(const std::vector<double>& largest, uint64_t n);

/// How many of the largest log weights k-hat needs for a run of at most `trials` trials.
uint32_t paretoTailSize(uint64_t trials);

}  // namespace omen::rt
