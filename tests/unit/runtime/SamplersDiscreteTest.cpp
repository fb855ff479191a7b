//===- SamplersDiscreteTest.cpp - Integer and bool samplers against exact laws ===//
//
// 10^6 draws each: mean and variance within 5 standard errors and Pearson's chi-square against
// the exact PMF. Cases cover both algorithms of poisson (inversion / PTRS) and binomial
// (inversion / BTRS, with and without the p > 1/2 symmetry), and n, lambda near 2^53.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "SamplersTestSupport.h"

namespace omen::rt::test {
namespace discrete {  // named: unity batches (cmake/OmenUnity.cmake) share one TU

constexpr uint32_t kSite = 11;

void checkDiscrete(const std::vector<double>& xs, Moments m,
                   const std::function<double(int64_t)>& pmf, int64_t lo, int64_t hi) {
  expectMoments(xs, m);
  const double p = chiSquarePValue(xs, pmf, lo, hi);
  EXPECT_GT(p, kMinPValue) << "chi-square";
  ::testing::Test::RecordProperty("chi2_p", std::to_string(p));
}

double poissonPmf(int64_t k, double lambda) {
  return std::exp(k * std::log(lambda) - lambda - std::lgamma(k + 1.0));
}

double binomialPmf(int64_t k, int64_t n, double p) {
  if (k < 0 || k > n) return 0;
  return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                  k * std::log(p) + (n - k) * std::log1p(-p));
}

Moments poissonMoments(double l) { return {l, l, 1 / l}; }
Moments binomialMoments(double n, double p) {
  const double q = 1 - p;
  return {n * p, n * p * q, (1 - 6 * p * q) / (n * p * q)};
}

TEST(Samplers, Bernoulli) {
  auto xs = sample([](auto* c) { return omen_rt_bernoulli(c, kSite, 0.3); });
  checkDiscrete(xs, {0.3, 0.21, (1 - 6 * 0.21) / 0.21},
                [](int64_t k) { return k ? 0.3 : 0.7; }, 0, 1);
}

TEST(Samplers, BernoulliConsumesExactlyOneUniformWhateverP) {
  for (double p : {0.0, 1.0, 0.5, 1e-300, 1.5, std::nan("")}) {
    OmenTrialContext a, b;
    omen_rt_begin_trial(&a, 5, 2);
    omen_rt_begin_trial(&b, 5, 2);
    const double u = omen_rt_next_uniform(&b);
    const bool hit = omen_rt_bernoulli(&a, kSite, p);
    if (p >= 0 && p <= 1) {
      EXPECT_EQ(hit, u < p) << p;
    }
    EXPECT_EQ(omen_rt_next_uniform(&a), omen_rt_next_uniform(&b)) << p;
    EXPECT_EQ(omen_rt_next_uniform(&a), omen_rt_next_uniform(&b)) << p;
  }
  // p = 0 never succeeds and p = 1 always does.
  auto never = sample([](auto* c) { return omen_rt_bernoulli(c, kSite, 0.0); }, 10000);
  auto always = sample([](auto* c) { return omen_rt_bernoulli(c, kSite, 1.0); }, 10000);
  for (double x : never) ASSERT_EQ(x, 0.0);
  for (double x : always) ASSERT_EQ(x, 1.0);
}

TEST(Samplers, PoissonInversion) {
  auto xs = sample([](auto* c) { return omen_rt_poisson(c, kSite, 3.2); });
  checkDiscrete(xs, poissonMoments(3.2), [](int64_t k) { return poissonPmf(k, 3.2); }, 0,
                INT64_MAX);
}

TEST(Samplers, PoissonPtrsAtItsThreshold) {
  auto xs = sample([](auto* c) { return omen_rt_poisson(c, kSite, 10); });
  checkDiscrete(xs, poissonMoments(10), [](int64_t k) { return poissonPmf(k, 10); }, 0,
                INT64_MAX);
}

TEST(Samplers, PoissonPtrs) {
  auto xs = sample([](auto* c) { return omen_rt_poisson(c, kSite, 250.5); });
  checkDiscrete(xs, poissonMoments(250.5), [](int64_t k) { return poissonPmf(k, 250.5); }, 0,
                INT64_MAX);
}

TEST(Samplers, PoissonZeroIsAlwaysZero) {
  auto xs = sample([](auto* c) { return omen_rt_poisson(c, kSite, 0); }, 1000);
  for (double x : xs) ASSERT_EQ(x, 0.0);
}

// At lambda = 1e15 the law is normal to within 1e-7 (skewness lambda^-1/2): check the moments
// and the KS distance to the continuity-corrected normal CDF.
TEST(Samplers, PoissonHugeLambda) {
  const double l = 1e15;
  auto xs = sample([](auto* c) { return omen_rt_poisson(c, kSite, 1e15); });
  expectMoments(xs, poissonMoments(l));
  EXPECT_GT(ksPValue(xs, [&](double x) { return normalCdf((x + 0.5 - l) / std::sqrt(l)); }),
            kMinPValue);
}

TEST(Samplers, BinomialInversion) {
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, 20, 0.3); });
  checkDiscrete(xs, binomialMoments(20, 0.3), [](int64_t k) { return binomialPmf(k, 20, 0.3); },
                0, 20);
}

TEST(Samplers, BinomialInversionWithSymmetry) {
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, 30, 0.9); });
  checkDiscrete(xs, binomialMoments(30, 0.9), [](int64_t k) { return binomialPmf(k, 30, 0.9); },
                0, 30);
}

TEST(Samplers, BinomialBtrs) {
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, 1000, 0.3); });
  checkDiscrete(xs, binomialMoments(1000, 0.3),
                [](int64_t k) { return binomialPmf(k, 1000, 0.3); }, 0, 1000);
}

