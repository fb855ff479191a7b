//===- InterpSemanticsTest.cpp - Exact semantics of trials, phases and draws -===//
//
// Deterministic scenarios whose every trial gives the same outcome, so the expected values
// are exact: clocks, end/stop, events across phases, short-circuits, draw alignment, pins.
//
//===----------------------------------------------------------------------===//
#include "../ir/KernelRunner.h"
#include "../ir/LowerFixture.h"
#include "backend/interp/Interpreter.h"

namespace omen::test {
namespace {

struct Compiled {
  Lowered lowered;
  std::unique_ptr<rt::Kernel> kernel;
  Compiled(const std::string& text, const std::string& scenario) : lowered(text) {
    if (!lowered.module) return;
    const ir::Scenario* s = lowered.module->findScenario(scenario);
    EXPECT_TRUE(s) << scenario;
    if (!s) return;
    std::string error;
    kernel = interp::compileScenario(*lowered.module, *s, error);
    EXPECT_TRUE(kernel) << error;
  }
};

/// Every trial's value of each report (they must agree across trials).
std::vector<double> exactValues(const rt::Kernel& k, uint64_t trials = 50) {
  RunOutcome r = runKernel(k, trials);
  EXPECT_TRUE(r.ok) << "error code " << r.error.code << " at site " << r.error.site;
  std::vector<double> v;
  for (const Estimate& e : r.reports) {
    EXPECT_EQ(e.se, 0.0) << "report varies across trials";
    v.push_back(e.n ? e.mean : -999);
  }
  return v;
}

// `t` counts steps across phases, `step` restarts per phase, `time(e)` is the `t` of the
// first trigger, a step executing `stop` counts, and events persist into later phases.
TEST(InterpSemantics, ClocksAcrossPhases) {
  Compiled c(R"(
scenario clocks {
  state in_b = 0
  state saw_a_in_b = false
  event a_mid
  event b_first
  phase a for 5 {
    if step == 3 { trigger a_mid }
  }
  phase b for 4 {
    if step == 0 { trigger b_first }
    if step == 1 { trigger a_mid }
    saw_a_in_b = a_mid
    in_b = in_b + 1
    if step == 2 { stop }
  }
  report E(time(a_mid) | a_mid)
  report E(time(b_first) | b_first)
  report E(t)
  report E(in_b)
  report P(saw_a_in_b)
}
)",
             "clocks");
  ASSERT_TRUE(c.kernel);
  EXPECT_EQ(exactValues(*c.kernel), (std::vector<double>{3, 5, 8, 3, 1}));
}

// `end` finishes the trial: later phases never start, and the ending step counts.
TEST(InterpSemantics, EndSkipsLaterPhases) {
  Compiled c(R"(
scenario ending {
  state later = false
  phase a for 10 {
    if step == 4 { end }
  }
  phase b for 3 {
    later = true
  }
  report E(t)
  report P(later)
}
)",
             "ending");
  ASSERT_TRUE(c.kernel);
  EXPECT_EQ(exactValues(*c.kernel), (std::vector<double>{5, 0}));
}

// `until` is checked before each step: a condition true at the start runs no step.
TEST(InterpSemantics, UntilCheckedBeforeEachStep) {
  Compiled c(R"(
scenario until_rule {
  state n = 0
  phase none until true { n = n + 100 }
  phase some until n >= 7 limit 7 { n = n + 1 }
  phase zero for 0 { n = n + 1000 }
  report E(n)
  report E(t)
}
)",
             "until_rule");
  ASSERT_TRUE(c.kernel);
  EXPECT_EQ(exactValues(*c.kernel), (std::vector<double>{7, 7}));
}

