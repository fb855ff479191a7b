//===- MathTest.cpp - The deterministic builtins and their errors ----------===//
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "runtime/kernel/Builtins.h"

namespace omen::rt {
namespace {

constexpr uint32_t kSite = 3;

class MathTest : public ::testing::Test {
 protected:
  void SetUp() override { omen_rt_begin_trial(&ctx, 1, 0); }
  /// The error recorded by the last call, then cleared for the next expectation.
  uint32_t takeError() {
    const uint32_t code = ctx.error.code;
    if (code != OMEN_OK) EXPECT_EQ(ctx.error.site, kSite);
    last = ctx.error;
    omen_rt_begin_trial(&ctx, 1, 0);
    return code;
  }
  OmenTrialContext ctx;
  OmenError last{};
};

TEST_F(MathTest, ExpLogSqrt) {
  EXPECT_EQ(omen_rt_exp(&ctx, kSite, 0), 1.0);
  EXPECT_DOUBLE_EQ(omen_rt_log(&ctx, kSite, std::exp(2.0)), 2.0);
  EXPECT_EQ(omen_rt_log10(&ctx, kSite, 1000), 3.0);
  EXPECT_EQ(omen_rt_sqrt(&ctx, kSite, 2.25), 1.5);
  EXPECT_EQ(omen_rt_sqrt(&ctx, kSite, 0), 0.0);
  EXPECT_EQ(omen_rt_exp(&ctx, kSite, -1000), 0.0);  // underflow to 0 is a fine real
  EXPECT_EQ(takeError(), uint32_t(OMEN_OK));
}

TEST_F(MathTest, DomainAndOverflowErrors) {
  EXPECT_EQ(omen_rt_exp(&ctx, kSite, 1000), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_NOT_FINITE));
  EXPECT_EQ(last.args[0], std::numeric_limits<double>::infinity());
  EXPECT_EQ(omen_rt_log(&ctx, kSite, -3), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
  EXPECT_EQ(last.args[0], -3.0);
  EXPECT_EQ(omen_rt_log(&ctx, kSite, 0), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
  EXPECT_EQ(omen_rt_log10(&ctx, kSite, -1), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
  EXPECT_EQ(omen_rt_sqrt(&ctx, kSite, -4), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
  EXPECT_EQ(last.args[0], -4.0);
  EXPECT_EQ(omen_rt_logit(&ctx, kSite, 1), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
  EXPECT_EQ(omen_rt_logit(&ctx, kSite, 0), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
}

TEST_F(MathTest, AbsMinMaxClamp) {
  EXPECT_EQ(omen_rt_abs(&ctx, kSite, -2.5), 2.5);
  EXPECT_EQ(omen_rt_abs_i(&ctx, kSite, -7), 7);
  EXPECT_EQ(omen_rt_abs_i(&ctx, kSite, INT64_MAX), INT64_MAX);
  EXPECT_EQ(omen_rt_min(&ctx, kSite, 1.5, -2), -2.0);
  EXPECT_EQ(omen_rt_max(&ctx, kSite, 1.5, -2), 1.5);
  EXPECT_EQ(omen_rt_min_i(&ctx, kSite, 3, 4), 3);
  EXPECT_EQ(omen_rt_max_i(&ctx, kSite, 3, 4), 4);
  EXPECT_EQ(omen_rt_clamp(&ctx, kSite, 5, 0, 1), 1.0);
  EXPECT_EQ(omen_rt_clamp(&ctx, kSite, -5, 0, 1), 0.0);
  EXPECT_EQ(omen_rt_clamp(&ctx, kSite, 0.25, 0, 1), 0.25);
  EXPECT_EQ(omen_rt_clamp_i(&ctx, kSite, 12, 0, 10), 10);
  EXPECT_EQ(omen_rt_clamp_i(&ctx, kSite, 1, 1, 1), 1);
  EXPECT_EQ(takeError(), uint32_t(OMEN_OK));
  EXPECT_EQ(omen_rt_abs_i(&ctx, kSite, INT64_MIN), 0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_INT_OVERFLOW));
  EXPECT_EQ(omen_rt_clamp(&ctx, kSite, 0.5, 1, 0), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
  EXPECT_EQ(last.argCount, 3u);
  EXPECT_EQ(last.args[1], 1.0);
  EXPECT_EQ(last.args[2], 0.0);
  EXPECT_EQ(omen_rt_clamp_i(&ctx, kSite, 0, 5, 4), 0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DOMAIN));
}

TEST_F(MathTest, FloorCeilRound) {
  EXPECT_EQ(omen_rt_floor(&ctx, kSite, -2.5), -3);
  EXPECT_EQ(omen_rt_ceil(&ctx, kSite, -2.5), -2);
  EXPECT_EQ(omen_rt_floor(&ctx, kSite, 7.99), 7);
  EXPECT_EQ(omen_rt_ceil(&ctx, kSite, 7.01), 8);
  // Halves round away from zero.
  EXPECT_EQ(omen_rt_round(&ctx, kSite, 2.5), 3);
  EXPECT_EQ(omen_rt_round(&ctx, kSite, -2.5), -3);
  EXPECT_EQ(omen_rt_round(&ctx, kSite, 0.5), 1);
  EXPECT_EQ(omen_rt_round(&ctx, kSite, 3.5), 4);
  EXPECT_EQ(omen_rt_round(&ctx, kSite, 0.49999999999999994), 0);
  EXPECT_EQ(omen_rt_floor(&ctx, kSite, -9223372036854775808.0), INT64_MIN);
  EXPECT_EQ(takeError(), uint32_t(OMEN_OK));
  EXPECT_EQ(omen_rt_floor(&ctx, kSite, 9223372036854775808.0), 0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_INT_OVERFLOW));
  EXPECT_EQ(last.args[0], 9223372036854775808.0);
  EXPECT_EQ(omen_rt_round(&ctx, kSite, -1e19), 0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_INT_OVERFLOW));
  EXPECT_EQ(omen_rt_ceil(&ctx, kSite, NAN), 0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_INT_OVERFLOW));
}

TEST_F(MathTest, Pow) {
  EXPECT_EQ(omen_rt_pow(&ctx, kSite, 2, 10), 1024.0);
  EXPECT_EQ(omen_rt_pow(&ctx, kSite, -8, 1.0 / 3), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_NOT_FINITE));
  EXPECT_TRUE(std::isnan(last.args[0]));
  EXPECT_EQ(last.args[1], -8.0);
  EXPECT_EQ(omen_rt_pow(&ctx, kSite, 0, -1), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_NOT_FINITE));
  EXPECT_EQ(omen_rt_pow(&ctx, kSite, 10, 400), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_NOT_FINITE));
}

