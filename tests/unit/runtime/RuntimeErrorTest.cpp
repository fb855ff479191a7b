//===- RuntimeErrorTest.cpp - Messages for runtime error records -----------===//
#include "runtime/host/RuntimeError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "runtime/kernel/Builtins.h"

namespace omen::rt {
namespace {

OmenError err(uint32_t code, uint32_t argc, double a0 = 0, double a1 = 0, double a2 = 0) {
  return OmenError{code, 9, argc, {a0, a1, a2}};
}

/// The message of the error a real runtime call records.
template <class Call>
std::string messageOf(Call call, std::string_view what) {
  OmenTrialContext ctx;
  omen_rt_begin_trial(&ctx, 1, 0);
  call(&ctx);
  EXPECT_NE(ctx.error.code, uint32_t(OMEN_OK));
  return describeRuntimeError(ctx.error, what);
}

TEST(RuntimeError, FormatsNumbersShortestRoundTrip) {
  EXPECT_EQ(formatValue(1.2), "1.2");
  EXPECT_EQ(formatValue(-3), "-3");
  EXPECT_EQ(formatValue(1000000), "1000000");
  EXPECT_EQ(formatValue(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(formatValue(1e300), "1e+300");
  // Whole numbers below 2^64 in all their digits (issue 22), not 1e+16 or 9.223372036854776e+18.
  EXPECT_EQ(formatValue(1e16), "10000000000000000");
  EXPECT_EQ(formatValue(9223372036854775808.0), "9223372036854775808");
  EXPECT_EQ(formatValue(-4e18), "-4000000000000000000");
  EXPECT_EQ(formatValue(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(formatValue(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(formatValue(-NAN), "nan");
}

TEST(RuntimeError, Probability) {
  EXPECT_EQ(describeRuntimeError(err(OMEN_ERR_PROBABILITY, 1, 1.2), "with probability"),
            "probability 1.2 is outside [0, 1]");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_bernoulli(c, 1, -0.5); }, "bernoulli"),
            "probability -0.5 is outside [0, 1]");
}

TEST(RuntimeError, DistributionArguments) {
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_beta(c, 1, -1, 2); }, "beta"),
            "beta(a, b) needs a > 0 and b > 0; got a = -1, b = 2");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_normal(c, 1, 0, -0.5); }, "normal"),
            "normal(mu, sigma) needs sigma >= 0; got mu = 0, sigma = -0.5");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_triangular(c, 1, 3, 1, 2); }, "triangular"),
            "triangular(lo, mode, hi) needs lo <= mode <= hi; got lo = 3, mode = 1, hi = 2");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_to(c, 1, 10, 1); }, "to"),
            "to(lo, hi) needs 0 < lo < hi; got lo = 10, hi = 1");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_binomial(c, 1, -4, 0.5); }, "binomial"),
            "binomial(n, p) needs 0 <= n <= 2^53; got n = -4, p = 0.5");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_exponential(c, 1, 0); }, "exponential"),
            "exponential(rate) needs rate > 0; got rate = 0");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_uniform(c, 1, 0, INFINITY); }, "uniform"),
            "uniform(a, b) needs finite arguments with a <= b; got a = 0, b = inf");
}

TEST(RuntimeError, EveryDistributionHasItsParameterNames) {
  // A message that falls back to the generic form would mean a missing rule.
  const char* names[] = {"uniform", "normal", "lognormal", "beta", "gamma", "exponential",
                         "triangular", "pert", "loguniform", "poisson", "binomial",
                         "geometric", "to"};
  for (const char* name : names) {
    const std::string text = describeRuntimeError(err(OMEN_ERR_DIST_ARGS, 1, -1), name);
    EXPECT_EQ(text.rfind(std::string(name) + "(", 0), 0u) << text;
    EXPECT_NE(text.find(" needs "), std::string::npos) << text;
  }
}

