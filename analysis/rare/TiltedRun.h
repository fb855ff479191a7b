//===- TiltedRun.h - Trials under an importance-sampling tilt, summed -------===//
//
// One run of a kernel with a tilt (runtime/kernel/TrialContext.h: per draw site, how it is
// tilted), folded into what the cross-entropy update and the estimator need: the trials
// that reached the event with their likelihood ratios, and the ratio-weighted sums of each
// tilted site's statistics over those trials. Blocks are the driver's (DriverScheduler.h),
// merged in block order, so the sums do not depend on threads or MPI ranks.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "omen/Results.h"
#include "runtime/host/Kernel.h"
#include "runtime/host/WeightedStats.h"

namespace omen::rt {

/// Sums of vectors weighted by exp(log weight), kept relative to the largest log weight.
class WeightedSums {
 public:
  explicit WeightedSums(size_t width = 0) : sums_(width, 0.0) {}
  void add(double logWeight, const double* values);
  void merge(const WeightedSums& later);
  /// The sums, each relative to the same (unknown) scale: ratios of them are what counts.
  const std::vector<double>& sums() const { return sums_; }
  double maxLog() const { return maxLog_; }

 private:
  friend struct TiltedTotalsCodec;
  double maxLog_ = -std::numeric_limits<double>::infinity();
  std::vector<double> sums_;
};

struct TiltedTotals {
  TiltedTotals() = default;
  TiltedTotals(size_t slots, uint64_t trials);
  uint64_t trials = 0, hits = 0;
  /// Per trial: its log likelihood ratio if it reached the event, else -inf (weight 0).
  WeightedStats weights;
  WeightedSums elite;          ///< per slot OMEN_TILT_STATS sums over event trials, weighted
  std::vector<double> plain;   ///< per slot OMEN_TILT_STATS sums over all trials, unweighted
  void merge(TiltedTotals&& later);
};

struct TiltedRunRequest {
  uint64_t seed = 1;
  uint64_t firstTrial = 0;  ///< trial t reads the stream of trial index firstTrial + t
  uint64_t trials = 0;
  unsigned threads = 1;
  const std::atomic<bool>* cancel = nullptr;
  size_t eventReport = 0;   ///< the P(…) report whose value is the event
  std::vector<double> params;  ///< per program site OMEN_TILT_PARAMS (OmenTilt::params)
  uint32_t slots = 0;          ///< tilted sites
};

struct TiltedRunOutcome {
  TiltedTotals totals;
  std::optional<RunError> error;
  bool cancelled = false;
};

TiltedRunOutcome runTilted(const Kernel& kernel, const std::vector<Value>& globals, const TiltedRunRequest& request);

}  // namespace omen::rt