TEST_F(MathTest, ModTakesTheSignOfTheDivisor) {
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, 7, 3), 1);
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, -7, 3), 2);
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, 7, -3), -2);
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, -7, -3), -1);
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, -6, 3), 0);
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, INT64_MIN, -1), 0);
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, INT64_MIN, INT64_MAX), INT64_MAX - 1);
  EXPECT_EQ(omen_rt_mod(&ctx, kSite, 7.5, 2), 1.5);
  EXPECT_EQ(omen_rt_mod(&ctx, kSite, -7.5, 2), 0.5);
  EXPECT_EQ(omen_rt_mod(&ctx, kSite, 7.5, -2), -0.5);
  EXPECT_EQ(omen_rt_mod(&ctx, kSite, -7.5, -2), -1.5);
  EXPECT_EQ(omen_rt_mod(&ctx, kSite, 1e17 + 8, 3), std::fmod(1e17 + 8, 3));  // exact
  EXPECT_EQ(takeError(), uint32_t(OMEN_OK));
  EXPECT_EQ(omen_rt_mod_i(&ctx, kSite, 5, 0), 0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DIV_ZERO));
  EXPECT_EQ(omen_rt_mod(&ctx, kSite, 5, 0), 0.0);
  EXPECT_EQ(takeError(), uint32_t(OMEN_ERR_DIV_ZERO));
}

TEST_F(MathTest, LogisticAndLogit) {
  EXPECT_EQ(omen_rt_logistic(&ctx, kSite, 0), 0.5);
  EXPECT_EQ(omen_rt_logistic(&ctx, kSite, 1000), 1.0);
  EXPECT_EQ(omen_rt_logistic(&ctx, kSite, -1000), 0.0);
  EXPECT_DOUBLE_EQ(omen_rt_logistic(&ctx, kSite, std::log(3.0)), 0.75);
  EXPECT_DOUBLE_EQ(omen_rt_logistic(&ctx, kSite, -std::log(3.0)), 0.25);
  EXPECT_EQ(omen_rt_logit(&ctx, kSite, 0.5), 0.0);
  EXPECT_DOUBLE_EQ(omen_rt_logit(&ctx, kSite, 0.75), std::log(3.0));
  EXPECT_DOUBLE_EQ(omen_rt_logit(&ctx, kSite, omen_rt_logistic(&ctx, kSite, -30)), -30);
  EXPECT_EQ(takeError(), uint32_t(OMEN_OK));
}

TEST_F(MathTest, MathDrawsNothing) {
  OmenTrialContext fresh;
  omen_rt_begin_trial(&fresh, 1, 0);
  omen_rt_exp(&ctx, kSite, 1);
  omen_rt_mod_i(&ctx, kSite, 5, 3);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), omen_rt_next_uniform(&fresh));
}

}  // namespace
}  // namespace omen::rt
