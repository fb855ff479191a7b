//===- DensitiesTest.cpp - Log densities for `observe` against closed forms ===//
//
// Each density integrates (sums) to 1 over its support and has its distribution's known
// mean; a few points are checked against values computed by hand from the textbook
// formulas; the degenerate cases are point masses; bad arguments fail as the sampler does.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "runtime/kernel/Builtins.h"

namespace omen::rt {
namespace {

struct Ctx {
  OmenTrialContext ctx{};
  Ctx() { omen_rt_begin_trial(&ctx, 1, 0); }
  OmenTrialContext* operator&() { return &ctx; }
};

/// Integral of exp(logPdf) and of x exp(logPdf) over [lo, hi] by the midpoint rule.
std::pair<double, double> massAndMean(const std::function<double(double)>& logPdf, double lo, double hi,
                                      int steps = 400000) {
  double h = (hi - lo) / steps, mass = 0, mean = 0;
  for (int i = 0; i < steps; ++i) {
    double x = lo + (i + 0.5) * h, p = std::exp(logPdf(x));
    mass += p * h;
    mean += x * p * h;
  }
  return {mass, mean};
}

TEST(Densities, ContinuousOnesIntegrateToOneWithTheirMean) {
  Ctx c;
  struct Case {
    const char* name;
    std::function<double(double)> logPdf;
    double lo, hi, mean;
  } cases[] = {
      {"normal(1, 2)", [&](double x) { return omen_rt_normal_logpdf(&c, 0, x, 1, 2); }, -20, 22, 1},
      {"uniform(-1, 3)", [&](double x) { return omen_rt_uniform_logpdf(&c, 0, x, -1, 3); }, -2, 4, 1},
      {"lognormal(0, 0.5)", [&](double x) { return omen_rt_lognormal_logpdf(&c, 0, x, 0, 0.5); }, 0, 40,
       std::exp(0.125)},
      {"beta(2, 5)", [&](double x) { return omen_rt_beta_logpdf(&c, 0, x, 2, 5); }, 0, 1, 2.0 / 7},
      {"gamma(3, 0.5)", [&](double x) { return omen_rt_gamma_logpdf(&c, 0, x, 3, 0.5); }, 0, 40, 1.5},
      {"exponential(2)", [&](double x) { return omen_rt_exponential_logpdf(&c, 0, x, 2); }, 0, 40, 0.5},
      {"triangular(0, 1, 4)", [&](double x) { return omen_rt_triangular_logpdf(&c, 0, x, 0, 1, 4); }, -1, 5,
       5.0 / 3},
      {"pert(0, 1, 4)", [&](double x) { return omen_rt_pert_logpdf(&c, 0, x, 0, 1, 4); }, 0, 4, (0 + 4 * 1 + 4) / 6.0},
      {"loguniform(1, 100)", [&](double x) { return omen_rt_loguniform_logpdf(&c, 0, x, 1, 100); }, 0.5, 101,
       99 / std::log(100.0)},
      // to(lo, hi): a lognormal with lo, hi its 5% and 95% quantiles.
      {"to(1, 10)", [&](double x) { return omen_rt_to_logpdf(&c, 0, x, 1, 10); }, 0, 400,
       std::exp(0.5 * std::log(10.0) + 0.5 * std::pow(std::log(10.0) / (2 * 1.6448536269514727), 2))},
  };
  for (const Case& k : cases) {
    auto [mass, mean] = massAndMean(k.logPdf, k.lo, k.hi);
    EXPECT_NEAR(mass, 1, 2e-4) << k.name;
    EXPECT_NEAR(mean, k.mean, 2e-3 * std::max(1.0, std::abs(k.mean))) << k.name;
  }
  EXPECT_EQ((&c)->error.code, OMEN_OK);
}

TEST(Densities, MassesSumToOneWithTheirMean) {
  Ctx c;
  double mass = 0, mean = 0;
  for (int64_t k = 0; k < 200; ++k) {
    double p = std::exp(omen_rt_poisson_logpdf(&c, 0, k, 7.5));
    mass += p, mean += k * p;
  }
  EXPECT_NEAR(mass, 1, 1e-12);
  EXPECT_NEAR(mean, 7.5, 1e-10);
  mass = mean = 0;
  for (int64_t k = -1; k <= 21; ++k) {
    double p = std::exp(omen_rt_binomial_logpdf(&c, 0, k, 20, 0.3));
    mass += p, mean += k * p;
  }
  EXPECT_NEAR(mass, 1, 1e-12);
  EXPECT_NEAR(mean, 6, 1e-10);
  mass = mean = 0;
  for (int64_t k = 0; k < 2000; ++k) {
    double p = std::exp(omen_rt_geometric_logpdf(&c, 0, k, 0.1));
    mass += p, mean += k * p;
  }
  EXPECT_NEAR(mass, 1, 1e-12);
  EXPECT_NEAR(mean, 10, 1e-8);  // trials up to and including the first success
  // categorical: (k, weights...), each index's weight, none outside 0 .. count - 1.
  mass = 0;
  for (double k = -1; k <= 3; ++k) {
    const double values[] = {k, 0.2, 0.5, 0.3};
    double p = std::exp(omen_rt_categorical_logpdf(&c, 0, values, 4));
    mass += p;
    if (k >= 0 && k <= 2) EXPECT_DOUBLE_EQ(p, values[1 + static_cast<int>(k)]);
  }
  EXPECT_NEAR(mass, 1, 1e-15);
  EXPECT_DOUBLE_EQ(std::exp(omen_rt_bernoulli_logpdf(&c, 0, true, 0.3)), 0.3);
  EXPECT_DOUBLE_EQ(std::exp(omen_rt_bernoulli_logpdf(&c, 0, false, 0.3)), 0.7);
  EXPECT_EQ((&c)->error.code, OMEN_OK);
}

TEST(Densities, PointsByHand) {
  Ctx c;
  // The closed forms of docs/evidence.md: normal(1.5; mu, 1) at mu = 0 and (1 - p)^3.
  EXPECT_NEAR(omen_rt_normal_logpdf(&c, 0, 1.5, 0, 1), -0.5 * 2.25 - 0.5 * std::log(2 * M_PI), 1e-15);
  EXPECT_NEAR(omen_rt_binomial_logpdf(&c, 0, 0, 3, 0.2), 3 * std::log(0.8), 1e-15);
  EXPECT_NEAR(omen_rt_poisson_logpdf(&c, 0, 0, 1.5), -1.5, 1e-15);
  EXPECT_NEAR(omen_rt_poisson_logpdf(&c, 0, 3, 2), 3 * std::log(2.0) - 2 - std::log(6.0), 1e-14);
  // The ends of the support: 0 log 0 = 0.
  EXPECT_NEAR(omen_rt_beta_logpdf(&c, 0, 0, 1, 3), std::log(3.0), 1e-15);
  EXPECT_EQ(omen_rt_binomial_logpdf(&c, 0, 3, 3, 1), 0);
  EXPECT_EQ((&c)->error.code, OMEN_OK);
}

TEST(Densities, OutsideTheSupportAndPointMasses) {
  Ctx c;
  const double none = -INFINITY;
  EXPECT_EQ(omen_rt_uniform_logpdf(&c, 0, 3.5, 0, 3), none);
  EXPECT_EQ(omen_rt_beta_logpdf(&c, 0, 1.5, 2, 2), none);
  EXPECT_EQ(omen_rt_gamma_logpdf(&c, 0, -1, 2, 2), none);
  EXPECT_EQ(omen_rt_poisson_logpdf(&c, 0, -1, 2), none);
  EXPECT_EQ(omen_rt_binomial_logpdf(&c, 0, 4, 3, 0.5), none);
  EXPECT_EQ(omen_rt_geometric_logpdf(&c, 0, 0, 0.5), none);
  EXPECT_EQ(omen_rt_bernoulli_logpdf(&c, 0, true, 0), none);
  EXPECT_EQ(omen_rt_normal_logpdf(&c, 0, 2, 2, 0), 0);
  EXPECT_EQ(omen_rt_normal_logpdf(&c, 0, 2.5, 2, 0), none);
  EXPECT_EQ(omen_rt_uniform_logpdf(&c, 0, 1, 1, 1), 0);
  EXPECT_EQ(omen_rt_poisson_logpdf(&c, 0, 0, 0), 0);
  EXPECT_EQ((&c)->error.code, OMEN_OK);
}

TEST(Densities, BadArgumentsFailAsTheSamplerDoes) {
  auto code = [](auto call) {
    Ctx c;
    call(&c);
    return (&c)->error.code;
  };
  EXPECT_EQ(code([](OmenTrialContext* c) { omen_rt_normal_logpdf(c, 0, 0, 0, -1); }), OMEN_ERR_DIST_ARGS);
  EXPECT_EQ(code([](OmenTrialContext* c) { omen_rt_beta_logpdf(c, 0, 0.5, 0, 1); }), OMEN_ERR_DIST_ARGS);
  EXPECT_EQ(code([](OmenTrialContext* c) { omen_rt_binomial_logpdf(c, 0, 0, 3, 1.5); }), OMEN_ERR_PROBABILITY);
  EXPECT_EQ(code([](OmenTrialContext* c) { omen_rt_binomial_logpdf(c, 0, 0, -3, 0.5); }), OMEN_ERR_DIST_ARGS);
  EXPECT_EQ(code([](OmenTrialContext* c) { omen_rt_triangular_logpdf(c, 0, 0, 2, 1, 3); }), OMEN_ERR_DIST_ARGS);
  EXPECT_EQ(code([](OmenTrialContext* c) { omen_rt_geometric_logpdf(c, 0, 1, 0); }), OMEN_ERR_DIST_ARGS);
  EXPECT_EQ(code([](OmenTrialContext* c) {
              const double values[] = {0, 0.5, 0.6};  // weights summing to 1.1
              omen_rt_categorical_logpdf(c, 0, values, 3);
            }),
            OMEN_ERR_CATEGORICAL);
  EXPECT_EQ(code([](OmenTrialContext* c) {
              const double values[] = {1, -0.5, 1.5};  // a negative weight
              omen_rt_categorical_logpdf(c, 0, values, 3);
            }),
            OMEN_ERR_CATEGORICAL);
}

TEST(Weight, FactorAddsLogsAndRefusesNaN) {
  Ctx c;
  EXPECT_EQ((&c)->logWeight, 0);
  omen_rt_factor(&c, 0, -1.5);
  omen_rt_factor(&c, 0, 0.25);
  EXPECT_EQ((&c)->logWeight, -1.25);
  omen_rt_factor(&c, 0, -INFINITY);
  EXPECT_EQ((&c)->logWeight, -INFINITY);
  EXPECT_EQ((&c)->error.code, OMEN_OK);
  omen_rt_factor(&c, 7, NAN);
  EXPECT_EQ((&c)->error.code, OMEN_ERR_NOT_FINITE);
  EXPECT_EQ((&c)->error.site, 7u);
  omen_rt_begin_trial(&c, 1, 1);
  EXPECT_EQ((&c)->logWeight, 0);
}

}  // namespace
}  // namespace omen::rt
