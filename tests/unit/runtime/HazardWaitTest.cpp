//===- HazardWaitTest.cpp - The geometric jump over steps whose choices failed ---===//
//
// omen_rt_hazard_wait against the law it replaces: steps that each fail every choice with
// probability S = prod (1 - p_i) until one does not; then the first choice to succeed,
// given that one does, is j with probability prod_{i<j} (1 - p_i) p_j / (1 - S).
//
//===----------------------------------------------------------------------===//
#include <cmath>
#include <vector>

#include "SamplersTestSupport.h"
#include "runtime/kernel/Hazard.h"

namespace omen::rt::test {
namespace {

struct Jump {
  double wait;
  double pick;
};

std::vector<Jump> jumps(const std::vector<double>& p, int64_t remaining, int n = kDraws) {
  std::vector<Jump> out(n);
  OmenTrialContext ctx;
  for (int i = 0; i < n; ++i) {
    omen_rt_begin_trial(&ctx, kSeed, static_cast<uint64_t>(i));
    int64_t pick = 7;
    out[i].wait = static_cast<double>(omen_rt_hazard_wait(&ctx, p.data(), uint32_t(p.size()), remaining, &pick));
    out[i].pick = static_cast<double>(pick);
  }
  return out;
}

std::vector<double> waits(const std::vector<Jump>& js) {
  std::vector<double> xs;
  for (const Jump& j : js) xs.push_back(j.wait);
  return xs;
}

TEST(HazardWait, OneChoiceWaitsGeometrically) {
  const double p = 0.2;
  auto js = jumps({p}, int64_t(1) << 53);
  for (const Jump& j : js) ASSERT_EQ(j.pick, 0);
  EXPECT_GT(chiSquarePValue(waits(js), [&](int64_t k) { return std::pow(1 - p, double(k)) * p; }, 0, INT64_MAX),
            kMinPValue);
}

TEST(HazardWait, SeveralChoicesWaitForTheirUnionThenPickTheFirst) {
  const std::vector<double> p = {0.1, 0.0, 0.3, 0.05};
  const double survive = 0.9 * 1.0 * 0.7 * 0.95;
  auto js = jumps(p, int64_t(1) << 53);
  EXPECT_GT(chiSquarePValue(waits(js), [&](int64_t k) { return std::pow(survive, double(k)) * (1 - survive); }, 0,
                            INT64_MAX),
            kMinPValue);
  std::vector<double> picks;
  for (const Jump& j : js) picks.push_back(j.pick);
  const double first[] = {0.1, 0.0, 0.9 * 0.3, 0.9 * 0.7 * 0.05};  // the choice with p = 0 never
  EXPECT_GT(chiSquarePValue(picks, [&](int64_t j) { return first[j] / (1 - survive); }, 0, 3), kMinPValue);
}

// 1,000 steps at 1e-9 each: the chance that one succeeds within k steps, 1 - (1 - p)^k, is
// reproduced where a draw per step would need 1e9 uniforms to see one success.
TEST(HazardWait, RareHazardsKeepTheirTail) {
  const double p = 1e-9;
  auto xs = waits(jumps({p}, int64_t(1) << 53));
  for (double k : {1e7, 1e8, 1e9, 3e9}) {
    const double f = -std::expm1(k * std::log1p(-p));
    const double below = static_cast<double>(std::count_if(xs.begin(), xs.end(), [&](double x) { return x < k; }));
    EXPECT_NEAR(below / xs.size(), f, 5 * std::sqrt(f * (1 - f) / xs.size())) << k;
  }
}

// At most the steps that remain: reaching them means no choice succeeds in the phase.
TEST(HazardWait, StopsAtThePhasesEnd) {
  const double p = 0.01;
  const int64_t remaining = 50;
  auto js = jumps({p, p}, remaining, 100000);
  double atEnd = 0;
  for (const Jump& j : js) {
    ASSERT_LE(j.wait, double(remaining));
    ASSERT_EQ(j.pick < 0, j.wait == double(remaining));
    atEnd += j.wait == double(remaining);
  }
  const double f = std::pow(1 - p, 2.0 * remaining);
  EXPECT_NEAR(atEnd / js.size(), f, 5 * std::sqrt(f * (1 - f) / js.size()));
}

// No success possible (no steps left, or every p = 0): nothing is drawn, as a quiescent step.
TEST(HazardWait, DrawsNothingWhenNoChoiceCanSucceed) {
  OmenTrialContext ctx;
  omen_rt_begin_trial(&ctx, kSeed, 0);
  const OmenStream before = ctx.rng;
  const double zero[] = {0.0, 0.0}, some[] = {0.5};
  int64_t pick = 3;
  EXPECT_EQ(omen_rt_hazard_wait(&ctx, zero, 2, 40, &pick), 40);
  EXPECT_EQ(pick, -1);
  EXPECT_EQ(omen_rt_hazard_wait(&ctx, zero, 0, 40, &pick), 40);
  EXPECT_EQ(omen_rt_hazard_wait(&ctx, some, 1, 0, &pick), 0);
  EXPECT_EQ(pick, -1);
  EXPECT_EQ(ctx.rng.block, before.block);
  EXPECT_EQ(ctx.rng.hasSpare, before.hasSpare);
  // One choice: one uniform (the wait); several: a second for the pick when one succeeds.
  omen_rt_hazard_wait(&ctx, some, 1, int64_t(1) << 53, &pick);
  EXPECT_EQ(ctx.rng.block, before.block + 1);
  EXPECT_EQ(ctx.rng.hasSpare, 1u);
}

}  // namespace
}  // namespace omen::rt::test
