//===- SamplersErrorsTest.cpp - Invalid distribution arguments -------------===//
//
// Each invalid call records the right code, the call's site and the offending values, and
// returns 0 without drawing (bernoulli excepted: it always draws its one uniform).
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "runtime/kernel/Builtins.h"

namespace omen::rt {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct BadCall {
  const char* what;
  std::function<double(OmenTrialContext*, uint32_t)> call;
  uint32_t code;
  uint32_t argCount;
  double args[3];
};

void expectError(const BadCall& c) {
  SCOPED_TRACE(c.what);
  OmenTrialContext ctx;
  omen_rt_begin_trial(&ctx, 1, 0);
  const uint32_t site = 42;
  EXPECT_EQ(c.call(&ctx, site), 0.0);
  EXPECT_EQ(ctx.error.code, c.code);
  EXPECT_EQ(ctx.error.site, site);
  EXPECT_EQ(ctx.error.argCount, c.argCount);
  for (uint32_t i = 0; i < c.argCount; ++i) {
    if (std::isnan(c.args[i]))
      EXPECT_TRUE(std::isnan(ctx.error.args[i])) << "arg " << i;
    else
      EXPECT_EQ(ctx.error.args[i], c.args[i]) << "arg " << i;
  }
}

TEST(SamplerErrors, EachInvalidArgumentIsReported) {
  const double nan = NAN;
  const BadCall calls[] = {
      {"bernoulli p > 1", [](auto* c, uint32_t s) { return double(omen_rt_bernoulli(c, s, 1.2)); },
       OMEN_ERR_PROBABILITY, 1, {1.2}},
      {"bernoulli p < 0", [](auto* c, uint32_t s) { return double(omen_rt_bernoulli(c, s, -0.1)); },
       OMEN_ERR_PROBABILITY, 1, {-0.1}},
      {"bernoulli NaN", [](auto* c, uint32_t s) { return double(omen_rt_bernoulli(c, s, NAN)); },
       OMEN_ERR_PROBABILITY, 1, {nan}},
      {"uniform a > b", [](auto* c, uint32_t s) { return omen_rt_uniform(c, s, 2, 1); },
       OMEN_ERR_DIST_ARGS, 2, {2, 1}},
      {"uniform inf", [](auto* c, uint32_t s) { return omen_rt_uniform(c, s, 0, kInf); },
       OMEN_ERR_DIST_ARGS, 2, {0, kInf}},
      {"normal sigma < 0", [](auto* c, uint32_t s) { return omen_rt_normal(c, s, 0, -1); },
       OMEN_ERR_DIST_ARGS, 2, {0, -1}},
      {"normal NaN mu", [](auto* c, uint32_t s) { return omen_rt_normal(c, s, NAN, 1); },
       OMEN_ERR_DIST_ARGS, 2, {nan, 1}},
      {"lognormal sigma < 0", [](auto* c, uint32_t s) { return omen_rt_lognormal(c, s, 0, -2); },
       OMEN_ERR_DIST_ARGS, 2, {0, -2}},
      {"beta a <= 0", [](auto* c, uint32_t s) { return omen_rt_beta(c, s, -1, 2); },
       OMEN_ERR_DIST_ARGS, 2, {-1, 2}},
      {"beta b = 0", [](auto* c, uint32_t s) { return omen_rt_beta(c, s, 1, 0); },
       OMEN_ERR_DIST_ARGS, 2, {1, 0}},
      {"gamma shape 0", [](auto* c, uint32_t s) { return omen_rt_gamma(c, s, 0, 1); },
       OMEN_ERR_DIST_ARGS, 2, {0, 1}},
      {"gamma scale < 0", [](auto* c, uint32_t s) { return omen_rt_gamma(c, s, 2, -1); },
       OMEN_ERR_DIST_ARGS, 2, {2, -1}},
      {"exponential rate 0", [](auto* c, uint32_t s) { return omen_rt_exponential(c, s, 0); },
       OMEN_ERR_DIST_ARGS, 1, {0}},
      {"triangular mode < lo",
       [](auto* c, uint32_t s) { return omen_rt_triangular(c, s, 1, 0, 2); },
       OMEN_ERR_DIST_ARGS, 3, {1, 0, 2}},
      {"triangular mode > hi",
       [](auto* c, uint32_t s) { return omen_rt_triangular(c, s, 0, 3, 2); },
       OMEN_ERR_DIST_ARGS, 3, {0, 3, 2}},
      {"pert lo > hi", [](auto* c, uint32_t s) { return omen_rt_pert(c, s, 5, 4, 3); },
       OMEN_ERR_DIST_ARGS, 3, {5, 4, 3}},
      {"loguniform a = 0", [](auto* c, uint32_t s) { return omen_rt_loguniform(c, s, 0, 1); },
       OMEN_ERR_DIST_ARGS, 2, {0, 1}},
      {"loguniform a > b", [](auto* c, uint32_t s) { return omen_rt_loguniform(c, s, 2, 1); },
       OMEN_ERR_DIST_ARGS, 2, {2, 1}},
      {"poisson lambda < 0", [](auto* c, uint32_t s) { return double(omen_rt_poisson(c, s, -1)); },
       OMEN_ERR_DIST_ARGS, 1, {-1}},
      {"poisson lambda > 2^53",
       [](auto* c, uint32_t s) { return double(omen_rt_poisson(c, s, 1e17)); },
       OMEN_ERR_DIST_ARGS, 1, {1e17}},
      {"binomial n < 0",
       [](auto* c, uint32_t s) { return double(omen_rt_binomial(c, s, -1, 0.5)); },
       OMEN_ERR_DIST_ARGS, 2, {-1, 0.5}},
      {"binomial n > 2^53",
       [](auto* c, uint32_t s) {
         return double(omen_rt_binomial(c, s, (int64_t{1} << 53) + 1, 0.5));
       },
       OMEN_ERR_DIST_ARGS, 2, {9007199254740992.0, 0.5}},
      {"binomial p > 1",
       [](auto* c, uint32_t s) { return double(omen_rt_binomial(c, s, 10, 1.5)); },
       OMEN_ERR_PROBABILITY, 1, {1.5}},
      {"geometric p = 0", [](auto* c, uint32_t s) { return double(omen_rt_geometric(c, s, 0)); },
       OMEN_ERR_DIST_ARGS, 1, {0}},
      {"geometric p > 1", [](auto* c, uint32_t s) { return double(omen_rt_geometric(c, s, 2)); },
       OMEN_ERR_PROBABILITY, 1, {2}},
      {"geometric beyond int64",
       [](auto* c, uint32_t s) { return double(omen_rt_geometric(c, s, 1e-300)); },
       OMEN_ERR_INT_OVERFLOW, 1, {1e-300}},
      {"to lo = hi", [](auto* c, uint32_t s) { return omen_rt_to(c, s, 5, 5); },
       OMEN_ERR_DIST_ARGS, 2, {5, 5}},
      {"to lo <= 0", [](auto* c, uint32_t s) { return omen_rt_to(c, s, 0, 5); },
       OMEN_ERR_DIST_ARGS, 2, {0, 5}},
      {"categorical negative weight",
       [](auto* c, uint32_t s) {
         static const double w[] = {0.6, -0.1, 0.5};
         return double(omen_rt_categorical(c, s, w, 3));
       },
       OMEN_ERR_CATEGORICAL, 3, {0.6 + -0.1 + 0.5, 2, -0.1}},
      {"categorical sum 0.9",
       [](auto* c, uint32_t s) {
         static const double w[] = {0.6, 0.3};
         return double(omen_rt_categorical(c, s, w, 2));
       },
       OMEN_ERR_CATEGORICAL, 1, {0.6 + 0.3}},
      {"categorical sum off by 2e-9",
       [](auto* c, uint32_t s) {
         static const double w[] = {0.5, 0.5 + 2e-9};
         return double(omen_rt_categorical(c, s, w, 2));
       },
       OMEN_ERR_CATEGORICAL, 1, {0.5 + (0.5 + 2e-9)}},
      {"categorical NaN weight",
       [](auto* c, uint32_t s) {
         static const double w[] = {NAN, 1.0};
         return double(omen_rt_categorical(c, s, w, 2));
       },
       OMEN_ERR_CATEGORICAL, 3, {nan, 1, nan}},
      {"categorical no weights",
       [](auto* c, uint32_t s) { return double(omen_rt_categorical(c, s, nullptr, 0)); },
       OMEN_ERR_CATEGORICAL, 1, {0}},
      {"lognormal overflow", [](auto* c, uint32_t s) { return omen_rt_lognormal(c, s, 800, 0); },
       OMEN_ERR_NOT_FINITE, 1, {kInf}},
      {"exponential overflow",
       [](auto* c, uint32_t s) { return omen_rt_exponential(c, s, 1e-320); },
       OMEN_ERR_NOT_FINITE, 1, {kInf}},
  };
  for (const BadCall& c : calls) expectError(c);
}

TEST(SamplerErrors, InvalidArgumentsDrawNothing) {
  OmenTrialContext a, b;
  omen_rt_begin_trial(&a, 1, 0);
  omen_rt_begin_trial(&b, 1, 0);
  omen_rt_gamma(&a, 1, -1, 1);
  omen_rt_binomial(&a, 1, -3, 0.5);
  EXPECT_EQ(omen_rt_next_uniform(&a), omen_rt_next_uniform(&b));
}

TEST(SamplerErrors, TheFirstErrorOfATrialIsKept) {
  OmenTrialContext c;
  omen_rt_begin_trial(&c, 1, 0);
  omen_rt_beta(&c, 3, -1, 2);
  omen_rt_normal(&c, 4, 0, -1);
  EXPECT_EQ(c.error.code, uint32_t(OMEN_ERR_DIST_ARGS));
  EXPECT_EQ(c.error.site, 3u);
  EXPECT_EQ(c.error.args[0], -1.0);
}

}  // namespace
}  // namespace omen::rt