TEST(Samplers, BinomialBtrsNearItsThreshold) {
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, 50, 0.2); });  // n p = 10
  checkDiscrete(xs, binomialMoments(50, 0.2), [](int64_t k) { return binomialPmf(k, 50, 0.2); },
                0, 50);
}

TEST(Samplers, BinomialBtrsWithSymmetry) {
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, 100, 0.85); });
  checkDiscrete(xs, binomialMoments(100, 0.85),
                [](int64_t k) { return binomialPmf(k, 100, 0.85); }, 0, 100);
}

// n = 2^53: the largest n omen accepts. With p = 0.4 the law is normal to within 1e-8.
TEST(Samplers, BinomialHugeN) {
  const int64_t n = int64_t{1} << 53;
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, int64_t{1} << 53, 0.4); });
  const Moments m = binomialMoments(static_cast<double>(n), 0.4);
  expectMoments(xs, m);
  EXPECT_GT(ksPValue(xs, [&](double x) {
              return normalCdf((x + 0.5 - m.mean) / std::sqrt(m.variance));
            }),
            kMinPValue);
}

// n = 2^53, p = 1e-15: inversion with n p = 9.007; Binomial(n, p) is within total variation p
// of Poisson(n p), so the Poisson PMF is exact for this test. q^n is where pow(1 - p, n) would
// have been off by a factor of e^0.5.
TEST(Samplers, BinomialHugeNTinyP) {
  const double np = 9007199254740992.0 * 1e-15;
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, int64_t{1} << 53, 1e-15); });
  checkDiscrete(xs, poissonMoments(np), [&](int64_t k) { return poissonPmf(k, np); }, 0,
                INT64_MAX);
}

// n = 2^53, n p = 18: BTRS with a small mode next to a huge n - m, where a difference of
// lgamma values would have no correct digits left. Again within p of Poisson(n p).
TEST(Samplers, BinomialHugeNSmallMeanBtrs) {
  const double np = 9007199254740992.0 * 2e-15;
  auto xs = sample([](auto* c) { return omen_rt_binomial(c, kSite, int64_t{1} << 53, 2e-15); });
  checkDiscrete(xs, poissonMoments(np), [&](int64_t k) { return poissonPmf(k, np); }, 0,
                INT64_MAX);
}

TEST(Samplers, BinomialDegenerateCases) {
  OmenTrialContext c;
  omen_rt_begin_trial(&c, 1, 0);
  EXPECT_EQ(omen_rt_binomial(&c, kSite, 0, 0.5), 0);
  EXPECT_EQ(omen_rt_binomial(&c, kSite, 17, 0.0), 0);
  EXPECT_EQ(omen_rt_binomial(&c, kSite, 17, 1.0), 17);
  EXPECT_EQ(omen_rt_binomial(&c, kSite, int64_t{1} << 53, 1.0), int64_t{1} << 53);
  EXPECT_EQ(c.error.code, uint32_t(OMEN_OK));
}

TEST(Samplers, Geometric) {
  const double p = 0.2;
  auto xs = sample([](auto* c) { return omen_rt_geometric(c, kSite, 0.2); });
  checkDiscrete(xs, {1 / p, (1 - p) / (p * p), 6 + p * p / (1 - p)},
                [&](int64_t k) { return std::pow(1 - p, k - 1) * p; }, 1, INT64_MAX);
}

TEST(Samplers, GeometricRareSuccess) {
  const double p = 1e-6;
  auto xs = sample([](auto* c) { return omen_rt_geometric(c, kSite, 1e-6); });
  expectMoments(xs, {1 / p, (1 - p) / (p * p), 6 + p * p / (1 - p)});
  // P(X <= k) = 1 - (1 - p)^k at a few k.
  for (double k : {1e4, 1e5, 1e6, 5e6}) {
    const double f = -std::expm1(k * std::log1p(-p));
    const double below = static_cast<double>(
        std::count_if(xs.begin(), xs.end(), [&](double x) { return x <= k; }));
    EXPECT_NEAR(below / xs.size(), f, 5 * std::sqrt(f * (1 - f) / xs.size())) << k;
  }
}

TEST(Samplers, GeometricWithCertainSuccessIsOne) {
  auto xs = sample([](auto* c) { return omen_rt_geometric(c, kSite, 1.0); }, 1000);
  for (double x : xs) ASSERT_EQ(x, 1.0);
}

TEST(Samplers, Categorical) {
  static const double w[] = {0.2, 0.0, 0.5, 0.3};
  double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
  for (int k = 0; k < 4; ++k) {
    m1 += w[k] * k;
    m2 += w[k] * k * k;
    m3 += w[k] * k * k * k;
    m4 += w[k] * k * k * k * k;
  }
  const double var = m2 - m1 * m1;
  const double mu4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1;
  auto xs = sample([](auto* c) { return omen_rt_categorical(c, kSite, w, 4); });
  for (double x : xs) ASSERT_NE(x, 1.0) << "a zero weight was drawn";
  checkDiscrete(xs, {m1, var, mu4 / (var * var) - 3}, [](int64_t k) { return w[k]; }, 0, 3);
}

TEST(Samplers, CategoricalAcceptsSumsWithin1e9) {
  static const double w[] = {0.5, 0.5 - 5e-10};
  OmenTrialContext c;
  omen_rt_begin_trial(&c, 1, 0);
  const int64_t k = omen_rt_categorical(&c, kSite, w, 2);
  EXPECT_EQ(c.error.code, uint32_t(OMEN_OK));
  EXPECT_TRUE(k == 0 || k == 1);
}

}  // namespace discrete
}  // namespace omen::rt::test
