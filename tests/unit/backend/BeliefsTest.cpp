//===- BeliefsTest.cpp - Percentiles, pooled experts: closed forms -------------===//
//
// Beliefs stated as percentiles and pools go through the real pipeline (parser rewrite,
// sema, lowering, interpreter) and are checked against closed forms: the stated quantiles
// (P(x <= q) at each), the metalog's mean from its coefficients, a mixture's mean and
// quantiles from Boost.Math's beta CDF, the geometric mean of odds.
//
//===----------------------------------------------------------------------===//
#include <boost/math/distributions/beta.hpp>
#include <boost/math/tools/roots.hpp>
#include <algorithm>
#include <cmath>

#include "../ir/KernelRunner.h"
#include "../ir/LowerFixture.h"
#include "backend/interp/Interpreter.h"
#include "core/MetalogFit.h"

namespace omen::test {
namespace {

constexpr uint64_t kBeliefsTrials = 400'000;

RunOutcome runScenario(const std::string& text, bool keep = false) {
  Lowered l(text);
  if (!l.module) return {false};
  std::string error;
  auto k = interp::compileScenario(*l.module, l.module->scenarios.front(), error);
  EXPECT_TRUE(k) << error;
  if (!k) return {false};
  return runKernel(*k, kBeliefsTrials, 1, {}, keep);
}

void expectWithin5Se(const Estimate& e, double exact, const std::string& what) {
  ASSERT_GT(e.n, 0u) << what;
  EXPECT_LT(std::abs(e.mean - exact), 5 * std::max(e.se, 1e-12))
      << what << ": estimate " << e.mean << " (se " << e.se << ") vs exact " << exact;
}

// Keelin's 3-term metalog through the 10/50/90 percentiles l, m, h has a1 = m,
// a2 = (h - l) / (2 ln 9), a3 = (h + l - 2m) / (0.8 ln 9) and mean a1 + a3 / 2.
TEST(Beliefs, ThreeTermMetalogHitsItsPercentilesAndMean) {
  std::vector<metalog::Percentile> points = {{0.1, 10}, {0.5, 20}, {0.9, 50}};
  metalog::Fit fit = metalog::fit(points, metalog::Support::Unbounded, 0, 0);
  ASSERT_EQ(fit.a.size(), 3u);
  EXPECT_NEAR(fit.a[0], 20, 1e-12);
  EXPECT_NEAR(fit.a[1], 40 / (2 * std::log(9.0)), 1e-12);
  EXPECT_NEAR(fit.a[2], 20 / (0.8 * std::log(9.0)), 1e-12);
  EXPECT_NEAR(metalog::unboundedMean(fit.a), 25.6889952, 1e-7);

  RunOutcome r = runScenario(R"(
scenario s {
  param x ~ metalog(10%: 10, 50%: 20, 90%: 50)
  report E(x)
  report P(x <= 10)
  report P(x <= 20)
  report P(x <= 50)
}
)");
  ASSERT_TRUE(r.ok);
  expectWithin5Se(r.reports[0], 25.6889952, "E(x)");
  expectWithin5Se(r.reports[1], 0.1, "P(x <= 10)");
  expectWithin5Se(r.reports[2], 0.5, "P(x <= 20)");
  expectWithin5Se(r.reports[3], 0.9, "P(x <= 50)");
}

// Exact for k points and k terms, for every k up to 9 and every support: the percentiles of
// a known metalog give back its coefficients and its values.
TEST(Beliefs, MetalogFitIsExactThroughItsPoints) {
  const std::vector<double> truth = {1.5, 1, 0.2, 0.3, 0.1, 0.05, 0.05, 0.02, 0.01};
  const std::vector<double> levels = {0.01, 0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 0.99};
  for (int k = 2; k <= metalog::kMaxTerms; ++k) {
    std::vector<double> a(truth.begin(), truth.begin() + k);
    ASSERT_TRUE(std::isnan(metalog::firstDecrease(a))) << k;
    for (auto [support, lo, hi] : {std::tuple{metalog::Support::Unbounded, 0.0, 0.0},
                                   std::tuple{metalog::Support::LowerBound, -1.0, 0.0},
                                   std::tuple{metalog::Support::Bounded, -1.0, 60.0}}) {
      std::vector<metalog::Percentile> points;
      for (int i = 0; i < k; ++i) {
        double y = k == 2 ? (i == 0 ? 0.05 : 0.95) : levels[(i * 8) / (k - 1)];
        points.push_back({y, metalog::quantile(support, lo, hi, a.data(), k, y)});
      }
      metalog::Fit fit = metalog::fit(points, support, lo, hi);
      ASSERT_EQ(fit.a.size(), size_t(k)) << k << " terms, support " << int(support);
      for (int j = 0; j < k; ++j) EXPECT_NEAR(fit.a[j], a[j], 1e-7) << k << " terms, a" << j + 1;
      for (const auto& p : points)
        EXPECT_NEAR(metalog::quantile(support, lo, hi, fit.a.data(), k, p.level), p.value, 1e-9 * (1 + std::abs(p.value)));
    }
  }
}

// |a3| / a2 < 1.66711 is Keelin's feasibility bound for 3 terms: through 10/50/90 it allows
// the upper spread (h - m) up to about 5 times the lower (m - l).
TEST(Beliefs, MetalogFeasibilityMatchesKeelinsBound) {
  auto feasible = [](double h) {
    return !metalog::fit({{0.1, 10}, {0.5, 20}, {0.9, h}}, metalog::Support::Unbounded, 0, 0).a.empty();
  };
  double ratioBound = 1.66711;  // a3/a2 = 2.5 (r - 1)/(r + 1), r = (h - m)/(m - l)
  double r = (2.5 + ratioBound) / (2.5 - ratioBound);
  EXPECT_TRUE(feasible(20 + 10 * r * 0.999));
  EXPECT_FALSE(feasible(20 + 10 * r * 1.001));
}

TEST(Beliefs, BoundedMetalogStaysInItsSupport) {
  RunOutcome r = runScenario(R"(
scenario s {
  param p ~ metalog(5%: 0.01, 50%: 0.1, 95%: 0.4) in [0, 1]
  param q ~ metalog(10%: 1, 50%: 3, 90%: 30) in [0, inf)
  report P(p > 0 and p < 1 and q > 0)
  report P(p <= 0.01)
  report P(p <= 0.4)
  report P(q <= 30)
}
)");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.reports[0].mean, 1.0);
  expectWithin5Se(r.reports[1], 0.05, "P(p <= 0.01)");
  expectWithin5Se(r.reports[2], 0.95, "P(p <= 0.4)");
  expectWithin5Se(r.reports[3], 0.9, "P(q <= 30)");
}

TEST(Beliefs, QuantilePairs) {
  RunOutcome r = runScenario(R"(
scenario s {
  param a ~ lognormal(5%: 1, 95%: 100)
  param b ~ normal(10%: -1, 90%: 3)
  report P(a <= 1)
  report P(a <= 10)
  report P(b <= -1)
  report E(b)
}
)");
  ASSERT_TRUE(r.ok);
  expectWithin5Se(r.reports[0], 0.05, "P(a <= 1)");
  expectWithin5Se(r.reports[1], 0.5, "P(a <= 10)");
  expectWithin5Se(r.reports[2], 0.1, "P(b <= -1)");
  expectWithin5Se(r.reports[3], 1.0, "E(b)");
}

// The linear pool of beta(2, 8) and beta(8, 2): mean 0.5, CDF the weighted CDFs.
TEST(Beliefs, MixtureMeanAndQuantiles) {
  RunOutcome r = runScenario(R"(
scenario s {
  param x ~ mixture(0.5: beta(2, 8), 0.5: beta(8, 2))
  param y ~ mixture(1: beta(2, 8), 3: beta(8, 2))
  report E(x)
  report P(x <= 0.1)
  report P(x <= 0.3)
  report P(x <= 0.5)
  report E(y)
}
)");
  ASSERT_TRUE(r.ok);
  boost::math::beta_distribution<> low(2, 8), high(8, 2);
  auto cdf = [&](double x) { return 0.5 * boost::math::cdf(low, x) + 0.5 * boost::math::cdf(high, x); };
  expectWithin5Se(r.reports[0], 0.5, "E(x)");
  expectWithin5Se(r.reports[1], cdf(0.1), "P(x <= 0.1)");
  expectWithin5Se(r.reports[2], cdf(0.3), "P(x <= 0.3)");
  expectWithin5Se(r.reports[3], 0.5, "P(x <= 0.5)");
  expectWithin5Se(r.reports[4], 0.25 * 0.2 + 0.75 * 0.8, "E(y): weights normalised");
  // The mixture's quartile, from its CDF, is where the sample puts a quarter of the draws.
  double q25 = boost::math::tools::bisect([&](double x) { return cdf(x) - 0.25; }, 0.0, 0.5,
                                          boost::math::tools::eps_tolerance<double>(50)).first;
  RunOutcome at = runScenario("scenario s { param x ~ mixture(0.5: beta(2, 8), 0.5: beta(8, 2))\n report P(x <= " +
                              std::to_string(q25) + ") }");
  ASSERT_TRUE(at.ok);
  expectWithin5Se(at.reports[0], 0.25, "P(x <= q25)");
}

// Geometric mean of odds: odds 1/9 and 1 pool to 1/3, i.e. 25%; weighted odds^(w/sum w).
TEST(Beliefs, PoolOdds) {
  RunOutcome r = runScenario(R"(
scenario s {
  param a = pool_odds(10%, 50%)
  param b = pool_odds(3: 10%, 1: 90%)
  report E(a)
  report E(b)
}
)");
  ASSERT_TRUE(r.ok);
  EXPECT_NEAR(r.reports[0].mean, 0.25, 1e-15);
  double odds = std::pow(1.0 / 9, 0.75) * std::pow(9.0, 0.25);
  EXPECT_NEAR(r.reports[1].mean, odds / (1 + odds), 1e-15);
}

// The rank correlation of column `a` with column `b` (no ties: continuous draws).
double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  auto ranks = [](const std::vector<double>& x) {
    std::vector<size_t> order(x.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t i, size_t j) { return x[i] < x[j]; });
    std::vector<double> r(x.size());
    for (size_t i = 0; i < order.size(); ++i) r[order[i]] = double(i);
    return r;
  };
  std::vector<double> ra = ranks(a), rb = ranks(b);
  double n = double(a.size()), mean = (n - 1) / 2, sab = 0, saa = 0;
  for (size_t i = 0; i < a.size(); ++i) sab += (ra[i] - mean) * (rb[i] - mean), saa += (ra[i] - mean) * (ra[i] - mean);
  return sab / saa;
}

