//===- StatisticsQuantiles.cpp - Exact quantiles, then a sketch ------------===//

#include "runtime/host/StatisticsQuantiles.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace omen::rt {

std::vector<double> exactQuantiles(std::vector<double>& values,
                                   const std::vector<double>& levels) {
  assert(!values.empty());
  size_t n = values.size();
  std::vector<double> out;
  out.reserve(levels.size());
  // Successive selections on the shrinking tail: O(n) per level instead of a full sort.
  // Invariant: values[0, settled) are the `settled` smallest values, so selecting inside
  // [settled, n) yields the global order statistic, exactly what a full sort would give.
  size_t settled = 0;
  for (double p : levels) {
    double h = static_cast<double>(n - 1) * p;
    size_t lo = static_cast<size_t>(std::floor(h));
    if (lo >= n) lo = n - 1;
    double frac = h - static_cast<double>(lo);
    auto begin = values.begin() + static_cast<std::ptrdiff_t>(std::min(settled, lo));
    std::nth_element(begin, values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    double a = values[lo];
    double q = a;
    if (frac > 0 && lo + 1 < n) {
      double b = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo + 1),
                                   values.end());
      q = a == b ? a : a + frac * (b - a);
    }
    out.push_back(q);
    settled = lo;
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
  sketch_ = std::make_unique<QuantileSketch>();
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

double QuantileAccumulator::orderStatistic(uint64_t k) {
  if (sketch_) {
    uint64_t n = count();
    return sketch_->quantile(n > 1 ? static_cast<double>(k) / static_cast<double>(n - 1) : 0.5);
  }
  auto at = exact_.begin() + static_cast<std::ptrdiff_t>(k);
  std::nth_element(exact_.begin(), at, exact_.end());
  return *at;
}

double QuantileAccumulator::rankError() const { return sketch_ ? sketch_->relativeRankError() : 0; }

}  // namespace omen::rt
