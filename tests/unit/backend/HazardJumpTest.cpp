//===- HazardJumpTest.cpp - Jumps over failed choices: exact, on every engine ---===//
//
// Phases that jump to the next success of their choices (ir/Hazards.h) against closed forms
// and against the same scenario written so that the analysis refuses the jump (the body
// reads `step`, which changes nothing else): the engines agree bit for bit, `t` and
// `time(e)` count every step, and the distributions are those of a run of every step.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

/// Trials [0, n) of the first scenario of `text` on the JIT; fails the test on an error.
EngineRun runJit(const std::string& text, uint64_t n, uint64_t seed = 3) {
  auto lowered = lowerSource(text);
  EXPECT_TRUE(lowered->ir) << lowered->errors;
  if (!lowered->ir) return {};
  std::string error;
  auto kernel = llvmgen::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  EXPECT_TRUE(kernel) << error;
  if (!kernel) return {};
  EngineRun run = runEngine(*kernel, seed, n, 4096);
  EXPECT_TRUE(run.ok);
  return run;
}

bool jumps(const std::string& text) {
  auto lowered = lowerSource(text);
  return lowered->ir && lowered->ir->scenarios[0].phases[0].jumpsHazards;
}

const char* kOneHazard = R"(
scenario s {
  event e
  phase p for 1000 {
    with probability 1e-3 { trigger e; end }
  }
  report P(e)
  report E(time(e) | e)
  report E(t)
}
)";

TEST(HazardJump, OneHazardClosedForm) {
  ASSERT_TRUE(jumps(kOneHazard));
  auto lowered = lowerSource(kOneHazard);
  EXPECT_EQ(expectParity(*lowered, 1, 20000), 0);

  const uint64_t n = 200000;
  EngineRun run = runJit(kOneHazard, n);
  ASSERT_EQ(run.outcomes.size(), n * 6);
  // time(e) is Geometric(q) on 0, 1, … cut at 1,000; `end` counts its step, so t = time + 1.
  const double q = 1e-3, pe = 1 - std::pow(1 - q, 1000);
  double meanTime = 0;
  for (int k = 0; k < 1000; ++k) meanTime += k * std::pow(1 - q, k) * q;
  meanTime /= pe;
  double hits = 0, sumTime = 0, sumTime2 = 0;
  for (uint64_t i = 0; i < n; ++i) {
    const double* row = &run.outcomes[i * 6];
    if (row[1] == 1) {
      hits += 1, sumTime += row[3], sumTime2 += row[3] * row[3];
      EXPECT_EQ(row[5], row[3] + 1);
    } else {
      EXPECT_EQ(row[5], 1000);
    }
  }
  EXPECT_NEAR(hits / n, pe, 5 * std::sqrt(pe * (1 - pe) / n));
  const double mean = sumTime / hits, sd = std::sqrt(sumTime2 / hits - mean * mean);
  EXPECT_NEAR(mean, meanTime, 5 * sd / std::sqrt(hits));
}

// Probabilities that change when a choice succeeds, an else branch that holds a second
// choice, a choice whose success changes nothing (an event that already happened), `stop`,
// and a second phase: the same outcomes as running every step, in distribution.
const char* kWalk = R"(
scenario s {
  state n = 0
  state level = 0.01
  event first
  event odd
  phase climb until n >= 3 limit 5000 {
    with probability level {
      n = n + 1
      level = level * 2
      if n == 1 { trigger first }
    } else {
      with probability 0.002 { trigger odd }
    }
    GUARD
  }
  phase rest for 300 {
    with probability 0.01 { trigger odd }
    with probability 0.004 { stop }
  }
  report E(t)
  report E(time(first) | first)
  report P(odd)
  report E(time(odd) | odd)
}
)";

std::string walk(const std::string& guard) {
  std::string text = kWalk;
  return text.replace(text.find("GUARD"), 5, guard);
}

TEST(HazardJump, SameDistributionsAsEveryStep) {
  const std::string jumping = walk(""), stepping = walk("if step < 0 { trigger odd }");
  ASSERT_TRUE(jumps(jumping));
  ASSERT_FALSE(jumps(stepping));
  auto lowered = lowerSource(jumping);
  EXPECT_EQ(expectParity(*lowered, 5, 3000), 0);

  const uint64_t n = 100000;
  EngineRun a = runJit(jumping, n), b = runJit(stepping, n);
  ASSERT_EQ(a.outcomes.size(), n * 8);
  ASSERT_EQ(b.outcomes.size(), n * 8);
  // Each report's mean (over the trials where it is defined) within 5 se of the difference.
  for (int r = 0; r < 4; ++r) {
    double m[2] = {}, v[2] = {}, c[2] = {};
    for (int side = 0; side < 2; ++side) {
      const EngineRun& run = side ? b : a;
      double s = 0, s2 = 0;
      for (uint64_t i = 0; i < n; ++i) {
        if (run.outcomes[i * 8 + 2 * r] != 1) continue;
        double x = run.outcomes[i * 8 + 2 * r + 1];
        s += x, s2 += x * x, c[side] += 1;
      }
      m[side] = s / c[side];
      v[side] = (s2 / c[side] - m[side] * m[side]) / c[side];
    }
    EXPECT_NEAR(m[0], m[1], 5 * std::sqrt(v[0] + v[1])) << "report " << r;
  }
}

// An `until` phase whose choices cannot succeed in time fails at its limit, on the same trial
// with the same error on both engines.
TEST(HazardJump, UntilFailsAtItsLimit) {
  auto lowered = lowerSource(R"(
scenario s {
  event e
  phase p until e limit 100 {
    with probability 0.001 { trigger e }
  }
  report P(e)
}
)");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  ASSERT_TRUE(lowered->ir->scenarios[0].phases[0].jumpsHazards);
  EXPECT_EQ(expectParity(*lowered, 1, 400), 1);
  std::string error;
  auto kernel = interp::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  EngineRun run = runEngine(*kernel, 1, 400, 400);
  EXPECT_EQ(run.error.code, OMEN_ERR_PHASE_LIMIT);
  EXPECT_EQ(run.error.args[0], 100.0);
}

// A bad probability fails at the step that reaches it, jump or not.
TEST(HazardJump, BadProbabilityFailsAsWritten) {
  auto lowered = lowerSource(R"(
scenario s {
  state x = 0
  phase p for 1000 {
    with probability 0.01 { x = x + 1 }
    with probability 0.5 - x / 4 { x = x }
  }
  report E(x)
}
)");
  EXPECT_EQ(expectParity(*lowered, 2, 300), 1);
}

}  // namespace
}  // namespace omen::testing
