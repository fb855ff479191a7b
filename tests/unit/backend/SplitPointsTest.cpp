//===- SplitPointsTest.cpp - Split points: replayed clones, the same on every engine ===//
//
// A scenario instrumented by ir/SplitPoints.h runs, without a split (a null tilt), exactly
// the trials of the scenario as written; with one, a clone replays its ancestor's steps up to
// its switch and then reads its own stream (runtime/kernel/Split.cpp), and the interpreter
// and the JIT agree on every outcome and every value the split points record.
//
//===----------------------------------------------------------------------===//
#include <cmath>
#include <limits>

#include "ir/ApplyPolicy.h"
#include "ir/SplitPoints.h"
#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

const char* kWalk = R"(
scenario walk {
  param L = 12
  state h = 1
  phase climb until h == 0 or h >= L {
    with probability 1/3 { h = h + 1 } else { h = h - 1 }
  }
  phase rest for 3 { h = h + 0 }
  report P(h >= L) as "top"
  report E(h) as "height"
}
)";

constexpr double kNever = std::numeric_limits<double>::infinity();

struct Instrumented {
  std::unique_ptr<Lowered> lowered;
  std::unique_ptr<ir::Scenario> scenario;
};

/// The walk with split points of its "height" report's expression, the report removed.
Instrumented instrument() {
  Instrumented out;
  out.lowered = lowerSource(kWalk);
  EXPECT_TRUE(out.lowered->ir) << out.lowered->errors;
  out.scenario = std::make_unique<ir::Scenario>(ir::copyScenario(out.lowered->ir->scenarios[0]));
  ir::Report height = std::move(out.scenario->reports.back());
  out.scenario->reports.pop_back();
  EXPECT_EQ(ir::addSplitPoints(*out.scenario, *height.value), "");
  return out;
}

struct Clone {
  std::vector<uint64_t> steps, streams;
  double threshold = kNever;
  bool stop = false;
};

struct CloneRun {
  std::vector<double> outcomes;
  OmenSplit split{};
};

CloneRun runClone(const rt::Kernel& kernel, const std::vector<Value>& globals, uint64_t root, const Clone& c) {
  CloneRun out;
  out.split = OmenSplit{c.steps.data(), c.streams.data(), uint32_t(c.steps.size()), 0, c.threshold, c.stop ? 1u : 0u,
                        0, 0, -kNever, -1};
  double row = 0;
  OmenTilt tilt{nullptr, 0, 1, &row, root, &out.split};
  out.outcomes.assign(kernel.info().reports.size() * rt::kOutcomeWidth, 0.0);
  OmenError error{};
  uint64_t failed = 0;
  EXPECT_TRUE(kernel.runBlock(globals.data(), 7, root, 1, out.outcomes.data(), error, failed, nullptr, &tilt));
  return out;
}

std::vector<Value> globalsOf(const rt::Kernel& kernel) {
  std::vector<Value> globals(kernel.info().globalCount, Value{});
  std::vector<uint8_t> overridden(globals.size(), 0);
  OmenError error{};
  EXPECT_TRUE(kernel.initGlobals(globals.data(), overridden.data(), error));
  return globals;
}

TEST(SplitPoints, WithoutASplitTheTrialsAreThoseAsWritten) {
  Instrumented in = instrument();
  ASSERT_TRUE(in.scenario);
  std::string error;
  ir::Scenario plain = ir::copyScenario(in.lowered->ir->scenarios[0]);
  plain.reports.pop_back();
  auto written = interp::compileScenario(*in.lowered->ir, plain, error);
  auto split = llvmgen::compileScenario(*in.lowered->ir, *in.scenario, error);
  ASSERT_TRUE(written && split) << error;
  EngineRun a = runEngine(*written, 11, 2000, 97), b = runEngine(*split, 11, 2000, 97);
  ASSERT_TRUE(a.ok && b.ok);
  ASSERT_EQ(a.outcomes.size(), b.outcomes.size());
  for (size_t i = 0; i < a.outcomes.size(); ++i) ASSERT_TRUE(sameBits(a.outcomes[i], b.outcomes[i])) << i;
}

