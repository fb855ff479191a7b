//===- QuiescentStepsTest.cpp - Skipped quiet steps: exact, on every engine ===//
//
// Closed forms for scenarios whose trials go quiet at random steps (ir/Quiescence.h): `t`
// counts every step, skipped or not, and the draws are those of a run that executes them.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

// Half the trials are never `on`, so every step of theirs is quiet; the others stop drawing
// once `e` happened. Then up to five steps that stop with probability 1/2 once `e` happened.
const char* kQuiet = R"(
scenario s {
  state on = bernoulli(0.5)
  event e
  phase p for 1000 {
    if on and not e {
      with probability 1% { trigger e }
    }
  }
  phase q for 5 {
    if e { with probability 50% { stop } }
  }
  report E(t)
  report P(e)
}
)";

TEST(QuiescentSteps, ClosedFormAndParity) {
  auto lowered = lowerSource(kQuiet);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  const ir::Scenario& s = lowered->ir->scenarios[0];
  ASSERT_TRUE(s.phases[0].skipQuiescent);
  EXPECT_EQ(expectParity(*lowered, 1, 4000), 0);

  const uint64_t trials = 20000;
  std::string error;
  auto kernel = llvmgen::compileScenario(*lowered->ir, s, error);
  ASSERT_TRUE(kernel) << error;
  EngineRun run = runEngine(*kernel, 3, trials, 4096);
  ASSERT_TRUE(run.ok);
  // P(e) = 1/2 (1 - 0.99^1000); q runs min(Geometric(1/2), 5) steps after e (E = 1.9375), else 5.
  double pe = 0.5 * (1 - std::pow(0.99, 1000));
  double expectedT = 1000 + pe * 1.9375 + (1 - pe) * 5;
  double sumT = 0, sumT2 = 0, sumE = 0;
  for (uint64_t i = 0; i < trials; ++i) {
    double t = run.outcomes[i * 4 + 1], e = run.outcomes[i * 4 + 3];
    EXPECT_GE(t, 1001);  // the first phase always counts its 1,000 steps
    sumT += t, sumT2 += t * t, sumE += e;
  }
  double meanT = sumT / trials, sdT = std::sqrt(sumT2 / trials - meanT * meanT);
  EXPECT_NEAR(meanT, expectedT, 5 * sdT / std::sqrt(double(trials)));
  EXPECT_NEAR(sumE / trials, pe, 5 * std::sqrt(pe * (1 - pe) / trials));
}

// A quiet `until` phase whose condition can no longer change runs to its limit: the same
// error, at the same trial, as stepping through every step.
TEST(QuiescentSteps, UntilReachesItsLimit) {
  auto lowered = lowerSource(R"(
scenario s {
  state on = bernoulli(0.9)
  state n = 0
  phase p until n >= 3 limit 500 {
    if on { with probability 10% { n = n + 1 } }
  }
  report E(t)
}
)");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  ASSERT_TRUE(lowered->ir->scenarios[0].phases[0].skipQuiescent);
  EXPECT_EQ(expectParity(*lowered, 1, 200), 1);
  std::string error;
  auto kernel = interp::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  EngineRun run = runEngine(*kernel, 1, 200, 200);
  EXPECT_EQ(run.error.code, OMEN_ERR_PHASE_LIMIT);
  EXPECT_EQ(run.error.args[0], 500.0);
}

}  // namespace
}  // namespace omen::testing
