//===- StatsTest.cpp - Welford, Chan merge, Wilson, exact quantiles --------===//

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/host/Statistics.h"
#include "runtime/host/StatisticsQuantiles.h"
#include "runtime/host/StatisticsReport.h"

using namespace omen;
using namespace omen::rt;

namespace {

std::vector<double> sampleData() {
  // Values with a large offset: the naive sum-of-squares formula loses every digit here,
  // a two-pass computation and Welford do not.
  std::vector<double> xs;
  uint64_t s = 12345;
  for (int i = 0; i < 10000; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    xs.push_back(1e9 + static_cast<double>(s >> 40) / 1024.0);
  }
  return xs;
}

void twoPass(const std::vector<double>& xs, double& mean, double& var) {
  double sum = 0;
  for (double x : xs) sum += x;
  mean = sum / static_cast<double>(xs.size());
  double ss = 0;
  for (double x : xs) ss += (x - mean) * (x - mean);
  var = ss / static_cast<double>(xs.size() - 1);
}

}  // namespace

TEST(Stats, WelfordMatchesTwoPassOnKnownData) {
  Welford w;
  for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) w.add(x);
  EXPECT_EQ(w.count(), 8u);
  EXPECT_DOUBLE_EQ(w.mean(), 5.0);
  EXPECT_DOUBLE_EQ(w.m2(), 32.0);
  EXPECT_DOUBLE_EQ(w.sampleVariance(), 32.0 / 7.0);
}

TEST(Stats, WelfordMatchesTwoPassWithLargeOffset) {
  std::vector<double> xs = sampleData();
  Welford w;
  for (double x : xs) w.add(x);
  double mean, var;
  twoPass(xs, mean, var);
  EXPECT_NEAR(w.mean(), mean, 1e-14 * mean);
  EXPECT_NEAR(w.sampleVariance(), var, 1e-9 * var);
}

TEST(Stats, ChanMergeEqualsSequential) {
  std::vector<double> xs = sampleData();
  Welford all;
  for (double x : xs) all.add(x);
  for (size_t cut : {size_t{0}, size_t{1}, size_t{4096}, size_t{9999}, xs.size()}) {
    Welford a, b;
    for (size_t i = 0; i < xs.size(); ++i) (i < cut ? a : b).add(xs[i]);
    a.merge(b);
    EXPECT_EQ(a.count(), all.count());
    EXPECT_NEAR(a.mean(), all.mean(), 1e-14 * all.mean()) << cut;
    EXPECT_NEAR(a.sampleVariance(), all.sampleVariance(), 1e-9 * all.sampleVariance()) << cut;
  }
  // Many small pieces, as the driver merges blocks.
  Welford pieces;
  for (size_t i = 0; i < xs.size(); i += 97) {
    Welford p;
    for (size_t j = i; j < std::min(xs.size(), i + 97); ++j) p.add(xs[j]);
    pieces.merge(p);
  }
  EXPECT_NEAR(pieces.mean(), all.mean(), 1e-14 * all.mean());
  EXPECT_NEAR(pieces.sampleVariance(), all.sampleVariance(), 1e-9 * all.sampleVariance());
}

TEST(Stats, WilsonIntervalMatchesHandComputedValues) {
  // 5 of 20: p = 0.25, z^2 = 3.84146; centre (p + z^2/40) / (1 + z^2/20) = 0.290282,
  // half width z sqrt(p(1-p)/20 + z^2/1600) / (1 + z^2/20) = 0.178419.
  Interval ci = wilsonInterval(5, 20);
  EXPECT_NEAR(ci.low, 0.11186170140766569, 1e-14);
  EXPECT_NEAR(ci.high, 0.468700877618744, 1e-14);
  // At k = 0 the interval is [0, z^2/(n + z^2)], not the degenerate Wald [0, 0].
  Interval zero = wilsonInterval(0, 10);
  EXPECT_EQ(zero.low, 0.0);
  EXPECT_NEAR(zero.high, 0.2775327998628892, 1e-14);
  Interval all = wilsonInterval(10, 10);
  EXPECT_NEAR(all.low, 0.7224672001371107, 1e-14);
  EXPECT_EQ(all.high, 1.0);
}

TEST(Stats, ExactQuantilesUseType7) {
  // numpy.quantile([1..10], [.05,.25,.5,.75,.95]) = 1.45, 3.25, 5.5, 7.75, 9.55
  std::vector<double> xs = {7, 3, 10, 1, 9, 2, 8, 6, 4, 5};
  std::vector<double> levels(kQuantileLevels.begin(), kQuantileLevels.end());
  std::vector<double> q = exactQuantiles(xs, levels);
  ASSERT_EQ(q.size(), 5u);
  EXPECT_DOUBLE_EQ(q[0], 1.45);
  EXPECT_DOUBLE_EQ(q[1], 3.25);
  EXPECT_DOUBLE_EQ(q[2], 5.5);
  EXPECT_DOUBLE_EQ(q[3], 7.75);
  EXPECT_DOUBLE_EQ(q[4], 9.55);

  std::vector<double> one = {42};
  for (double v : exactQuantiles(one, levels)) EXPECT_EQ(v, 42);

  // Ties and an odd count: numpy gives 1, 1, 2, 3, 3 for [3,1,2,1,3].
  std::vector<double> ties = {3, 1, 2, 1, 3};
  std::vector<double> t = exactQuantiles(ties, levels);
  EXPECT_DOUBLE_EQ(t[0], 1);
  EXPECT_DOUBLE_EQ(t[1], 1);
  EXPECT_DOUBLE_EQ(t[2], 2);
  EXPECT_DOUBLE_EQ(t[3], 3);
  EXPECT_DOUBLE_EQ(t[4], 3);
}

