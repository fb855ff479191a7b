//===- PairedTest.cpp - Paired differences on common random numbers --------===//

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/host/Paired.h"

using namespace omen;
using namespace omen::rt;

namespace {
struct Trial {
  double gA, vA, gB, vB;
};

PairedMoments accumulate(const std::vector<Trial>& trials) {
  PairedMoments m;
  for (const Trial& t : trials) m.add(t.gA, t.vA, t.gB, t.vB);
  return m;
}

uint64_t lcg(uint64_t& s) {
  s = s * 6364136223846793005ULL + 1442695040888963407ULL;
  return s >> 33;
}
}  // namespace

TEST(Paired, CorrelatedBernoullisMatchClosedForm) {
  // Two Bernoullis observed together: n11 trials where both happen, n10 only A, n01 only B.
  // The paired difference d_i = a_i - b_i has mean (n10 - n01)/n and sample variance
  // (n10 + n01 - n dbar^2)/(n - 1); se = sqrt(var / n).
  const uint64_t n11 = 300, n10 = 120, n01 = 45, n00 = 535;
  std::vector<Trial> trials;
  for (uint64_t i = 0; i < n11; ++i) trials.push_back({1, 1, 1, 1});
  for (uint64_t i = 0; i < n10; ++i) trials.push_back({1, 1, 1, 0});
  for (uint64_t i = 0; i < n01; ++i) trials.push_back({1, 0, 1, 1});
  for (uint64_t i = 0; i < n00; ++i) trials.push_back({1, 0, 1, 0});
  // Interleave deterministically so no block is homogeneous.
  uint64_t s = 3;
  for (size_t i = trials.size(); i > 1; --i) std::swap(trials[i - 1], trials[lcg(s) % i]);

  PairedDifference d = pairedDifference(accumulate(trials));
  double n = static_cast<double>(n11 + n10 + n01 + n00);
  double dbar = (static_cast<double>(n10) - static_cast<double>(n01)) / n;
  double var = (static_cast<double>(n10 + n01) - n * dbar * dbar) / (n - 1);
  double se = std::sqrt(var / n);
  ASSERT_FALSE(d.undefined);
  EXPECT_NEAR(d.difference, 0.075, 1e-15);
  EXPECT_NEAR(d.difference, dbar, 1e-15);
  EXPECT_NEAR(d.stdError, se, 1e-13);
  EXPECT_NEAR(d.ci.low, dbar - kZ95 * se, 1e-12);
  EXPECT_NEAR(d.ci.high, dbar + kZ95 * se, 1e-12);
  // The pairing matters: treating A and B as independent samples would give a larger se.
  double pA = (n11 + n10) / n, pB = (n11 + n01) / n;
  double independent = std::sqrt(pA * (1 - pA) / n + pB * (1 - pB) / n);
  EXPECT_LT(d.stdError, independent);
}

TEST(Paired, IdenticalScenariosHaveZeroDifferenceAndZeroError) {
  std::vector<Trial> trials;
  uint64_t s = 11;
  for (int i = 0; i < 5000; ++i) {
    double v = static_cast<double>(lcg(s) % 1000) / 7.0;
    trials.push_back({1, v, 1, v});
  }
  PairedDifference d = pairedDifference(accumulate(trials));
  EXPECT_EQ(d.difference, 0.0);
  EXPECT_NEAR(d.stdError, 0.0, 1e-12);
}

TEST(Paired, ConditionalReportsUseTheDeltaMethod) {
  // E(value | given) in A and in B, on different conditions. The delta-method variance of
  // the ratio difference equals the sample variance of the linearised residuals
  // z_i = (Y_Ai - r_A G_Ai)/mean(G_A) - (Y_Bi - r_B G_Bi)/mean(G_B), divided by n: an
  // independent two-pass computation.
  std::vector<Trial> trials;
  uint64_t s = 17;
  for (int i = 0; i < 20000; ++i) {
    double u = static_cast<double>(lcg(s) % 10000) / 10000.0;
    double w = static_cast<double>(lcg(s) % 10000) / 10000.0;
    double x = 10 * u + 3 * w;
    trials.push_back({u < 0.3 ? 1.0 : 0.0, x, u < 0.6 ? 1.0 : 0.0, x + w});
  }
  PairedDifference d = pairedDifference(accumulate(trials));

  double n = static_cast<double>(trials.size());
  double sYA = 0, sGA = 0, sYB = 0, sGB = 0;
  for (const Trial& t : trials) {
    sYA += t.gA * t.vA;
    sGA += t.gA;
    sYB += t.gB * t.vB;
    sGB += t.gB;
  }
  double rA = sYA / sGA, rB = sYB / sGB, gA = sGA / n, gB = sGB / n;
  std::vector<double> z;
  double zsum = 0;
  for (const Trial& t : trials) {
    z.push_back((t.gA * t.vA - rA * t.gA) / gA - (t.gB * t.vB - rB * t.gB) / gB);
    zsum += z.back();
  }
  double zbar = zsum / n, ss = 0;
  for (double v : z) ss += (v - zbar) * (v - zbar);
  double se = std::sqrt(ss / (n - 1) / n);

  EXPECT_NEAR(d.difference, rA - rB, 1e-12);
  EXPECT_NEAR(d.stdError, se, 1e-9 * se);
  EXPECT_GT(d.stdError, 0.0);
}

TEST(Paired, ConditionNeverHeldIsUndefined) {
  std::vector<Trial> trials = {{0, 1, 1, 1}, {0, 0, 1, 0}};
  EXPECT_TRUE(pairedDifference(accumulate(trials)).undefined);
  EXPECT_TRUE(pairedDifference(PairedMoments()).undefined);
}

TEST(Paired, MergeEqualsSequential) {
  std::vector<Trial> trials;
  uint64_t s = 23;
  for (int i = 0; i < 10000; ++i) {
    double u = static_cast<double>(lcg(s) % 1000);
    trials.push_back({u < 400 ? 1.0 : 0.0, u, 1, u * 0.5 + 3});
  }
  PairedMoments all = accumulate(trials), merged;
  for (size_t i = 0; i < trials.size(); i += 4096) {
    PairedMoments part;
    for (size_t j = i; j < std::min(trials.size(), i + 4096); ++j)
      part.add(trials[j].gA, trials[j].vA, trials[j].gB, trials[j].vB);
    merged.merge(part);
  }
  EXPECT_EQ(merged.count(), all.count());
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(merged.mean()(i), all.mean()(i), 1e-12 * std::abs(all.mean()(i)) + 1e-15);
    for (int j = 0; j < 4; ++j)
      EXPECT_NEAR(merged.comoment()(i, j), all.comoment()(i, j),
                  1e-9 * std::abs(all.comoment()(i, j)) + 1e-9);
  }
  PairedDifference a = pairedDifference(all), b = pairedDifference(merged);
  EXPECT_NEAR(a.difference, b.difference, 1e-12);
  EXPECT_NEAR(a.stdError, b.stdError, 1e-9 * a.stdError);
}
