//===- StatisticsReport.h - One report's accumulator and its estimate ------===//
//
// A ReportAccumulator eats the kernel's [given, value] outcome pairs for one report and
// turns into a ReportResult at the end. Conditional reports rest on their own n: only the
// trials where `given` held enter the estimate.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/host/Kernel.h"
#include "omen/Results.h"
#include "runtime/host/Statistics.h"
#include "runtime/host/StatisticsQuantiles.h"
#include "runtime/host/WeightedStats.h"

namespace omen::rt {

struct StateCodec;

/// What a weighted scenario's accumulators also keep (WeightedStats.h): a report's weighted
/// sums, or, for the one accumulator after the reports, the weights of all trials.
enum class Weighting : uint8_t { None, Report, Evidence };

class ReportAccumulator {
 public:
  explicit ReportAccumulator(ReportKind kind, uint64_t exactQuantileCap = kExactQuantileCap,
                             std::vector<double> levels = {}, Weighting weighting = Weighting::None,
                             uint32_t paretoTail = 0, uint32_t sketchCapacity = QuantileSketch::kDefaultCapacity)
      : kind_(kind), quantiles_(exactQuantileCap, sketchCapacity), levels_(std::move(levels)), weighting_(weighting),
        weighted_(paretoTail) {}

  /// One trial's outcome; `given` is 0 or 1, `value` finite (the driver checks).
  void add(double given, double value) {
    if (given == 0) return;
    switch (kind_) {
      case ReportKind::Probability:
        count_.add(value != 0);
        break;
      case ReportKind::Mean:
        moments_.add(value);
        break;
      case ReportKind::Quantiles:
        quantiles_.add(value);
        break;
    }
  }

  /// add() for `count` trials in order: this report's (given, value) pairs at `pairs`,
  /// `stride` doubles apart (StatisticsRows.cpp). The same bits as calling add() for each.
  void addRows(const double* pairs, size_t stride, uint32_t count);
  /// A weighted scenario's rows: addRows, and the weighted sums with each trial's log weight
  /// at `logWeights` (same stride). The Evidence accumulator reads only the log weights.
  void addWeightedRows(const double* pairs, const double* logWeights, size_t stride, uint32_t count);

  /// Folds in the accumulator of the trials that come right after these ones.
  void merge(ReportAccumulator&& later);

  uint64_t count() const;
  ReportKind kind() const { return kind_; }

  /// A probability or mean report so far: its n, estimate and variance per trial (p(1 - p)
  /// for a probability, the sample variance for a mean), for stopping rules.
  struct Moments {
    uint64_t n = 0;
    double estimate = 0;
    double variance = 0;
  };
  Moments moments() const;

  /// The estimate (the quantile store is reordered, nothing else changes). `evidence`: the
  /// scenario's weights when it observes; while they do not vary the estimate is the plain one.
  ReportResult finish(const ReportInfo& info, const WeightedStats* evidence = nullptr);

  Weighting weighting() const { return weighting_; }
  /// Quantile values held in memory (QuantileAccumulator::retained).
  size_t retainedQuantiles() const { return quantiles_.retained(); }
  const WeightedStats& weighted() const { return weighted_; }

 private:
  friend struct StateCodec;  // MPI ranks ship this state bit for bit
  ReportKind kind_;
  ProbabilityCount count_;
  Welford moments_;
  QuantileAccumulator quantiles_;
  std::vector<double> levels_;  ///< empty: kQuantileLevels
  Weighting weighting_;
  WeightedStats weighted_;
  /// Quantile reports of a weighted scenario: every (value, log weight), in trial order.
  std::vector<std::pair<double, double>> weightedValues_;

  void finishWeighted(ReportResult& r);
};

}  // namespace omen::rt