TEST(RuntimeError, Domain) {
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_log(c, 1, -3); }, "log"),
            "log of a negative number (-3)");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_log10(c, 1, 0); }, "log10"), "log10 of zero");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_sqrt(c, 1, -2); }, "sqrt"),
            "sqrt of a negative number (-2)");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_logit(c, 1, 1.5); }, "logit"),
            "logit(p) needs 0 < p < 1; got p = 1.5");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_clamp(c, 1, 0, 3, 1); }, "clamp"),
            "clamp(x, lo, hi) needs lo <= hi; got lo = 3, hi = 1");
}

TEST(RuntimeError, IntegerOverflowAndDivision) {
  EXPECT_EQ(describeRuntimeError(err(OMEN_ERR_INT_OVERFLOW, 0), "+"), "integer overflow in '+'");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_abs_i(c, 1, INT64_MIN); }, "abs"),
            "integer overflow in 'abs'");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_floor(c, 1, 1e300); }, "floor"),
            "floor(1e+300) does not fit in an int (64 bits)");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_geometric(c, 1, 1e-300); }, "geometric"),
            "geometric(1e-300) drew a number of trials too large for an int (64 bits)");
  EXPECT_EQ(describeRuntimeError(err(OMEN_ERR_DIV_ZERO, 2, 1, 0), "/"),
            "division by zero in '/'");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_mod_i(c, 1, 4, 0); }, "mod"),
            "division by zero in 'mod'");
}

TEST(RuntimeError, NotFinite) {
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_exp(c, 1, 1000); }, "exp"),
            "value is not finite (inf) in 'exp'");
  EXPECT_EQ(messageOf([](auto* c) { omen_rt_pow(c, 1, -8, 0.5); }, "pow"),
            "value is not finite (nan) in 'pow' with operands -8 and 0.5");
}

TEST(RuntimeError, PhasesAndCounts) {
  EXPECT_EQ(describeRuntimeError(err(OMEN_ERR_PHASE_LIMIT, 1, 1000000), "phase 'training'"),
            "phase 'training' did not finish within its limit of 1000000 steps");
  EXPECT_EQ(describeRuntimeError(err(OMEN_ERR_BAD_COUNT, 1, -3), "phase 'deploy'"),
            "phase 'deploy' has a step count of -3; it must be between 0 and 2^53");
  EXPECT_EQ(describeRuntimeError(err(OMEN_ERR_LOOP_LIMIT, 1, 4294967297.0), "loop 'for i'"),
            "loop 'for i' would run 4294967297 times; a loop runs at most 2^32 = 4294967296 times per trial");
  EXPECT_EQ(describeRuntimeError(err(OMEN_ERR_LOOP_LIMIT, 1, 0x1p63), "loop 'for j'"),
            "loop 'for j' would run more than 2^53 times; a loop runs at most 2^32 = 4294967296 times per trial");
}

TEST(RuntimeError, Categorical) {
  EXPECT_EQ(messageOf(
                [](auto* c) {
                  static const double w[] = {0.6, 0.3};
                  omen_rt_categorical(c, 1, w, 2);
                },
                "categorical"),
            "categorical weights sum to 0.8999999999999999, not 1 (within 1e-9)");
  EXPECT_EQ(messageOf(
                [](auto* c) {
                  static const double w[] = {0.6, -0.1, 0.5};
                  omen_rt_categorical(c, 1, w, 3);
                },
                "categorical"),
            "categorical weight 2 is negative (-0.1)");
}

// A report's non-finite value points at the report; a kernel's error at its statement; a
// report index out of range (a stale error) falls back to the statement.
TEST(RuntimeError, SiteOfTheReportOverTheStatement) {
  const uint32_t reportSites[] = {40, 41};
  auto siteOf = [&](size_t r) { return reportSites[r]; };
  RunError kernel;
  kernel.error.site = 7;
  EXPECT_EQ(errorSite(kernel, 2, siteOf), 7u);
  RunError report = kernel;
  report.report = 1;
  EXPECT_EQ(errorSite(report, 2, siteOf), 41u);
  report.report = 2;
  EXPECT_EQ(errorSite(report, 2, siteOf), 7u);
}

}  // namespace
}  // namespace omen::rt
