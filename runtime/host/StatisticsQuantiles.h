//===- StatisticsQuantiles.h - Exact quantiles, then a sketch --------------===//
//
// `quantiles(x)` keeps every value up to a cap of 10^7 (80 MB) and reads exact quantiles
// with the Hyndman-Fan type 7 rule (numpy's default); past the cap it moves its values into
// a QuantileSketch, whose proven rank-error bound the output states. A sketch smaller than
// the default keeps a share of the budget bounded (many reports, a sweep's many points).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/host/QuantileSketch.h"

namespace omen::rt {

struct StateCodec;

/// The levels every `quantiles(...)` report prints.
inline constexpr std::array<double, 5> kQuantileLevels = {0.05, 0.25, 0.5, 0.75, 0.95};

/// Up to this many values quantiles are exact.
inline constexpr uint64_t kExactQuantileCap = 10'000'000;

/// Hyndman-Fan type 7 on unsorted `values` (reordered in place): with h = (n - 1) p,
/// x(floor h) + (h - floor h) (x(floor h + 1) - x(floor h)), x(i) the 0-based order
/// statistics. `levels` must be ascending; values must be non-empty.
std::vector<double> exactQuantiles(std::vector<double>& values, const std::vector<double>& levels);

/// The order statistics of the 0-based `ranks` (each < values.size(), in any order) of
/// unsorted `values`, reordered in place: what a full sort would give, at O(n log m) for m
/// distinct ranks.
std::vector<double> orderStatistics(std::vector<double>& values, std::vector<uint64_t> ranks);

class QuantileAccumulator {
 public:
  /// Exact up to `exactCap` values, then a sketch of `sketchCapacity` items per level.
  explicit QuantileAccumulator(uint64_t exactCap = kExactQuantileCap,
                               uint32_t sketchCapacity = QuantileSketch::kDefaultCapacity)
      : cap_(exactCap), sketchCapacity_(sketchCapacity) {}

  void add(double x);
  /// Appends `later` (values of later trials), in order.
  void merge(QuantileAccumulator&& later);

  uint64_t count() const;
  bool sketched() const { return sketch_ != nullptr; }
  /// Requires count() > 0. Reorders the exact store (the accumulator stays usable).
  std::vector<double> quantiles(const std::vector<double>& levels);
  /// The order statistics of the 0-based `ranks`, each < count() (from the sketch: its
  /// quantile at k / (count() - 1)). Reorders the exact store.
  std::vector<double> orderStatistics(const std::vector<uint64_t>& ranks);
  /// Relative rank-error bound of the sketch; 0 while exact.
  double rankError() const;
  /// Values held in memory: the exact store, or the sketch's items.
  size_t retained() const;

 private:
  friend struct StateCodec;  // MPI ranks ship this state bit for bit
  void spill();

  uint64_t cap_;
  uint32_t sketchCapacity_;
  std::vector<double> exact_;
  std::unique_ptr<QuantileSketch> sketch_;
};

}  // namespace omen::rt