// Short-circuits skip their right side and its draws: the invalid draws on the right would
// fail the trial if they ran. Functions (expression and block bodies) compute as written.
TEST(InterpSemantics, ShortCircuitsAndFunctions) {
  Compiled c(R"(
fn twice_plus(x: real, k: int) -> real {
  let y = x * 2
  return y + k
}
fn pick(b: bool) -> int = if b then 10 else 20
scenario lazy {
  state a = false and bernoulli(2.0)
  state b = true or bernoulli(-1.0)
  state c = if true then 1 else geometric(-1.0)
  state d = twice_plus(1.5, 4) + pick(false)
  state e = mod(-7, 3)
  state f = min(2, 3.5)
  report P(a)
  report P(b)
  report E(c)
  report E(d)
  report E(e)
  report E(f)
}
)",
             "lazy");
  ASSERT_TRUE(c.kernel);
  std::vector<double> v = exactValues(*c.kernel);
  ASSERT_EQ(v.size(), 6u);
  EXPECT_EQ(v[0], 0);
  EXPECT_EQ(v[1], 1);
  EXPECT_EQ(v[2], 1);
  EXPECT_EQ(v[3], 27);
  EXPECT_EQ(v[5], 2);
}

// bernoulli(p) and `with probability p` use exactly one uniform whatever p, so the uniform
// drawn after them is the same trial by trial for p = 0 and p = 1.
TEST(InterpSemantics, BernoulliAlwaysUsesOneUniform) {
  const char* text = R"(
scenario zero {
  state a = bernoulli(0.0)
  state u = 0.0
  phase once for 1 {
    with probability 0 { a = true }
    u = uniform(0, 1)
  }
  report E(u)
}
scenario one extends zero {
  state a = bernoulli(1.0)
  phase once for 1 {
    with probability 1 { a = false }
    u = uniform(0, 1)
  }
}
)";
  Compiled zero(text, "zero"), one(text, "one");
  ASSERT_TRUE(zero.kernel && one.kernel);
  RunOutcome a = runKernel(*zero.kernel, 1000, 7, {}, true);
  RunOutcome b = runKernel(*one.kernel, 1000, 7, {}, true);
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.outcomes, b.outcomes);
  EXPECT_GT(a.reports[0].se, 0);  // the uniforms do vary across trials
}

// The result depends on seed and trial index only: blocks of any size give the same
// outcomes, and another seed gives others.
TEST(InterpSemantics, DeterministicAcrossBlocking) {
  Compiled c(R"(
scenario noisy {
  param rate ~ beta(2, 5)
  state x = normal(0, 1) + poisson(3)
  event e
  phase go for 20 { with probability rate { trigger e } }
  report E(x)
  report E(time(e) | e)
}
)",
             "noisy");
  ASSERT_TRUE(c.kernel);
  RunOutcome whole = runKernel(*c.kernel, 3000, 42, {}, true, 3000);
  RunOutcome pieces = runKernel(*c.kernel, 3000, 42, {}, true, 7);
  RunOutcome other = runKernel(*c.kernel, 3000, 43, {}, true, 3000);
  ASSERT_TRUE(whole.ok && pieces.ok && other.ok);
  EXPECT_EQ(whole.outcomes, pieces.outcomes);
  EXPECT_NE(whole.outcomes, other.outcomes);
}

// --set: a fixed param takes the given value and the params after it are recomputed from it;
// an uncertain param whose slot is overridden is pinned (no draw; the value is used).
TEST(InterpSemantics, OverridesAndPins) {
  Compiled c(R"(
scenario knobs {
  param a = 2
  param b = a * 3
  param p ~ beta(2, 2)
  state q = p
  report E(b)
  report E(q)
}
)",
             "knobs");
  ASSERT_TRUE(c.kernel);
  const rt::ScenarioInfo& info = c.kernel->info();
  ASSERT_EQ(info.params.size(), 3u);
  EXPECT_FALSE(info.params[0].uncertain);
  EXPECT_TRUE(info.params[2].uncertain);
  Value five{}, pin{};
  five.i = 5;
  pin.r = 0.25;
  std::vector<std::pair<uint32_t, Value>> overrides{{info.params[0].slot, five}, {info.params[2].slot, pin}};
  std::vector<double> v;
  RunOutcome r = runKernel(*c.kernel, 100, 1, overrides);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.reports[0].mean, 15);
  EXPECT_EQ(r.reports[1].mean, 0.25);
  EXPECT_EQ(r.reports[1].se, 0);
  RunOutcome free = runKernel(*c.kernel, 100, 1);
  ASSERT_TRUE(free.ok);
  EXPECT_EQ(free.reports[0].mean, 6);
  EXPECT_GT(free.reports[1].se, 0);
}

}  // namespace
}  // namespace omen::test