TEST(Stats, OrderStatisticsAreWhatAFullSortGives) {
  // Ranks in any order, repeated, at both ends and next to each other, on values with ties.
  std::vector<double> xs;
  uint64_t state = 12345;
  for (int i = 0; i < 10007; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    xs.push_back(static_cast<double>((state >> 33) % 5000));
  }
  std::vector<double> sorted = xs;
  std::sort(sorted.begin(), sorted.end());
  std::vector<uint64_t> ranks = {9000, 0, 10006, 5003, 5002, 5003, 17, 9999, 1, 4000};
  std::vector<double> got = orderStatistics(xs, ranks);
  ASSERT_EQ(got.size(), ranks.size());
  for (size_t i = 0; i < ranks.size(); ++i) EXPECT_EQ(got[i], sorted[ranks[i]]) << "rank " << ranks[i];
  std::sort(xs.begin(), xs.end());
  EXPECT_EQ(xs, sorted);  // only reordered
}

TEST(Stats, OneReadingGivesTheQuantilesAndTheOrderStatisticsOfSeparateOnes) {
  std::vector<double> xs;
  uint64_t state = 777;
  for (int i = 0; i < 20011; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    xs.push_back(static_cast<double>(state >> 11) * 0x1p-53);
  }
  std::vector<double> levels = {0.05, 0.25, 0.5, 0.75, 0.95};
  std::vector<uint64_t> ranks = {903, 1097, 20010, 0, 10005, 10005, 18912};
  std::vector<double> a = xs, b = xs;
  QuantileReading read = exactReading(xs, levels, ranks);
  EXPECT_EQ(read.quantiles, exactQuantiles(a, levels));
  EXPECT_EQ(read.orderStatistics, orderStatistics(b, ranks));
}

TEST(Stats, QuantileAccumulatorSwitchesToSketchPastItsCap) {
  QuantileAccumulator small(1000);
  for (int i = 0; i < 1000; ++i) small.add(i);
  EXPECT_FALSE(small.sketched());
  QuantileAccumulator later(1000);
  for (int i = 1000; i < 200000; ++i) later.add(i);
  small.merge(std::move(later));
  EXPECT_TRUE(small.sketched());
  EXPECT_EQ(small.count(), 200000u);
  EXPECT_GT(small.rankError(), 0.0);
  std::vector<double> q = small.read({0.5}, {}).quantiles;
  EXPECT_LT(small.rankError(), 0.001);
  // Value v has rank v + 1; the median's target rank is 1 + 0.5 * 199999.
  EXPECT_LE(std::abs(q[0] + 1 - 100000.5), small.rankError() * 200000);
}

TEST(Stats, ProbabilityReportRestsOnItsOwnN) {
  ReportAccumulator acc(ReportKind::Probability);
  // 10 trials, given holds in 4 of them, the event in 1 of those 4 (and in others too,
  // which must not count).
  double outcomes[10][2] = {{1, 1}, {1, 0}, {0, 1}, {0, 1}, {1, 0},
                            {0, 0}, {1, 0}, {0, 1}, {0, 0}, {0, 1}};
  for (auto& o : outcomes) acc.add(o[0], o[1]);
  ReportResult r = acc.finish({"P(a | b)", ReportKind::Probability, true});
  EXPECT_EQ(r.n, 4u);
  EXPECT_FALSE(r.undefined);
  EXPECT_DOUBLE_EQ(r.estimate, 0.25);
  EXPECT_DOUBLE_EQ(r.stdError, std::sqrt(0.25 * 0.75 / 4));
  Interval ci = wilsonInterval(1, 4);
  EXPECT_EQ(r.ciLow, ci.low);
  EXPECT_EQ(r.ciHigh, ci.high);
}

TEST(Stats, MeanReportGivesNormalInterval) {
  ReportAccumulator acc(ReportKind::Mean);
  for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) acc.add(1, x);
  acc.add(0, 1000);  // condition false: ignored
  ReportResult r = acc.finish({"E(x)", ReportKind::Mean, false});
  EXPECT_EQ(r.n, 8u);
  EXPECT_DOUBLE_EQ(r.estimate, 5.0);
  double se = std::sqrt(32.0 / 7.0 / 8.0);
  EXPECT_DOUBLE_EQ(r.stdError, se);
  EXPECT_DOUBLE_EQ(r.ciLow, 5.0 - kZ95 * se);
  EXPECT_DOUBLE_EQ(r.ciHigh, 5.0 + kZ95 * se);
  EXPECT_TRUE(r.hasSpread);
}

TEST(Stats, ReportWithNoTrialsIsUndefinedNotNaN) {
  for (ReportKind kind : {ReportKind::Probability, ReportKind::Mean, ReportKind::Quantiles}) {
    ReportAccumulator acc(kind);
    acc.add(0, 1);
    ReportResult r = acc.finish({"x", kind, true});
    EXPECT_TRUE(r.undefined);
    EXPECT_EQ(r.n, 0u);
    EXPECT_FALSE(std::isnan(r.estimate));
    EXPECT_TRUE(r.quantiles.empty());
  }
}

TEST(Stats, MeanOfOneValueHasNoSpread) {
  ReportAccumulator acc(ReportKind::Mean);
  acc.add(1, 3.5);
  ReportResult r = acc.finish({"E(x)", ReportKind::Mean, false});
  EXPECT_EQ(r.n, 1u);
  EXPECT_FALSE(r.undefined);
  EXPECT_FALSE(r.hasSpread);
  EXPECT_EQ(r.estimate, 3.5);
}
