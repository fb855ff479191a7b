//===- StatisticsQuantiles.cpp - Exact quantiles, then a sketch ------------===//

#include "runtime/host/StatisticsQuantiles.h"

#include <algorithm>
#include <cassert>
#include <cmath>

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

std::vector<double> exactQuantiles(std::vector<double>& values,
                                   const std::vector<double>& levels) {
  assert(!values.empty());
  size_t n = values.size();
  // Each level interpolates between the order statistics of ranks floor(h) and floor(h) + 1.
  std::vector<uint64_t> ranks;
  std::vector<double> fractions;
  for (double p : levels) {
    double h = static_cast<double>(n - 1) * p;
    size_t lo = std::min(static_cast<size_t>(std::floor(h)), n - 1);
    fractions.push_back(h - static_cast<double>(lo));
    ranks.push_back(lo);
    ranks.push_back(std::min(lo + 1, n - 1));
  }
  std::vector<double> at = orderStatistics(values, ranks);
  std::vector<double> out;
  out.reserve(levels.size());
  for (size_t i = 0; i < levels.size(); ++i) {
    double a = at[2 * i], b = at[2 * i + 1], frac = fractions[i];
    out.push_back(frac > 0 && a != b ? a + frac * (b - a) : a);
  }
  return out;
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
  for (double x : later.exact_) add(x);
  later.exact_.clear();
  later.sketch_.reset();
}

uint64_t QuantileAccumulator::count() const {
  return exact_.size() + (sketch_ ? sketch_->count() : 0);
}

std::vector<double> QuantileAccumulator::quantiles(const std::vector<double>& levels) {
  if (!sketch_) return exactQuantiles(exact_, levels);
  std::vector<double> out;
  for (double p : levels) out.push_back(sketch_->quantile(p));
  return out;
}

std::vector<double> QuantileAccumulator::orderStatistics(const std::vector<uint64_t>& ranks) {
  if (!sketch_) return rt::orderStatistics(exact_, ranks);
  std::vector<double> out;
  uint64_t n = count();
  for (uint64_t k : ranks)
    out.push_back(sketch_->quantile(n > 1 ? static_cast<double>(k) / static_cast<double>(n - 1) : 0.5));
  return out;
}

size_t QuantileAccumulator::retained() const { return sketch_ ? sketch_->retained() : exact_.size(); }

double QuantileAccumulator::rankError() const { return sketch_ ? sketch_->relativeRankError() : 0; }

}  // namespace omen::rt
