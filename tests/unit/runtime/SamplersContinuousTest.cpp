//===- SamplersContinuousTest.cpp - Real-valued samplers against exact laws ===//
//
// Each sampler at 10^6 draws (draw i = first draw of trial i): mean and variance within 5
// standard errors, and a Kolmogorov-Smirnov test against the exact CDF.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "SamplersTestSupport.h"
#include "runtime/kernel/Samplers.h"

namespace omen::rt::test {
namespace {

constexpr uint32_t kSite = 7;

Moments lognormalMoments(double mu, double s) {
  const double s2 = s * s;
  return {std::exp(mu + s2 / 2), (std::exp(s2) - 1) * std::exp(2 * mu + s2),
          std::exp(4 * s2) + 2 * std::exp(3 * s2) + 3 * std::exp(2 * s2) - 6};
}

Moments betaMoments(double a, double b, double lo = 0, double width = 1) {
  const double s = a + b;
  const double kurt =
      6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3));
  return {lo + width * a / s, width * width * a * b / (s * s * (s + 1)), kurt};
}

void checkContinuous(const std::vector<double>& xs, Moments m,
                     const std::function<double(double)>& cdf) {
  expectMoments(xs, m);
  const double p = ksPValue(xs, cdf);
  EXPECT_GT(p, kMinPValue) << "Kolmogorov-Smirnov";
  ::testing::Test::RecordProperty("ks_p", std::to_string(p));
}

TEST(NormalQuantile, MatchesHighPrecisionValues) {
  // Reference values from mpmath at 50 digits: the root of ncdf(x) = p for the double p.
  // AS 241 with double rounding in log, sqrt and the rational function lands within a few
  // ulps (0.95 is off by 3: 7e-16).
  struct {
    double p, z;
  } cases[] = {{0.975, 1.9599639845400538556}, {0.95, 1.6448536269514722843},
               {0.3, -0.52440051270804081597}, {0.5, 0.0},
               {0.999, 3.0902323061678132778}, {1e-10, -6.3613409024040561991},
               {1e-20, -9.2623400897984075796}, {0x1p-53, -8.2095361516013868556}};
  for (auto c : cases) EXPECT_NEAR(normalQuantile(c.p), c.z, 1e-15 * std::fabs(c.z)) << c.p;
  // Symmetric: the upper tail mirrors the lower one.
  EXPECT_EQ(normalQuantile(1.0 - 0x1p-53), -normalQuantile(0x1p-53));
}

TEST(Samplers, Uniform) {
  auto xs = sample([](auto* c) { return omen_rt_uniform(c, kSite, -2, 3); });
  checkContinuous(xs, {0.5, 25.0 / 12, -1.2}, [](double x) { return (x + 2) / 5; });
}

TEST(Samplers, Normal) {
  auto xs = sample([](auto* c) { return omen_rt_normal(c, kSite, 1.5, 2); });
  checkContinuous(xs, {1.5, 4, 0}, [](double x) { return normalCdf((x - 1.5) / 2); });
}

TEST(Samplers, NormalWithZeroSigmaIsTheMean) {
  auto xs = sample([](auto* c) { return omen_rt_normal(c, kSite, 3, 0); }, 1000);
  for (double x : xs) EXPECT_EQ(x, 3.0);
}

TEST(Samplers, Lognormal) {
  auto xs = sample([](auto* c) { return omen_rt_lognormal(c, kSite, 0.3, 0.5); });
  checkContinuous(xs, lognormalMoments(0.3, 0.5),
                  [](double x) { return normalCdf((std::log(x) - 0.3) / 0.5); });
}

TEST(Samplers, GammaShapeBelowOne) {
  auto xs = sample([](auto* c) { return omen_rt_gamma(c, kSite, 0.5, 2); });
  checkContinuous(xs, {1, 2, 12}, [](double x) { return gammaP(0.5, x / 2); });
}

TEST(Samplers, GammaShapeOne) {
  auto xs = sample([](auto* c) { return omen_rt_gamma(c, kSite, 1, 3); });
  checkContinuous(xs, {3, 9, 6}, [](double x) { return gammaP(1, x / 3); });
}

TEST(Samplers, GammaShapeAboveOne) {
  auto xs = sample([](auto* c) { return omen_rt_gamma(c, kSite, 3.7, 0.5); });
  checkContinuous(xs, {1.85, 0.925, 6 / 3.7}, [](double x) { return gammaP(3.7, x / 0.5); });
}

TEST(Samplers, BetaSmallShapes) {
  auto xs = sample([](auto* c) { return omen_rt_beta(c, kSite, 0.3, 0.7); });
  checkContinuous(xs, betaMoments(0.3, 0.7), [](double x) { return betaI(0.3, 0.7, x); });
}

TEST(Samplers, BetaLargeShapes) {
  auto xs = sample([](auto* c) { return omen_rt_beta(c, kSite, 2, 5); });
  checkContinuous(xs, betaMoments(2, 5), [](double x) { return betaI(2, 5, x); });
}

TEST(Samplers, BetaMixedShapes) {
  auto xs = sample([](auto* c) { return omen_rt_beta(c, kSite, 2, 0.5); });
  checkContinuous(xs, betaMoments(2, 0.5), [](double x) { return betaI(2, 0.5, x); });
}

