//===- StatisticsQuantiles.cpp - Exact quantiles, then a sketch ------------===//

#include "runtime/host/StatisticsQuantiles.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "runtime/host/Statistics.h"

namespace omen::rt {

/// Puts the order statistic of every rank in [rFirst, rLast) (ascending, distinct, relative
/// to `first`) at its place. Selecting the middle rank splits the values and the ranks in two
/// halves, so m ranks cost O(n log m) instead of the O(n m) of one selection each.
static void selectRanks(std::vector<double>::iterator first, std::vector<double>::iterator last,
                        const uint64_t* rFirst, const uint64_t* rLast, uint64_t base) {
  if (rFirst == rLast) return;
  const uint64_t* middle = rFirst + (rLast - rFirst) / 2;
  auto at = first + static_cast<std::ptrdiff_t>(*middle - base);
  std::nth_element(first, at, last);
  selectRanks(first, at, rFirst, middle, base);
  selectRanks(at + 1, last, middle + 1, rLast, *middle + 1);
}

std::pair<uint64_t, uint64_t> quantileIntervalRanks(uint64_t count, double p) {
  const double n = static_cast<double>(count), s = std::sqrt(n * p * (1 - p));
  return {static_cast<uint64_t>(std::clamp(std::floor(n * p - kZ95 * s), 1.0, n)) - 1,
          static_cast<uint64_t>(std::clamp(std::ceil(n * p + kZ95 * s), 1.0, n)) - 1};
}

std::vector<double> orderStatistics(std::vector<double>& values, std::vector<uint64_t> ranks) {
  std::vector<uint64_t> distinct = ranks;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  assert(distinct.empty() || distinct.back() < values.size());
  selectRanks(values.begin(), values.end(), distinct.data(), distinct.data() + distinct.size(), 0);
  std::vector<double> out;
  out.reserve(ranks.size());
  for (uint64_t r : ranks) out.push_back(values[r]);
  return out;
}

QuantileReading exactReading(std::vector<double>& values, const std::vector<double>& levels,
                             const std::vector<uint64_t>& ranks) {
  assert(!values.empty());
  size_t n = values.size();
  // Each level interpolates between the order statistics of ranks floor(h) and floor(h) + 1;
  // the other ranks follow them in one selection.
  std::vector<uint64_t> all;
  std::vector<double> fractions;
  for (double p : levels) {
    double h = static_cast<double>(n - 1) * p;
    size_t lo = std::min(static_cast<size_t>(std::floor(h)), n - 1);
    fractions.push_back(h - static_cast<double>(lo));
    all.push_back(lo);
    all.push_back(std::min(lo + 1, n - 1));
  }
  all.insert(all.end(), ranks.begin(), ranks.end());
  std::vector<double> at = orderStatistics(values, all);
  QuantileReading out;
  out.quantiles.reserve(levels.size());
  for (size_t i = 0; i < levels.size(); ++i) {
    double a = at[2 * i], b = at[2 * i + 1], frac = fractions[i];
    out.quantiles.push_back(frac > 0 && a != b ? a + frac * (b - a) : a);
  }
  out.orderStatistics.assign(at.begin() + static_cast<std::ptrdiff_t>(2 * levels.size()), at.end());
  return out;
}

std::vector<double> exactQuantiles(std::vector<double>& values, const std::vector<double>& levels) {
  return exactReading(values, levels, {}).quantiles;
}

void QuantileAccumulator::add(double x) {
  if (sketch_) {
    sketch_->add(x);
    return;
  }
  exact_.push_back(x);
  if (exact_.size() > cap_) spill();
}

void QuantileAccumulator::spill() {
  sketch_ = std::make_unique<QuantileSketch>(sketchCapacity_);
  for (double x : exact_) sketch_->add(x);
  std::vector<double>().swap(exact_);
}

void QuantileAccumulator::merge(QuantileAccumulator&& later) {
  if (later.sketch_) {
    if (!sketch_) spill();
    sketch_->merge(*later.sketch_);
  }
  if (!sketch_ && exact_.size() + later.exact_.size() <= cap_)
    exact_.insert(exact_.end(), later.exact_.begin(), later.exact_.end());  // add() each, at once
  else
    for (double x : later.exact_) add(x);
  later.exact_.clear();
  later.sketch_.reset();
}

uint64_t QuantileAccumulator::count() const {
  return exact_.size() + (sketch_ ? sketch_->count() : 0);
}

QuantileReading QuantileAccumulator::read(const std::vector<double>& levels, const std::vector<uint64_t>& ranks) {
  if (!sketch_) return exactReading(exact_, levels, ranks);
  QuantileReading out;
  for (double p : levels) out.quantiles.push_back(sketch_->quantile(p));
  uint64_t n = count();
  for (uint64_t k : ranks)
    out.orderStatistics.push_back(
        sketch_->quantile(n > 1 ? static_cast<double>(k) / static_cast<double>(n - 1) : 0.5));
  return out;
}

size_t QuantileAccumulator::retained() const { return sketch_ ? sketch_->retained() : exact_.size(); }

double QuantileAccumulator::rankError() const { return sketch_ ? sketch_->relativeRankError() : 0; }

}  // namespace omen::rt
