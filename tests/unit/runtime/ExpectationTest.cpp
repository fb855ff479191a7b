//===- ExpectationTest.cpp - Deciding `expect`: verdicts and sequences -----===//
//
// The confidence sequences of runtime/host/Expectation.h against a closed form (the
// beta-binomial mixture after n failures) and against their promise: over many simulated
// runs, looked at again and again, the sequence leaves the true value in at most alpha of
// them.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "runtime/host/Expectation.h"

using namespace omen;
using namespace omen::rt;

namespace {

Expectation below(double b, bool strict = true) {
  return {strict ? Expectation::Op::Less : Expectation::Op::LessEqual, -HUGE_VAL, b, "< b"};
}
Expectation above(double b, bool strict = true) {
  return {strict ? Expectation::Op::Greater : Expectation::Op::GreaterEqual, b, HUGE_VAL, "> b"};
}
Expectation within(double lo, double hi) { return {Expectation::Op::Within, lo, hi, "in [lo, hi]"}; }

TEST(ExpectationTest, DecidesOnWhereTheIntervalLies) {
  EXPECT_EQ(decide(below(0.5), 0.1, 0.4), Verdict::Pass);
  EXPECT_EQ(decide(below(0.5), 0.5, 0.7), Verdict::Fail);
  EXPECT_EQ(decide(below(0.5), 0.4, 0.5), Verdict::Undecided);
  EXPECT_EQ(decide(below(0.5, false), 0.4, 0.5), Verdict::Pass);
  EXPECT_EQ(decide(below(0.5, false), 0.5, 0.7), Verdict::Undecided);
  EXPECT_EQ(decide(above(0.5), 0.6, 0.7), Verdict::Pass);
  EXPECT_EQ(decide(above(0.5), 0.2, 0.5), Verdict::Fail);
  EXPECT_EQ(decide(above(0.5, false), 0.5, 0.7), Verdict::Pass);
  EXPECT_EQ(decide(above(0.5, false), 0.2, 0.5), Verdict::Undecided);
  EXPECT_EQ(decide(within(1, 2), 1, 2), Verdict::Pass);
  EXPECT_EQ(decide(within(1, 2), 2.1, 3), Verdict::Fail);
  EXPECT_EQ(decide(within(1, 2), -1, 0.9), Verdict::Fail);
  EXPECT_EQ(decide(within(1, 2), 0.5, 1.5), Verdict::Undecided);
  EXPECT_EQ(decide(within(1, 2), 0, 3), Verdict::Undecided);
}

// After n failures in n trials the mixture's ratio against p is
// B(1/2, n + 1/2) / B(1/2, 1/2) / (1 - p)^n, so the upper edge solves
// log(1 - U) = (log B(1/2, n + 1/2) - log pi - log(1/alpha)) / n, and the lower edge is 0.
TEST(ExpectationTest, BernoulliSequenceMatchesTheMixtureInClosedForm) {
  for (uint64_t n : {1u, 10u, 1000u, 100000u})
    for (double alpha : {0.05, 0.01}) {
      double nn = static_cast<double>(n);
      double logB = std::lgamma(0.5) + std::lgamma(nn + 0.5) - std::lgamma(nn + 1);
      double upper = -std::expm1((logB - std::log(M_PI) - std::log(1 / alpha)) / nn);
      SequenceInterval none = bernoulliSequence(0, n, alpha);
      ASSERT_TRUE(none.usable);
      EXPECT_EQ(none.low, 0);
      EXPECT_NEAR(none.high, upper, 1e-12 * std::max(1.0, upper)) << n << " " << alpha;
      SequenceInterval all = bernoulliSequence(n, n, alpha);  // the mirror image
      EXPECT_NEAR(all.low, 1 - upper, 1e-12);
      EXPECT_EQ(all.high, 1);
    }
  EXPECT_FALSE(bernoulliSequence(0, 0, 0.05).usable);
}

TEST(ExpectationTest, SequencesHoldTheirEstimateAndNarrow) {
  SequenceInterval a = bernoulliSequence(300, 1000, 0.05), b = bernoulliSequence(3000, 10000, 0.05);
  EXPECT_LT(a.low, 0.3);
  EXPECT_GT(a.high, 0.3);
  EXPECT_LT(b.high - b.low, a.high - a.low);
  // Wider than the fixed-n 95% interval: the price of looking at every block.
  EXPECT_GT(b.high - b.low, 2 * 1.96 * std::sqrt(0.21 / 10000));
  EXPECT_FALSE(meanSequence(kExpectMinTrials - 1, 0, 1, 0.05).usable);
  EXPECT_FALSE(meanSequence(kExpectMinTrials, 0, 0, 0.05).usable);
  SequenceInterval m = meanSequence(10000, 5, 4, 0.05);
  ASSERT_TRUE(m.usable);
  EXPECT_NEAR(m.low + m.high, 10, 1e-12);
  EXPECT_GT(m.high - m.low, 2 * 1.96 * 2 / 100.0);
  EXPECT_LT(m.high - m.low, 4 * 1.96 * 2 / 100.0);
}

// Of `runs` simulated runs of Bernoulli(p) trials (seed 7), looked at after 16, 32, …, 4096
// trials, how many an interval left at some look: `misses(s, n)` says whether the interval
// after s successes in n trials excludes p.
template <typename Misses>
int runsMissedAtSomeLook(double p, int runs, Misses misses) {
  std::mt19937_64 rng(7);
  std::bernoulli_distribution draw(p);
  int missed = 0;
  for (int run = 0; run < runs; ++run) {
    uint64_t s = 0, n = 0;
    for (uint64_t look = 16; look <= 4096; look *= 2) {
      for (; n < look; ++n) s += draw(rng);
      if (misses(s, n)) {
        ++missed;
        break;
      }
    }
  }
  return missed;
}

// Coverage under optional stopping: the fraction of simulated runs in which the sequence
// leaves the true value at some look (of many) stays below alpha.
TEST(ExpectationTest, BernoulliSequenceCoversAtEveryLook) {
  const double p = 0.3, alpha = 0.05;
  const int runs = 600;
  int missed = runsMissedAtSomeLook(p, runs, [&](uint64_t s, uint64_t n) {
    SequenceInterval c = bernoulliSequence(s, n, alpha);
    return c.low > p || c.high < p;
  });
  EXPECT_LE(missed, static_cast<int>(alpha * runs)) << missed << " of " << runs;
}

// The control that gives the two tests above their teeth: the fixed-n 95% interval, looked
// at as often, leaves the true value in far more than 5% of the runs.
TEST(ExpectationTest, PeekingAtAFixedIntervalWouldNot) {
  const double p = 0.3, alpha = 0.05;
  const int runs = 600;
  int missed = runsMissedAtSomeLook(p, runs, [&](uint64_t s, uint64_t n) {
    double estimate = static_cast<double>(s) / static_cast<double>(n);
    double half = 1.96 * std::sqrt(estimate * (1 - estimate) / static_cast<double>(n));
    return estimate - half > p || estimate + half < p;
  });
  EXPECT_GT(missed, static_cast<int>(2 * alpha * runs)) << missed << " of " << runs;
}

TEST(ExpectationTest, MeanSequenceCoversAtEveryLook) {
  const double mu = 200, sigma = 50, alpha = 0.05;
  std::mt19937_64 rng(11);
  std::normal_distribution<double> draw(mu, sigma);
  int missed = 0, runs = 300;
  for (int run = 0; run < runs; ++run) {
    double sum = 0, sumSq = 0;
    uint64_t n = 0;
    for (uint64_t look = 1024; look <= 16384; look *= 2) {
      for (; n < look; ++n) {
        double x = draw(rng);
        sum += x, sumSq += x * x;
      }
      double mean = sum / static_cast<double>(n);
      double variance = (sumSq - static_cast<double>(n) * mean * mean) / static_cast<double>(n - 1);
      SequenceInterval c = meanSequence(n, mean, variance, alpha);
      if (c.low > mu || c.high < mu) {
        ++missed;
        break;
      }
    }
  }
  EXPECT_LE(missed, static_cast<int>(alpha * runs)) << missed << " of " << runs;
}

TEST(ExpectationTest, RunVerdictUsesTheReportsInterval) {
  ReportResult r;
  r.estimate = 0.3, r.ciLow = 0.29, r.ciHigh = 0.31, r.n = 10000;
  ExpectationVerdict v = fixedVerdict(below(0.35), r);
  EXPECT_EQ(v.verdict, Verdict::Pass);
  EXPECT_FALSE(v.sequential);
  EXPECT_TRUE(v.hasInterval);
  EXPECT_EQ(fixedVerdict(above(0.35), r).verdict, Verdict::Fail);
  r.undefined = true;
  EXPECT_EQ(fixedVerdict(below(0.35), r).verdict, Verdict::Undecided);
  EXPECT_FALSE(fixedVerdict(below(0.35), r).hasInterval);
}

// The posterior's sequence is the set of theta0 at which the mean sequence of the trials'
// Y = w (f - theta0) covers 0 (Expectation.h): checked against meanSequence itself at points
// inside, outside and just across each end, on weights and values that vary.
TEST(ExpectationTest, WeightedSequenceIsTheSetWhereTheMeanSequenceOfYCoversZero) {
  const double alpha = 0.05;
  std::mt19937_64 rng(5);
  std::normal_distribution<double> value(1.0, 2.0), logWeight(0.0, 0.7);
  std::vector<double> ws, fs;
  WeightedStats stats;
  for (int i = 0; i < 5000; ++i) {
    double lw = logWeight(rng), f = value(rng);
    stats.add(lw, f);
    ws.push_back(std::exp(lw)), fs.push_back(f);
  }
  const uint64_t n = ws.size();
  SequenceInterval c = weightedSequence(stats.sums(), n, 0.0, alpha);
  ASSERT_TRUE(c.usable);
  auto covers = [&](double theta0) {
    double sum = 0, sumSq = 0;
    for (size_t i = 0; i < ws.size(); ++i) {
      double y = ws[i] * (fs[i] - theta0);
      sum += y, sumSq += y * y;
    }
    double mean = sum / static_cast<double>(n), variance = sumSq / static_cast<double>(n) - mean * mean;
    SequenceInterval m = meanSequence(n, mean, variance, alpha);
    return m.low <= 0 && 0 <= m.high;
  };
  const double width = c.high - c.low;
  EXPECT_LT(c.low, stats.mean());
  EXPECT_GT(c.high, stats.mean());
  EXPECT_TRUE(covers(stats.mean()));
  EXPECT_TRUE(covers(c.low + 1e-6 * width));
  EXPECT_TRUE(covers(c.high - 1e-6 * width));
  EXPECT_FALSE(covers(c.low - 1e-6 * width));
  EXPECT_FALSE(covers(c.high + 1e-6 * width));
  // No decision on weights of infinite variance, nor before the central limit's trials.
  EXPECT_FALSE(weightedSequence(stats.sums(), n, 0.6, alpha).usable);
  EXPECT_FALSE(weightedSequence(stats.sums(), kExpectMinTrials - 1, 0.0, alpha).usable);
}

}  // namespace
