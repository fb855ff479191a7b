//===- JitFailureTest.cpp - JIT compilation failures are errors, not aborts --===//
//
// Whatever reaches the JIT (IR from a buggy lowering, a scenario LLVM cannot compile), the
// engine must hand back an error message, never abort the process: a research run that
// hits a compiler bug should say so and exit 1.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include "backend/llvm/JitEngine.h"
#include "ir/Verifier.h"
#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

const char* kScenario = "scenario s { state x = 0\n phase p for 3 { x = x + 1 }\n report E(x) }\n";

TEST(JitFailure, InvalidIrIsAnErrorNotAnAbort) {
  auto lowered = lowerSource(kScenario);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  ir::Scenario& s = lowered->ir->scenarios[0];
  // A store to a slot the frame does not have: what a lowering bug would produce.
  ASSERT_FALSE(s.phases.empty());
  ASSERT_FALSE(s.phases[0].body.empty());
  s.phases[0].body[0]->index = 1000;
  ASSERT_FALSE(ir::verify(*lowered->ir).empty());
  std::string error;
  auto kernel = llvmgen::compileScenario(*lowered->ir, s, error);
  EXPECT_EQ(kernel, nullptr);
  EXPECT_NE(error.find("invalid IR"), std::string::npos) << error;
}

TEST(JitFailure, AMissingOperandIsAnErrorNotAnAbort) {
  auto lowered = lowerSource(kScenario);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  ir::Scenario& s = lowered->ir->scenarios[0];
  ASSERT_FALSE(s.reports.empty());
  s.reports[0].value.reset();  // a report with no value expression
  std::string error;
  auto kernel = llvmgen::compileScenario(*lowered->ir, s, error);
  EXPECT_EQ(kernel, nullptr);
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace omen::testing
