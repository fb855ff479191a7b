// Tilted draws (runtime/kernel/Tilt.cpp): the likelihood ratio makes a tilted draw's weighted
// mean the untilted expectation (closed forms), the sums the cross-entropy update reads are
// recorded per trial row, and an untilted site draws exactly as without a tilt.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/TrialContext.h"

namespace {

constexpr uint64_t kSeed = 20261207;
constexpr int kTrials = 400000;

/// One site (0) tilted as `kind` with (a, b); per trial the weight times f(draw).
template <class Draw, class F>
double weightedMean(int kind, double a, double b, Draw draw, F f, std::vector<double>* sums = nullptr) {
  const double params[OMEN_TILT_PARAMS] = {double(kind), 0, a, b};
  std::vector<double> rows(size_t(kTrials) * (1 + OMEN_TILT_STATS), 0.0);
  OmenTilt tilt{params, 1, 1 + OMEN_TILT_STATS, rows.data(), 0, nullptr};
  OmenTrialContext ctx;
  double total = 0;
  for (int i = 0; i < kTrials; ++i) {
    omen_rt_begin_trial(&ctx, kSeed, uint64_t(i));
    ctx.tilt = &tilt;
    const double x = draw(&ctx);
    EXPECT_EQ(ctx.error.code, OMEN_OK);
    total += std::exp(rows[size_t(i) * (1 + OMEN_TILT_STATS)]) * f(x);
  }
  if (sums) {
    sums->assign(OMEN_TILT_STATS, 0.0);
    for (int i = 0; i < kTrials; ++i)
      for (int k = 0; k < OMEN_TILT_STATS; ++k) (*sums)[k] += rows[size_t(i) * (1 + OMEN_TILT_STATS) + 1 + k];
  }
  return total / kTrials;
}

TEST(Tilt, BernoulliWeightedMeanIsP) {
  const double p = 1e-3;
  std::vector<double> sums;
  // Shifted to q = 1/2: successes are common, each weighs p / q.
  double mean = weightedMean(OMEN_TILT_BERNOULLI, -std::log(p / (1 - p)), 0,
                             [&](OmenTrialContext* c) { return double(omen_rt_bernoulli(c, 0, p)); },
                             [](double x) { return x; }, &sums);
  EXPECT_NEAR(mean, p, 4 * p / std::sqrt(double(kTrials)));  // rel se of the weighted mean: 1 / sqrt(n)
  EXPECT_EQ(sums[0], kTrials);
  EXPECT_NEAR(sums[1] / kTrials, 0.5, 0.005);   // drawn with q = 1/2
  EXPECT_NEAR(sums[2] / kTrials, 0.5, 1e-12);   // the q each draw used
}

TEST(Tilt, NormalTailByShiftedScore) {
  // P(Z > 4) = 3.1671242e-5 (Phi(-4)) from scores drawn around 4.
  double mean = weightedMean(OMEN_TILT_NORMAL, 4.0, 1.0, [](OmenTrialContext* c) { return omen_rt_normal(c, 0, 0, 1); },
                             [](double x) { return x > 4 ? 1.0 : 0.0; });
  EXPECT_NEAR(mean / 3.1671242e-5, 1.0, 0.02);
  // The weights average 1 whatever the scale.
  double one = weightedMean(OMEN_TILT_NORMAL, 0.5, 1.5, [](OmenTrialContext* c) { return omen_rt_normal(c, 0, 2, 3); },
                            [](double) { return 1.0; });
  EXPECT_NEAR(one, 1.0, 0.01);
}

TEST(Tilt, UniformTailByExponentialTilt) {
  // P(U > 0.99) = 0.01 with positions pushed towards 1 (tilt 20).
  double mean = weightedMean(OMEN_TILT_UNIFORM, 20.0, 0, [](OmenTrialContext* c) { return omen_rt_uniform(c, 0, 0, 1); },
                             [](double x) { return x > 0.99 ? 1.0 : 0.0; });
  EXPECT_NEAR(mean / 0.01, 1.0, 0.02);
}

TEST(Tilt, UntiltedSiteDrawsAsWritten) {
  // Site 0 tilted as a normal; a bernoulli and a uniform at site 0 are other kinds: untouched.
  const double params[OMEN_TILT_PARAMS] = {OMEN_TILT_NORMAL, 0, 3.0, 1.0};
  double row[1 + OMEN_TILT_STATS] = {};
  OmenTilt tilt{params, 1, 1 + OMEN_TILT_STATS, row, 7, nullptr};
  OmenTrialContext plain, tilted;
  omen_rt_begin_trial(&plain, kSeed, 7);
  omen_rt_begin_trial(&tilted, kSeed, 7);
  tilted.tilt = &tilt;
  EXPECT_EQ(omen_rt_bernoulli(&plain, 0, 0.3), omen_rt_bernoulli(&tilted, 0, 0.3));
  EXPECT_EQ(omen_rt_uniform(&plain, 0, -1, 2), omen_rt_uniform(&tilted, 0, -1, 2));
  EXPECT_EQ(omen_rt_normal(&plain, 5, 0, 1), omen_rt_normal(&tilted, 5, 0, 1));  // site 5: past siteCount
  EXPECT_EQ(row[0], 0.0);
  EXPECT_EQ(plain.rng.block, tilted.rng.block);
}

}  // namespace