TEST(SplitPoints, ClonesReplayTheirAncestorAndAgreeOnEveryEngine) {
  Instrumented in = instrument();
  std::string error;
  auto interp = interp::compileScenario(*in.lowered->ir, *in.scenario, error);
  auto jit = llvmgen::compileScenario(*in.lowered->ir, *in.scenario, error);
  ASSERT_TRUE(interp && jit) << error;
  const std::vector<Value> gi = globalsOf(*interp), gj = globalsOf(*jit);
  int clonesRun = 0, reachedFour = 0;
  for (uint64_t root = 0; root < 3000; ++root) {
    // The root, watching for height 3 and stopping there.
    Clone first{{}, {}, 3, true};
    CloneRun a = runClone(*interp, gi, root, first), b = runClone(*jit, gj, root, first);
    ASSERT_EQ(a.split.crossStep, b.split.crossStep);
    ASSERT_EQ(a.split.steps, b.split.steps);
    ASSERT_TRUE(sameBits(a.split.maxValue, b.split.maxValue));
    if (a.split.crossStep < 0) {
      EXPECT_LT(a.split.maxValue, 3);
      continue;
    }
    EXPECT_EQ(a.split.steps, uint64_t(a.split.crossStep) + 1);  // stopped at the step it reached 3
    EXPECT_EQ(a.split.maxValue, 3);
    // Two clones from there, on streams of their own, watching for 4.
    for (uint64_t k = 0; k < 2; ++k) {
      Clone c{{uint64_t(a.split.crossStep)}, {(uint64_t(1) << 62) + root * 2 + k}, 4, false};
      CloneRun ca = runClone(*interp, gi, root, c), cb = runClone(*jit, gj, root, c);
      ++clonesRun;
      ASSERT_EQ(ca.split.nextSwitch, 1u);
      ASSERT_EQ(ca.split.steps, cb.split.steps);
      ASSERT_EQ(ca.split.crossStep, cb.split.crossStep);
      ASSERT_TRUE(sameBits(ca.split.maxValue, cb.split.maxValue));
      for (size_t i = 0; i < ca.outcomes.size(); ++i) ASSERT_TRUE(sameBits(ca.outcomes[i], cb.outcomes[i]));
      // The replayed past is the root's: the clone was at height 3 at its switch, one step
      // from 2 or 4, so it reaches 4 after it or never (it ends at 0 or L).
      EXPECT_GE(ca.split.maxValue, 3);
      EXPECT_GT(ca.split.steps, uint64_t(a.split.crossStep) + 1);
      if (ca.split.crossStep >= 0) {
        EXPECT_GT(ca.split.crossStep, a.split.crossStep);
        ++reachedFour;
      }
    }
  }
  EXPECT_GT(clonesRun, 300);
  // From 3, P(reach 4 before 0) = (2^3 - 1) / (2^4 - 1) = 7/15 (gambler's ruin, up 1/3).
  const double share = double(reachedFour) / clonesRun, se = std::sqrt(7.0 / 15 * 8 / 15 / clonesRun);
  EXPECT_NEAR(share, 7.0 / 15, 4 * se);
}

TEST(SplitPoints, RefusedWithoutPhasesAndByTheExactEngine) {
  auto lowered = lowerSource("scenario once { state x = normal(0, 1)\n report P(x > 3) as \"tail\"\n report E(x) as \"x\" }");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  ir::Scenario s = ir::copyScenario(lowered->ir->scenarios[0]);
  EXPECT_NE(ir::addSplitPoints(s, *s.reports.back().value).find("has no phase"), std::string::npos);
  Instrumented in = instrument();
  EXPECT_FALSE(in.scenario->exact);
  EXPECT_FALSE(in.scenario->runsInLanes);
  for (const ir::Phase& p : in.scenario->phases) EXPECT_FALSE(p.skipQuiescent || p.jumpsHazards);
}

}  // namespace
}  // namespace omen::testing