// The Kolmogorov-Smirnov distance of a sample from a CDF.
template <typename Cdf>
double ksDistance(std::vector<double> x, Cdf cdf) {
  std::sort(x.begin(), x.end());
  double d = 0, n = double(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    double f = cdf(x[i]);
    d = std::max({d, std::abs(f - i / n), std::abs((i + 1) / n - f)});
  }
  return d;
}

// Two standard normals with Spearman rank correlation 0.5 through the Gaussian copula:
// Pearson r = 2 sin(pi/12), P(a > 0 and b > 0) = 1/4 + asin(r) / (2 pi) = 0.3365943, the
// sample's rank correlation 0.5, and each marginal still N(0, 1). A metalog and a uniform
// with rank correlation -0.3 keep their own marginals too.
TEST(Beliefs, CorrelatedParamsKeepTheirMarginals) {
  RunOutcome r = runScenario(R"(
scenario s {
  param a ~ normal(0, 1)
  param c ~ metalog(10%: 10, 50%: 20, 90%: 50)
  param b ~ normal(0, 1)
  param d ~ uniform(0, 1)
  correlate(a, b, 0.5)
  correlate(d, c, -0.3)
  report E(a)
  report E(b)
  report E(c)
  report E(d)
  report P(a > 0 and b > 0)
}
)",
                             true);
  ASSERT_TRUE(r.ok);
  const size_t width = 5 * 2, n = r.outcomes.size() / width;
  ASSERT_EQ(n, kBeliefsTrials);
  std::vector<double> a(n), b(n), c(n), d(n);
  for (size_t t = 0; t < n; ++t)
    a[t] = r.outcomes[t * width + 1], b[t] = r.outcomes[t * width + 3], c[t] = r.outcomes[t * width + 5],
    d[t] = r.outcomes[t * width + 7];
  const double exact = 0.25 + std::asin(2 * std::sin(M_PI / 12)) / (2 * M_PI);
  EXPECT_NEAR(exact, 0.3365943, 1e-7);
  expectWithin5Se(r.reports[4], exact, "P(a > 0 and b > 0)");
  // Spearman's standard error at n draws: about (1 - rho^2) sqrt(1.06 / (n - 3)) (Fieller,
  // Hartley and Pearson 1957).
  auto spearmanSe = [&](double rho) { return (1 - rho * rho) * std::sqrt(1.06 / (double(n) - 3)); };
  EXPECT_NEAR(spearman(a, b), 0.5, 5 * spearmanSe(0.5));
  EXPECT_NEAR(spearman(c, d), -0.3, 5 * spearmanSe(0.3));
  EXPECT_NEAR(spearman(a, c), 0.0, 5 * spearmanSe(0));
  // Kolmogorov-Smirnov: sqrt(n) D exceeds 1.95 with probability 0.001 under the declared law.
  auto phi = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
  const double critical = 1.95 / std::sqrt(double(n));
  EXPECT_LT(ksDistance(a, phi), critical);
  EXPECT_LT(ksDistance(b, phi), critical);
  EXPECT_LT(ksDistance(d, [](double x) { return x; }), critical);
  metalog::Fit fit = metalog::fit({{0.1, 10}, {0.5, 20}, {0.9, 50}}, metalog::Support::Unbounded, 0, 0);
  auto metalogCdf = [&](double x) {
    return boost::math::tools::bisect(
               [&](double y) { return metalog::quantile(metalog::Support::Unbounded, 0, 0, fit.a.data(), 3, y) - x; },
               1e-15, 1 - 1e-15, boost::math::tools::eps_tolerance<double>(40))
        .first;
  };
  std::vector<double> some(c.begin(), c.begin() + 20000);  // the CDF is a root search: a subsample
  EXPECT_LT(ksDistance(some, metalogCdf), 1.95 / std::sqrt(20000.0));
  expectWithin5Se(r.reports[2], 25.6889952, "E(c)");
}

}  // namespace
}  // namespace omen::test
