//===- QuantileSketch.cpp - A deterministic mergeable quantile sketch ------===//

#include "runtime/host/QuantileSketch.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace omen::rt {

QuantileSketch::QuantileSketch(uint32_t capacity) : capacity_(capacity) {
  assert(capacity >= 2 && capacity % 2 == 0);
  levels_.resize(1);
  levels_[0].items.reserve(capacity_);
}

uint32_t QuantileSketch::capacityWithin(uint64_t items, uint64_t count) {
  for (uint32_t k = kDefaultCapacity; k > 2; k /= 2) {
    uint64_t levels = 1;
    if (count >= k) levels = static_cast<uint64_t>(std::floor(std::log2(static_cast<double>(count) / k))) + 2;
    if (uint64_t{k} * levels <= items) return k;
  }
  return 2;
}

void QuantileSketch::add(double x) {
  ++n_;
  levels_[0].items.push_back(x);
  if (levels_[0].items.size() >= capacity_) compactFrom(0);
}

void QuantileSketch::compactFrom(size_t h) {
  for (; h < levels_.size(); ++h) {
    if (levels_[h].items.size() < capacity_) break;
    compact(h);
  }
}

void QuantileSketch::compact(size_t h) {
  if (h + 1 == levels_.size()) levels_.emplace_back();
  std::vector<double>& items = levels_[h].items;
  std::sort(items.begin(), items.end());
  // An odd item out (possible after a merge) stays behind: the largest, deterministically.
  size_t paired = items.size() & ~size_t{1};
  bool odd = levels_[h].nextOdd;
  levels_[h].nextOdd = !odd;
  (odd ? levels_[h].oddCompactions : levels_[h].evenCompactions) += 1;
  std::vector<double>& up = levels_[h + 1].items;
  for (size_t i = odd ? 1 : 0; i < paired; i += 2) up.push_back(items[i]);
  bool keepLast = paired < items.size();
  double last = keepLast ? items.back() : 0;
  items.clear();
  if (keepLast) items.push_back(last);
}

void QuantileSketch::merge(const QuantileSketch& other) {
  if (other.levels_.size() > levels_.size()) levels_.resize(other.levels_.size());
  for (size_t h = 0; h < other.levels_.size(); ++h) {
    const Level& src = other.levels_[h];
    Level& dst = levels_[h];
    dst.items.insert(dst.items.end(), src.items.begin(), src.items.end());
    dst.evenCompactions += src.evenCompactions;
    dst.oddCompactions += src.oddCompactions;
  }
  n_ += other.n_;
  // Bottom-up, so that what a compaction pushes up is seen by the level above.
  for (size_t h = 0; h < levels_.size(); ++h)
    if (levels_[h].items.size() >= capacity_) compact(h);
}

std::vector<std::pair<double, uint64_t>> QuantileSketch::weightedItems() const {
  std::vector<std::pair<double, uint64_t>> all;
  all.reserve(retained());
  for (size_t h = 0; h < levels_.size(); ++h)
    for (double x : levels_[h].items) all.emplace_back(x, uint64_t{1} << h);
  std::sort(all.begin(), all.end());
  return all;
}

double QuantileSketch::quantile(double p) const {
  assert(n_ > 0);
  std::vector<std::pair<double, uint64_t>> all = weightedItems();
  double target = 1 + p * static_cast<double>(n_ - 1);
  uint64_t cumulative = 0;
  for (const auto& [value, weight] : all) {
    cumulative += weight;
    if (static_cast<double>(cumulative) >= target) return value;
  }
  return all.back().first;
}

uint64_t QuantileSketch::rankErrorBound() const {
  uint64_t even = 0, odd = 0;
  for (size_t h = 0; h < levels_.size(); ++h) {
    even += levels_[h].evenCompactions << h;
    odd += levels_[h].oddCompactions << h;
  }
  return std::max(even, odd);
}

double QuantileSketch::relativeRankError() const {
  if (n_ == 0) return 0;
  return static_cast<double>(rankErrorBound() + 1) / static_cast<double>(n_);
}

size_t QuantileSketch::retained() const {
  size_t total = 0;
  for (const Level& level : levels_) total += level.items.size();
  return total;
}

}  // namespace omen::rt
