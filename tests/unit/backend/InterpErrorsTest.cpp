//===- InterpErrorsTest.cpp - Runtime errors carry the right code and site ---===//
//
// Each program fails in exactly one place; the test checks the error code, that the site
// names the failing operation (its `what` and source line), and, where it matters, the
// values recorded for the message.
//
//===----------------------------------------------------------------------===//
#include "../ir/KernelRunner.h"
#include "../ir/LowerFixture.h"
#include "backend/interp/Interpreter.h"

namespace omen::test {
namespace {

struct Failure {
  bool ranOk = true;
  OmenError error{};
  uint64_t trial = 0;
  std::string what;
  uint32_t line = 0;
};

Failure runFailing(const std::string& text, uint64_t trials = 100) {
  Failure f;
  Lowered l(text);
  if (!l.module || l.module->scenarios.empty()) {
    ADD_FAILURE() << "no scenario";
    return f;
  }
  auto k = interp::compileScenario(*l.module, l.module->scenarios[0]);
  if (!k) {
    ADD_FAILURE() << "does not compile";
    return f;
  }
  RunOutcome r = runKernel(*k, trials);
  f.ranOk = r.ok;
  f.error = r.error;
  f.trial = r.failedTrial;
  if (!r.ok && r.error.site < l.module->sites.size()) {
    f.what = l.module->sites[r.error.site].what;
    f.line = l.module->sites[r.error.site].range.begin.line;
  }
  return f;
}

TEST(InterpErrors, ProbabilityOutsideUnitInterval) {
  Failure f = runFailing(R"(
scenario s {
  param p = 1.5
  phase go for 3 {
    with probability p { }
  }
  report E(t)
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_PROBABILITY);
  EXPECT_EQ(f.what, "with probability");
  EXPECT_EQ(f.line, 5u);
  EXPECT_EQ(f.error.args[0], 1.5);
  EXPECT_EQ(f.trial, 0u);
}

TEST(InterpErrors, IntOverflow) {
  Failure f = runFailing(R"(
scenario s {
  param big = 4_611_686_018_427_387_904
  state x = 1
  state y = big * 2 + x
  report E(y)
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_INT_OVERFLOW);
  EXPECT_EQ(f.what, "*");
  EXPECT_EQ(f.line, 5u);
}

TEST(InterpErrors, IntOverflowInAddition) {
  Failure f = runFailing(R"(
scenario s {
  state x = 9_223_372_036_854_775_000
  phase go for 10 { x = x + 100 }
  report E(x)
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_INT_OVERFLOW);
  EXPECT_EQ(f.what, "+");
  EXPECT_EQ(f.line, 4u);
}

TEST(InterpErrors, RealDivisionByZero) {
  Failure f = runFailing(R"(
scenario s {
  param z = 0.0
  state w = 1 / z
  report E(w)
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_DIV_ZERO);
  EXPECT_EQ(f.what, "/");
  EXPECT_EQ(f.line, 4u);
}

TEST(InterpErrors, DivisionByZeroInAConst) {
  Lowered l(R"(
const zero = 0
const bad = 3 / zero
scenario s {
  state w = bad
  report E(w)
}
)");
  ASSERT_TRUE(l.module);
  auto k = interp::compileScenario(*l.module, l.module->scenarios[0]);
  ASSERT_TRUE(k);
  RunOutcome r = runKernel(*k, 10);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, OMEN_ERR_DIV_ZERO);
  ASSERT_LT(r.error.site, l.module->sites.size());
  EXPECT_EQ(l.module->sites[r.error.site].what, "/");
}

TEST(InterpErrors, UntilPastItsLimit) {
  Failure f = runFailing(R"(
scenario s {
  state n = 0
  phase forever until n < 0 limit 10 { n = n + 1 }
  report E(n)
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_PHASE_LIMIT);
  EXPECT_EQ(f.what, "phase 'forever'");
  EXPECT_EQ(f.error.args[0], 10);
}

TEST(InterpErrors, NegativeForCount) {
  Failure f = runFailing(R"(
scenario s {
  param n = -3
  phase p for n { }
  report E(t)
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_BAD_COUNT);
  EXPECT_EQ(f.what, "phase 'p'");
  EXPECT_EQ(f.error.args[0], -3);
}

TEST(InterpErrors, ForCountAbove2To53) {
  Failure f = runFailing(R"(
scenario s {
  param n = 9_007_199_254_740_993
  phase p for n { }
  report E(t)
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_BAD_COUNT);
}

TEST(InterpErrors, NonFiniteReportValue) {
  Failure f = runFailing(R"(
scenario s {
  param huge = 1e308
  state x = huge * 10
  report E(x) as "blown up"
}
)");
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_NOT_FINITE);
  EXPECT_EQ(f.what, "report 'blown up'");
}

// A failing draw in a later trial: earlier trials succeed, and the failing trial is named.
TEST(InterpErrors, FirstFailingTrialIsReported) {
  Failure f = runFailing(R"(
scenario s {
  state u = uniform(0, 1)
  state g = if u < 0.01 then beta(-1, 1) else 0.5
  report E(g)
}
)",
                         2000);
  EXPECT_FALSE(f.ranOk);
  EXPECT_EQ(f.error.code, OMEN_ERR_DIST_ARGS);
  EXPECT_EQ(f.what, "beta");
  EXPECT_GT(f.trial, 0u);
}

}  // namespace
}  // namespace omen::test
