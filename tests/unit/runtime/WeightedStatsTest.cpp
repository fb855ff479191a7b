//===- WeightedStatsTest.cpp - Weighted sums, their merge, the Pareto k-hat ===//
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include "runtime/host/WeightedStats.h"

namespace omen::rt {
namespace {

TEST(WeightedStats, SelfNormalisedMeanAndDeltaMethodSeByHand) {
  WeightedStats s;
  // Weights 1, 2, 1 (log weights relative to anything) on values 0, 1, 3.
  s.add(std::log(1.0) + 5, 0);
  s.add(std::log(2.0) + 5, 1);
  s.add(std::log(1.0) + 5, 3);
  const double mu = (0 + 2 + 3) / 4.0;
  EXPECT_NEAR(s.mean(), mu, 1e-15);
  const double var = (1 * mu * mu + 4 * (1 - mu) * (1 - mu) + 1 * (3 - mu) * (3 - mu)) / 16;
  EXPECT_NEAR(s.stdError(), std::sqrt(var), 1e-15);
  EXPECT_NEAR(s.ess(), 16.0 / 6, 1e-15);
  EXPECT_FALSE(s.constant());
}

TEST(WeightedStats, MergeInBlocksEqualsOneSequence) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal(0, 3);
  std::vector<std::pair<double, double>> trials;
  for (int i = 0; i < 1000; ++i) trials.emplace_back(normal(rng), 100 + normal(rng));
  trials[10].first = -INFINITY;  // a weight of 0
  WeightedStats all(10), merged(10), block(10);
  for (int i = 0; i < 1000; ++i) {
    all.add(trials[i].first, trials[i].second);
    block.add(trials[i].first, trials[i].second);
    if (i % 137 == 136 || i == 999) {
      merged.merge(block);
      block = WeightedStats(10);
    }
  }
  EXPECT_EQ(merged.count(), 1000u);
  EXPECT_NEAR(merged.mean(), all.mean(), 1e-12);
  EXPECT_NEAR(merged.stdError(), all.stdError(), 1e-12);
  EXPECT_NEAR(merged.ess(), all.ess(), 1e-9);
  EXPECT_EQ(merged.largest(), all.largest());
}

TEST(WeightedStats, EqualWeightsAreConstant) {
  WeightedStats s;
  for (int i = 0; i < 10; ++i) s.add(-0.5, i);
  EXPECT_TRUE(s.constant());
  EXPECT_NEAR(s.ess(), 10, 1e-12);
}

// Generalised Pareto draws with shape k (scale 1) by inversion: x = ((1 - u)^-k - 1) / k.
std::vector<double> paretoLogWeights(double k, int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> logs;
  for (int i = 0; i < n; ++i) logs.push_back(std::log((std::pow(1 - u(rng), -k) - 1) / k));
  std::sort(logs.begin(), logs.end(), std::greater<double>());
  return logs;
}

TEST(ParetoKHat, RecoversTheShapeOfAParetoTail) {
  const int n = 100000;
  for (double k : {0.3, 0.7, 1.0}) {
    std::vector<double> logs = paretoLogWeights(k, n, 11);
    logs.resize(paretoTailSize(n));
    EXPECT_NEAR(paretoKHat(logs, n), k, 0.12) << "k = " << k;
  }
}

TEST(ParetoKHat, LightTailsAreBelowHalf) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> normal(0, 0.3);
  WeightedStats s(paretoTailSize(10000));
  for (int i = 0; i < 10000; ++i) s.add(normal(rng), 0);  // lognormal weights, sigma 0.3
  EXPECT_LT(paretoKHat(s.largest(), s.count()), 0.5);
}

TEST(PairedWeights, BayesFactorOfKnownMeans) {
  // a = 2 b on every trial: the factor is exactly 2 with no spread.
  PairedWeights p;
  for (int i = 0; i < 100; ++i) p.add(std::log(2.0) + 0.01 * i, 0.01 * i);
  double logBf = 0, se = 0;
  ASSERT_TRUE(p.logBayesFactor(logBf, se));
  EXPECT_NEAR(logBf, std::log(2.0), 1e-12);
  EXPECT_NEAR(se, 0, 1e-7);
}

}  // namespace
}  // namespace omen::rt
