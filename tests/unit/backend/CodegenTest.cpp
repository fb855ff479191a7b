//===- CodegenTest.cpp - The shape of the optimized kernel module -----------===//
#include <gtest/gtest.h>

#include <regex>

#include "backend/llvm/Aot.h"
#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

std::string emitIr(const Lowered& lowered) {
  std::vector<const ir::Scenario*> scenarios;
  for (const ir::Scenario& s : lowered.ir->scenarios) scenarios.push_back(&s);
  std::string out, error;
  EXPECT_TRUE(llvmgen::emitScenarios(*lowered.ir, scenarios, EmitKind::Llvm, out, error)) << error;
  return out;
}

TEST(CodegenTest, OneBlockKernelPerScenarioWithTheRuntimeInlined) {
  auto lowered = lowerFile(std::string(OMEN_SOURCE_DIR) + "/examples/online_learning.omen");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::string ir = emitIr(*lowered);
  for (const char* entry : {"@omen_globals_s0", "@omen_block_s0", "@omen_globals_s1", "@omen_block_s1"})
    EXPECT_TRUE(std::regex_search(ir, std::regex(std::string("define [a-z ]*i32 ") + entry + "\\("))) << entry;
  // Every sampler, the Philox stream and the error record were inlined: no call to the
  // runtime is left but the lane refill of the stream and the tilted draws of importance
  // sampling (kept out of line on purpose, see TrialContext.h), and nothing of it is exported.
  EXPECT_FALSE(std::regex_search(ir, std::regex("call [^\n]*@omen_rt_(?!refill_ahead\\(|tilt_)")));
  EXPECT_TRUE(std::regex_search(ir, std::regex("call [^\n]*@omen_rt_refill_ahead\\(")));
  EXPECT_TRUE(std::regex_search(ir, std::regex("call [^\n]*@omen_rt_tilt_bernoulli\\(")));
  EXPECT_FALSE(std::regex_search(ir, std::regex("define (dso_local )?[a-z0-9 ]*@omen_rt_(?!refill_ahead\\(|tilt_)")));
  EXPECT_TRUE(std::regex_search(ir, std::regex("define internal [^\n]*@omen_rt_refill_ahead\\(")));
  // The samplers' (premises' betas) log, exp and sqrt are the kernel's own (runtime/kernel/
  // LoopFreeMath.h), not libm's: plain arithmetic that vector lanes compute alike.
  // (online_learning's hazard jump calls libm's log in every engine: Hazard.cpp.)
  auto premises = lowerFile(std::string(OMEN_SOURCE_DIR) + "/examples/premises.omen");
  ASSERT_TRUE(premises->ir) << premises->errors;
  // The tilted draws of importance sampling (out of line, reached only in a tilted run) may.
  std::string samplers = emitIr(*premises);
  for (size_t at; (at = samplers.find("@omen_rt_tilt_")) != std::string::npos;) {
    size_t start = samplers.rfind("\ndefine", at), end = samplers.find("\n}\n", at);
    if (start == std::string::npos || end == std::string::npos || start > at) break;
    samplers.erase(start, end + 2 - start);
  }
  EXPECT_FALSE(std::regex_search(samplers, std::regex("call double @(log|exp|sqrt|fabs)\\(")));
  // Strict floating point: no fast-math flag and no fused multiply-add anywhere.
  EXPECT_FALSE(std::regex_search(ir, std::regex("\\bf(add|sub|mul|div) (fast|reassoc|contract|nnan|ninf|afn)")));
  EXPECT_EQ(ir.find("llvm.fma"), std::string::npos);
  EXPECT_EQ(ir.find("llvm.fmuladd"), std::string::npos);
}

TEST(CodegenTest, AssemblyAndObjectAreProduced) {
  auto lowered = lowerFile(std::string(OMEN_SOURCE_DIR) + "/examples/premises.omen");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::vector<const ir::Scenario*> scenarios{&lowered->ir->scenarios[0]};
  std::string asmText, object, error;
  ASSERT_TRUE(llvmgen::emitScenarios(*lowered->ir, scenarios, EmitKind::Assembly, asmText, error)) << error;
  EXPECT_NE(asmText.find("omen_block_s0:"), std::string::npos);
  ASSERT_TRUE(llvmgen::emitScenarios(*lowered->ir, scenarios, EmitKind::Object, object, error)) << error;
  ASSERT_GT(object.size(), 4u);
  EXPECT_EQ(object.substr(0, 4), "\x7f" "ELF");
}

}  // namespace
}  // namespace omen::testing
