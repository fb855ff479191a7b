//===- QuiescenceTest.cpp - Which phases may skip quiescent steps -------------===//
#include <gtest/gtest.h>

#include "LowerFixture.h"

namespace omen::ir {
namespace {

/// The decision for the first phase of the first scenario of `program`.
std::string decideProgram(const std::string& program) {
  test::Lowered l(program);
  if (!l.module) return "<no module>";
  const Phase& p = l.module->scenarios.at(0).phases.at(0);
  EXPECT_EQ(p.skipQuiescent, p.quiescence.empty());
  return p.skipQuiescent ? "skip" : p.quiescence;
}

/// The same for a scenario made of `members`.
std::string decide(const std::string& members) { return decideProgram("scenario s {\n" + members + "\n}\n"); }

const char* kHead = "state on = bernoulli(0.5)\nstate x = 0\nevent e\n";

TEST(Quiescence, AGuardedBodySkips) {
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 100 { if on { with probability 0.1 { trigger e } } }\nreport P(e)"),
            "skip");
  // Locals set before use, states read and written, event times: all unchanged by a quiet step.
  EXPECT_EQ(decide(std::string(kHead) +
                   "phase p for 100 { let y = x + 1\n if on and e and time(e) < 0 { x = y } }\nreport E(x)"),
            "skip");
  // An until condition over states: the body changes them, or the phase runs to its limit.
  EXPECT_EQ(decide(std::string(kHead) + "phase p until x > 3 limit 1000 { if on { x = x + 1 } }\nreport E(x)"),
            "skip");
}

TEST(Quiescence, ClocksForbidSkipping) {
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 100 { if on { x = t } }\nreport E(x)"), "the body reads t");
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 100 { if step > 50 { trigger e } }\nreport P(e)"),
            "the body reads step");
  EXPECT_EQ(decide(std::string(kHead) + "phase p until step >= 10 or e limit 100 { if on { trigger e } }\nreport P(e)"),
            "the until condition reads step");
}

TEST(Quiescence, DrawsForbidOrMakeItPointless) {
  EXPECT_EQ(decide(std::string(kHead) + "phase p until bernoulli(0.1) limit 100 { if on { x = 1 } }\nreport E(x)"),
            "the until condition draws");
  // Functions that draw: in the condition, and on every path of the body.
  const std::string coin = "fn coin() -> bool = bernoulli(0.5)\n";
  EXPECT_EQ(decideProgram(coin + "scenario s {\n" + kHead + "phase p until coin() limit 100 { x = 1 }\nreport E(x)\n}\n"),
            "the until condition draws");
  EXPECT_EQ(decideProgram(coin + "scenario s {\n" + kHead +
                          "phase p for 100 { let c = coin()\n if c and on { trigger e } }\nreport P(e)\n}\n"),
            "every step draws");
  // A function that draws on one path only: steps that take the other path can be quiet.
  EXPECT_EQ(decideProgram("fn maybe(b: bool) -> bool {\n  if b {\n    return bernoulli(0.5)\n  }\n  return false\n}\n"
                          "scenario s {\n" + std::string(kHead) +
                          "phase p for 100 { if maybe(on) { trigger e } }\nreport P(e)\n}\n"),
            "skip");
}

TEST(Quiescence, EveryStepDrawing) {
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 100 { with probability 0.1 { trigger e } }\nreport P(e)"),
            "every step draws");
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 100 { let u = uniform(0, 1)\n if u < 0.1 { trigger e } }\nreport P(e)"),
            "every step draws");
}

TEST(Quiescence, OneStepIsNothingToSkip) {
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 1 { if on { trigger e } }\nreport P(e)"), "at most one step");
}

}  // namespace
}  // namespace omen::ir
