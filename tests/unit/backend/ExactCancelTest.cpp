//===- ExactCancelTest.cpp - The exact engine stops on the run's cancel flag ---===//
//
// Ctrl-C sets the run's cancel flag; the exact engine polls it at every state of every step
// (Solve.cpp) and of the backward induction (Mdp.cpp) and says where it stopped, which the
// partial result prints. Set before the solve starts, the flag stops it at its first state;
// unset, the same scenario solves to its closed form.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <atomic>

#include "EngineParityTestSupport.h"
#include "backend/exact/Mdp.h"
#include "backend/exact/Solve.h"

namespace omen {
namespace {

// Gambler's ruin from 2 to 0 or 4 at 1/2: P(top) = 1/2. Steered, four steps, each up with
// probability 1/2 or 0.4 as chosen: always 1/2 is best, P(top) = P(at least 3 ups of 4) = 5/16.
constexpr const char* kWalk = R"(
scenario walk {
  state h = 2
  phase climb until h == 0 or h >= 4 {
    with probability 0.5 { h = h + 1 } else { h = h - 1 }
  }
  report P(h >= 4) as "top"
}

scenario steered {
  state h = 2
  phase climb for 4 {
    choose up in {false, true}
    with probability (if up then 0.5 else 0.4) { h = h + 1 } else { h = h - 1 }
  }
  report P(h >= 4) as "top"
}
)";

TEST(ExactCancel, SolveStopsAtTheFirstStateAndSaysWhere) {
  auto lowered = testing::lowerSource(kWalk);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  const ir::Scenario& walk = lowered->ir->scenarios[0];
  std::atomic<bool> cancel{true};
  ExactScenarioResult result;
  exact::SolveError why;
  EXPECT_FALSE(exact::solve(*lowered->ir, walk, nullptr, ExactOptions{}, &cancel, result, why));
  EXPECT_TRUE(why.interrupted);
  EXPECT_FALSE(why.runtime.has_value());
  EXPECT_EQ(why.message, "at step 0 of phase climb, 0 states alive");

  cancel = false;
  ExactScenarioResult solved;
  exact::SolveError none;
  ASSERT_TRUE(exact::solve(*lowered->ir, walk, nullptr, ExactOptions{}, &cancel, solved, none)) << none.message;
  EXPECT_FALSE(none.interrupted);
  ASSERT_EQ(solved.reports.size(), 1u);
  EXPECT_NEAR(solved.reports[0].value, 0.5, 1e-12);
}

TEST(ExactCancel, MdpStopsOnTheFlag) {
  auto lowered = testing::lowerSource(kWalk);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  const ir::Scenario& steered = lowered->ir->scenarios[1];
  std::atomic<bool> cancel{true};
  exact::MdpResult result;
  exact::SolveError why;
  EXPECT_FALSE(exact::solveMdp(*lowered->ir, steered, nullptr, ExactOptions{}, &cancel, exact::MdpRequest{0, true},
                               result, why));
  EXPECT_TRUE(why.interrupted);
  EXPECT_EQ(why.message, "at step 0 of phase climb, 0 states alive");

  cancel = false;
  exact::MdpResult best;
  exact::SolveError none;
  ASSERT_TRUE(exact::solveMdp(*lowered->ir, steered, nullptr, ExactOptions{}, &cancel, exact::MdpRequest{0, true},
                              best, none))
      << none.message;
  EXPECT_FALSE(none.interrupted);
  EXPECT_NEAR(best.value, 5.0 / 16, 1e-12);
}

}  // namespace
}  // namespace omen
