//===- JitTest.cpp - The JIT engine as an rt::Kernel ------------------------===//
#include <gtest/gtest.h>

#include "runtime/host/Driver.h"
#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

TEST(JitTest, KernelsAreCachedByProgramAndScenario) {
  const char* text = "scenario cached { param p = 0.25\n event e\n phase a for 3 { with probability p { trigger e } }\n"
                     " report P(e) }\n";
  auto first = lowerSource(text);
  ASSERT_TRUE(first->ir) << first->errors;
  std::string error;
  ASSERT_TRUE(llvmgen::compileScenario(*first->ir, first->ir->scenarios[0], error)) << error;
  size_t compiled = llvmgen::compiledKernelCount();
  // The same program loaded again (as the REPL does) reuses the machine code...
  auto second = lowerSource(text);
  ASSERT_TRUE(llvmgen::compileScenario(*second->ir, second->ir->scenarios[0], error)) << error;
  EXPECT_EQ(llvmgen::compiledKernelCount(), compiled);
  // ...so does one that differs only in a param's value or the scenario's name (params are
  // runtime values: backend/llvm/KernelKey.h)...
  std::string other = std::string(text).replace(std::string(text).find("0.25"), 4, "0.35");
  other.replace(other.find("cached"), 6, "renamed");
  auto changed = lowerSource("// moved down a line\n" + other);
  ASSERT_TRUE(llvmgen::compileScenario(*changed->ir, changed->ir->scenarios[0], error)) << error;
  EXPECT_EQ(llvmgen::compiledKernelCount(), compiled);
  // ...and a changed trial compiles anew.
  auto longer = lowerSource(std::string(text).replace(std::string(text).find("for 3"), 5, "for 4"));
  ASSERT_TRUE(llvmgen::compileScenario(*longer->ir, longer->ir->scenarios[0], error)) << error;
  EXPECT_EQ(llvmgen::compiledKernelCount(), compiled + 1);
}

TEST(JitTest, SetPinsFixedAndUncertainParams) {
  auto lowered = lowerSource(R"(
scenario s {
  param base = 0.5
  param scaled = base * 2
  param u ~ beta(2, 2)
  state x = u + scaled
  report E(x)
}
)");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::string error;
  auto jit = llvmgen::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  auto interp = interp::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  ASSERT_TRUE(jit && interp) << error;
  rt::DriverOptions options;
  options.trials = 1000;
  ASSERT_TRUE(rt::pinParam(jit->info(), "base", Value{.r = 1.0}, options.overrides));
  ASSERT_TRUE(rt::pinParam(jit->info(), "u", Value{.r = 0.25}, options.overrides));
  ScenarioResult a = rt::run(*jit, options);
  ScenarioResult b = rt::run(*interp, options);
  ASSERT_FALSE(a.error || b.error);
  // scaled follows base (2.0) and u is pinned: every trial gives 2.25.
  EXPECT_EQ(a.reports[0].estimate, 2.25);
  EXPECT_TRUE(sameBits(a.reports[0].estimate, b.reports[0].estimate));
}

TEST(JitTest, ErrorsInConstsAreReportedFromInitGlobals) {
  auto lowered = lowerSource("const n = 9_223_372_036_854_775_807\nscenario s { param m = n + 1\n report E(m) }\n");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::string error;
  auto jit = llvmgen::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  ASSERT_TRUE(jit) << error;
  std::vector<Value> globals(jit->info().globalCount);
  OmenError e{};
  EXPECT_FALSE(jit->initGlobals(globals.data(), nullptr, e));
  EXPECT_EQ(e.code, uint32_t(OMEN_ERR_INT_OVERFLOW));
  EXPECT_EQ(e.argCount, 2u);
}

}  // namespace
}  // namespace omen::testing
