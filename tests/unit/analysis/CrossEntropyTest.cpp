// The cross-entropy update (analysis/rare/CrossEntropy.h) in closed form.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/rare/CrossEntropy.h"

namespace omen::rt {
namespace {

TEST(CrossEntropy, BernoulliTakesTheWeightedShareOfSuccesses) {
  // p = 1/3 untilted; the event trials drew it 100 times (effectively), 70 successes.
  std::vector<SiteTilt> tilts{{0, OMEN_TILT_BERNOULLI, "1:1", 0.0, 0.0}};
  std::vector<double> elite{100, 70, 100.0 / 3};
  crossEntropyUpdate(tilts, elite, 10, 10);
  const double q = 1 / (1 + std::exp(-(std::log(0.5) + tilts[0].a)));  // logit(1/3) = log(1/2)
  EXPECT_NEAR(q, 0.7, 1e-12);
}

TEST(CrossEntropy, NormalTakesWeightedMeanAndSd) {
  std::vector<SiteTilt> tilts{{3, OMEN_TILT_NORMAL, "1:1", 0.0, 1.0}};
  std::vector<double> elite{4, 4 * 1.5, 4 * (1.5 * 1.5 + 0.25)};  // mean 1.5, variance 0.25
  crossEntropyUpdate(tilts, elite, 4, 40);
  EXPECT_DOUBLE_EQ(tilts[0].a, 1.5);
  EXPECT_NEAR(tilts[0].b, 0.5, 1e-12);
}

TEST(CrossEntropy, KeepsSitesTheEliteSaysLittleAbout) {
  // A choice at 1e-3 drawn in 500 effective event trials: 0.5 expected successes, none seen.
  std::vector<SiteTilt> tilts{{0, OMEN_TILT_BERNOULLI, "1:1", 0.0, 0.0}};
  std::vector<double> elite{500, 0, 0.5};
  EXPECT_EQ(crossEntropyUpdate(tilts, elite, 500, 500), 0.0);
  EXPECT_EQ(tilts[0].a, 0.0);
}

TEST(CrossEntropy, UniformTiltMatchesItsMean) {
  for (double eta : {-30.0, -2.0, 0.0, 0.7, 12.0}) {
    const double mean = std::fabs(eta) < 1e-12 ? 0.5 : 1 / -std::expm1(-eta) - 1 / eta;
    EXPECT_NEAR(uniformTiltForMean(mean), eta, 1e-9) << eta;
  }
}

TEST(CrossEntropy, WidenMovesChoicesToOneHalf) {
  std::vector<SiteTilt> tilts{{0, OMEN_TILT_BERNOULLI, "1:1", 0.0, 0.0}, {1, OMEN_TILT_NORMAL, "1:1", 0.0, 1.0}};
  std::vector<double> plain{1000, 1, 1000 * 1e-3, 1000, 0, 1000};
  widen(tilts, plain);
  EXPECT_NEAR(1 / (1 + std::exp(-(std::log(1e-3 / (1 - 1e-3)) + tilts[0].a))), 0.5, 1e-12);
  EXPECT_EQ(tilts[1].b, 3.0);
}

TEST(CrossEntropy, ParamsBySiteAndSlot) {
  std::vector<SiteTilt> tilts{{4, OMEN_TILT_NORMAL, "", 1.0, 2.0}, {1, OMEN_TILT_UNIFORM, "", 3.0, 0.0}};
  std::vector<double> p = tiltParams(tilts);
  ASSERT_EQ(p.size(), 5u * OMEN_TILT_PARAMS);
  EXPECT_EQ(p[4 * OMEN_TILT_PARAMS + 0], OMEN_TILT_NORMAL);
  EXPECT_EQ(p[4 * OMEN_TILT_PARAMS + 1], 0);
  EXPECT_EQ(p[1 * OMEN_TILT_PARAMS + 1], 1);
  EXPECT_EQ(p[1 * OMEN_TILT_PARAMS + 2], 3.0);
  EXPECT_EQ(p[0], OMEN_TILT_NONE);
}

}  // namespace
}  // namespace omen::rt
