// Two-level runs against a closed form: `epistemic p ~ beta(2, 8)` and a catastrophe with
// probability p in each of 10 steps, so a world's true value is g(p) = 1 − (1 − p)^10. Its
// quantiles across worlds are g(beta quantiles) (g is increasing), its pooled mean is
// 1 − E(1 − p)^10 = 1 − 72/342. Tolerances come from the two sources of error: the W worlds
// (a sample quantile's standard deviation is √(α(1 − α)/W) / f_Y(y_α)) and the N inner trials
// of each world (standard deviation √(y(1 − y)/N) added to every world's estimate).
#include <gtest/gtest.h>

#include <boost/math/distributions/beta.hpp>
#include <cmath>

#include "omen/Omen.h"

namespace {

const char* kScenario = R"(
scenario two_level {
  epistemic p ~ beta(2, 8)
  param q ~ uniform(0, 1)
  event catastrophe
  phase run for 10 {
    with probability p { trigger catastrophe; end }
  }
  report P(catastrophe) as "catastrophe"
  report E(q) as "mean of q"
}
)";

// E (1 − p)^k for p ~ beta(2, 8), i.e. the k-th moment of beta(8, 2).
double moment(int k) {
  double out = 1;
  for (int r = 0; r < k; ++r) out *= (8.0 + r) / (10.0 + r);
  return out;
}

omen::WorldsOutcome runWorlds(omen::Engine engine, uint64_t worlds, uint64_t trials) {
  auto program = omen::Program::fromString(kScenario, "two_level.omen");
  EXPECT_TRUE(program->ok()) << program->diagnostics();
  omen::RunOptions options;
  options.worlds = worlds;
  options.trials = trials;
  options.engine = engine;
  options.exceed = {0.5, 0.9};
  return program->runWorlds(options);
}

}  // namespace

TEST(Worlds, QuantilesAcrossWorldsAreTheTransformedBetaQuantiles) {
  const uint64_t W = 1000, N = 4000;
  omen::WorldsOutcome outcome = runWorlds(omen::Engine::Jit, W, N);
  ASSERT_TRUE(outcome.ok()) << outcome.error;
  const omen::WorldReport& r = outcome.result.scenarios.at(0).reports.at(0);
  ASSERT_EQ(r.worlds, W);
  boost::math::beta_distribution<> beta(2, 8);
  for (const omen::QuantilePoint& q : r.quantiles) {
    double p = boost::math::quantile(beta, q.p);
    double y = 1 - std::pow(1 - p, 10);
    double density = boost::math::pdf(beta, p) / (10 * std::pow(1 - p, 9));  // f_Y(y) = f_p(p) / g'(p)
    double sdWorlds = std::sqrt(q.p * (1 - q.p) / W) / density;
    double sdInner = std::sqrt(y * (1 - y) / N);
    EXPECT_NEAR(q.value, y, 4 * sdWorlds + 2 * sdInner) << "quantile " << q.p;
  }
  // The pooled value and the spread.
  double pooled = 1 - moment(10);
  EXPECT_NEAR(pooled, 1 - 72.0 / 342.0, 1e-15);
  EXPECT_NEAR(r.pooled, pooled, 4 * r.pooledStdError);
  EXPECT_GT(r.pooledStdError, 0.003);  // clustered by world: far wider than √(P(1−P)/(W·N))
  double sdTrue = std::sqrt(moment(20) - moment(10) * moment(10));
  EXPECT_NEAR(r.epistemicSd, sdTrue, 0.1 * sdTrue);
  // Exceedances: P(g(p) > x) = P(p > 1 − (1 − x)^(1/10)).
  for (const omen::Exceedance& e : r.exceed) {
    double exact = boost::math::cdf(boost::math::complement(beta, 1 - std::pow(1 - e.threshold, 0.1)));
    EXPECT_NEAR(e.fraction, exact, 4 * std::sqrt(exact * (1 - exact) / W) + 0.01) << "P(> " << e.threshold << ")";
  }
  // The aleatory q is drawn per trial in every world: its mean barely varies across worlds.
  const omen::WorldReport& q = outcome.result.scenarios[0].reports.at(1);
  EXPECT_NEAR(q.mean, 0.5, 0.01);
  EXPECT_LT(q.epistemicSd, 0.002);
  // Each world's p came from the world stream, and they follow beta(2, 8).
  const auto& values = outcome.result.scenarios[0].epistemicValues.at(0);
  ASSERT_EQ(values.size(), W);
  double mean = 0;
  for (double v : values) mean += v / W;
  EXPECT_NEAR(mean, 0.2, 4 * std::sqrt(2.0 * 8 / (100 * 11) / W));
}

TEST(Worlds, EnginesAndThreadsGiveTheSameBits) {
  omen::WorldsOutcome jit = runWorlds(omen::Engine::Jit, 40, 500);
  omen::WorldsOutcome interp = runWorlds(omen::Engine::Interpreter, 40, 500);
  ASSERT_TRUE(jit.ok() && interp.ok());
  EXPECT_EQ(jit.result.scenarios[0].reports[0].values, interp.result.scenarios[0].reports[0].values);
  EXPECT_EQ(jit.result.scenarios[0].epistemicValues, interp.result.scenarios[0].epistemicValues);
  // Long worlds (more than one block) run one after another on every thread.
  omen::WorldsOutcome longer = runWorlds(omen::Engine::Jit, 3, 10000);
  ASSERT_TRUE(longer.ok());
  auto program = omen::Program::fromString(kScenario, "two_level.omen");
  omen::RunOptions one;
  one.worlds = 3;
  one.trials = 10000;
  one.threads = 1;
  omen::WorldsOutcome single = program->runWorlds(one);
  EXPECT_EQ(single.result.scenarios[0].reports[0].values, longer.result.scenarios[0].reports[0].values);
}
