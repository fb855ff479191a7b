//===- SketchTest.cpp - The quantile sketch keeps its stated rank error ----===//

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/host/QuantileSketch.h"
#include "runtime/host/StatisticsQuantiles.h"

using namespace omen;
using namespace omen::rt;

namespace {

uint64_t splitmix(uint64_t& s) {
  uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// The worst distance, over the five levels, between the requested rank 1 + p (n - 1) and
/// the true rank range [#(< x) + 1, #(<= x)] of the value x the sketch returned.
double worstRankError(const QuantileSketch& sketch, const std::vector<double>& sorted) {
  double worst = 0;
  double n = static_cast<double>(sorted.size());
  for (double p : kQuantileLevels) {
    double x = sketch.quantile(p);
    double below = static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
    double upTo = static_cast<double>(std::upper_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
    double target = 1 + p * (n - 1);
    double err = target < below + 1 ? below + 1 - target : (target > upTo ? target - upTo : 0);
    worst = std::max(worst, err);
  }
  return worst;
}

void checkStream(const std::vector<double>& values) {
  QuantileSketch sketch;
  for (double v : values) sketch.add(v);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  double n = static_cast<double>(values.size());
  double measured = worstRankError(sketch, sorted);
  SCOPED_TRACE(::testing::Message() << "measured " << measured / n << " bound "
                                    << sketch.relativeRankError());
  EXPECT_EQ(sketch.count(), values.size());
  EXPECT_LE(measured, sketch.relativeRankError() * n);
  EXPECT_LT(sketch.relativeRankError(), 0.001);
  // The memory stays small: a few levels of 32768 items, not the stream.
  EXPECT_LT(sketch.retained(), 40u * QuantileSketch::kDefaultCapacity);
}

}  // namespace

TEST(Sketch, RankErrorWithinBoundOnTenMillionRandomValues) {
  const size_t n = 10'000'000 + 12'345;
  std::vector<double> values(n);
  uint64_t s = 7;
  for (double& v : values) v = static_cast<double>(splitmix(s) >> 11) * 0x1p-53;
  checkStream(values);
}

TEST(Sketch, RankErrorWithinBoundOnSortedInputWithTies) {
  // Ascending input with heavy ties: the adversarial order for compactors.
  const size_t n = 10'000'001;
  std::vector<double> values(n);
  for (size_t i = 0; i < n; ++i) values[i] = static_cast<double>(i / 7);
  checkStream(values);
}

TEST(Sketch, MergeKeepsTheBoundAndTheCount) {
  const size_t pieces = 40, each = 100'000;
  std::vector<double> all;
  QuantileSketch merged;
  uint64_t s = 99;
  for (size_t k = 0; k < pieces; ++k) {
    QuantileSketch part;
    for (size_t i = 0; i < each; ++i) {
      // Each piece covers a shifted range, so the merge has to interleave them.
      double v = static_cast<double>(k % 5) + static_cast<double>(splitmix(s) >> 11) * 0x1p-53;
      part.add(v);
      all.push_back(v);
    }
    merged.merge(part);
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(merged.count(), all.size());
  EXPECT_LE(worstRankError(merged, all), merged.relativeRankError() * static_cast<double>(all.size()));
  EXPECT_LT(merged.relativeRankError(), 0.001);
}

TEST(Sketch, IsDeterministic) {
  QuantileSketch a, b;
  uint64_t s1 = 5, s2 = 5;
  for (int i = 0; i < 300000; ++i) {
    a.add(static_cast<double>(splitmix(s1) >> 11));
    b.add(static_cast<double>(splitmix(s2) >> 11));
  }
  for (double p : kQuantileLevels) EXPECT_EQ(a.quantile(p), b.quantile(p));
  EXPECT_EQ(a.rankErrorBound(), b.rankErrorBound());
}

TEST(Sketch, SmallStreamIsExact) {
  QuantileSketch sketch;
  for (int i = 100; i >= 1; --i) sketch.add(i);
  EXPECT_EQ(sketch.rankErrorBound(), 0u);
  EXPECT_EQ(sketch.quantile(0), 1);
  EXPECT_EQ(sketch.quantile(1), 100);
  // Rank 1 + 0.5 * 99 = 50.5: the first item whose cumulative count reaches it is 51.
  EXPECT_EQ(sketch.quantile(0.5), 51);
}