TEST(Samplers, BetaTinyShapesStayInsideTheUnitInterval) {
  // Both gammas underflow for shapes this small; the log-space ratio keeps the draw exact.
  // Draws within 1e-16 of 1 round to 1.0 (a double cannot say more), so instead of a KS
  // test the CDF is checked at points spanning 300 orders of magnitude.
  auto xs = sample([](auto* c) { return omen_rt_beta(c, kSite, 0.01, 0.01); });
  for (double x : xs) ASSERT_TRUE(x >= 0 && x <= 1) << x;
  expectMoments(xs, betaMoments(0.01, 0.01));
  for (double at : {1e-300, 1e-100, 1e-30, 1e-10, 0.1, 0.5, 0.9, 1 - 1e-10}) {
    const double f = betaI(0.01, 0.01, at);
    const double below = static_cast<double>(std::count_if(
        xs.begin(), xs.end(), [&](double x) { return x < at; }));
    EXPECT_NEAR(below / xs.size(), f, 5 * std::sqrt(f * (1 - f) / xs.size())) << "at " << at;
  }
}

TEST(Samplers, Exponential) {
  auto xs = sample([](auto* c) { return omen_rt_exponential(c, kSite, 2.5); });
  checkContinuous(xs, {0.4, 0.16, 6}, [](double x) { return -std::expm1(-2.5 * x); });
}

double triangularCdf(double x, double lo, double mode, double hi) {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  if (x <= mode) return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo));
  return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
}

Moments triangularMoments(double a, double c, double b) {
  return {(a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18, -0.6};
}

TEST(Samplers, Triangular) {
  auto xs = sample([](auto* c) { return omen_rt_triangular(c, kSite, 1, 2, 5); });
  checkContinuous(xs, triangularMoments(1, 2, 5),
                  [](double x) { return triangularCdf(x, 1, 2, 5); });
}

TEST(Samplers, TriangularModeAtTheLowEnd) {
  auto xs = sample([](auto* c) { return omen_rt_triangular(c, kSite, 0, 0, 1); });
  checkContinuous(xs, triangularMoments(0, 0, 1), [](double x) { return 1 - (1 - x) * (1 - x); });
}

TEST(Samplers, Pert) {
  // alpha = 1 + 4 * 3/10 = 2.2, beta = 1 + 4 * 7/10 = 3.8, mean (0 + 4*3 + 10) / 6.
  auto xs = sample([](auto* c) { return omen_rt_pert(c, kSite, 0, 3, 10); });
  Moments m = betaMoments(2.2, 3.8, 0, 10);
  EXPECT_NEAR(m.mean, 22.0 / 6, 1e-12);
  checkContinuous(xs, m, [](double x) { return betaI(2.2, 3.8, x / 10); });
}

TEST(Samplers, Loguniform) {
  const double a = 0.01, b = 100, l = std::log(b / a);
  auto raw = [&](int k) { return (std::pow(b, k) - std::pow(a, k)) / (k * l); };
  const double m1 = raw(1), m2 = raw(2), m3 = raw(3), m4 = raw(4);
  const double var = m2 - m1 * m1;
  const double mu4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1;
  auto xs = sample([](auto* c) { return omen_rt_loguniform(c, kSite, 0.01, 100); });
  for (double x : xs) ASSERT_TRUE(x >= a && x <= b);
  checkContinuous(xs, {m1, var, mu4 / (var * var) - 3},
                  [&](double x) { return std::log(x / a) / l; });
}

TEST(Samplers, ToIsTheLognormalWith90PercentInterval) {
  const double mu = std::log(10.0), sigma = std::log(100.0) / (2 * 1.6448536269514727);
  auto xs = sample([](auto* c) { return omen_rt_to(c, kSite, 1, 100); });
  checkContinuous(xs, lognormalMoments(mu, sigma),
                  [&](double x) { return normalCdf((std::log(x) - mu) / sigma); });
  // The defining property, directly: 5% below lo and 5% above hi.
  double below = 0, above = 0;
  for (double x : xs) {
    below += x < 1;
    above += x > 100;
  }
  const double se = std::sqrt(0.05 * 0.95 / xs.size());
  EXPECT_NEAR(below / xs.size(), 0.05, 5 * se);
  EXPECT_NEAR(above / xs.size(), 0.05, 5 * se);
}

TEST(Samplers, NormalUsesExactlyOneUniform) {
  OmenTrialContext a, b;
  omen_rt_begin_trial(&a, 3, 0);
  omen_rt_begin_trial(&b, 3, 0);
  const double z = omen_rt_normal(&a, kSite, 0, 1);
  EXPECT_EQ(z, normalQuantile(omen_rt_next_uniform(&b)));
  EXPECT_EQ(omen_rt_next_uniform(&a), omen_rt_next_uniform(&b));
}

TEST(Samplers, SameSeedSameDraws) {
  auto a = sample([](auto* c) { return omen_rt_gamma(c, kSite, 0.7, 1); }, 1000);
  auto b = sample([](auto* c) { return omen_rt_gamma(c, kSite, 0.7, 1); }, 1000);
  EXPECT_EQ(a, b);
  auto d = sample([](auto* c) { return omen_rt_gamma(c, kSite, 0.7, 1); }, 1000, kSeed + 1);
  EXPECT_NE(a, d);
}

}  // namespace
}  // namespace omen::rt::test
