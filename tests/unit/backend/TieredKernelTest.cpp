//===- TieredKernelTest.cpp - The auto engine's kernel ------------------------===//
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <unistd.h>

#include "backend/TieredKernel.h"
#include "runtime/host/Driver.h"
#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

// A trial long enough that the interpreter crosses kTierUpSeconds within a few hundred trials.
const char* kScenario =
    "scenario tiered { param p = 0.001\n state x = 0.0\n event e\n"
    " phase a for 5000 { x = x + uniform(0, 1)\n with probability p { trigger e } }\n"
    " report P(e)\n report E(x) }\n";

rt::DriverOptions options(uint64_t trials) {
  rt::DriverOptions o;
  o.trials = trials;
  o.seed = 5;
  o.threads = 2;
  return o;
}

// Unforced, a run long enough to pay for a compile moves to the JIT kernel once the
// interpreter has spent kTierUpSeconds, with the results of the JIT. To keep the test
// independent of how long a compile takes on a loaded machine, the block function is
// compiled (synchronously, by the jit engine) after the auto kernel was made and before it
// runs: its tier-up then finds it in the process at once, as a REPL run finds the kernel an
// earlier run compiled. (Or the disk cache had it from the start: then every trial is
// compiled, which the test accepts too.)
TEST(TieredKernel, ALongRunMovesToTheJitWithTheSameResults) {
  ::unsetenv("OMEN_AUTO_SWITCH_TRIAL");
  auto lowered = lowerSource(kScenario);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  const ir::Scenario& s = lowered->ir->scenarios[0];
  std::string error;
  auto tiered = backend::compileTiered(*lowered->ir, s, error);
  ASSERT_TRUE(tiered) << error;
  auto jit = llvmgen::compileScenario(*lowered->ir, s, error);
  ASSERT_TRUE(jit) << error;
  ScenarioResult viaJit = rt::run(*jit, options(4000));
  ScenarioResult viaTiered = rt::run(*tiered, options(4000));
  ASSERT_FALSE(viaTiered.error);
  EXPECT_EQ(viaTiered.reports[0].estimate, viaJit.reports[0].estimate);
  EXPECT_EQ(viaTiered.reports[1].estimate, viaJit.reports[1].estimate);
  EXPECT_EQ(viaTiered.reports[1].stdError, viaJit.reports[1].stdError);
  std::optional<EngineSplit> split = tiered->engineSplit();
  ASSERT_TRUE(split);
  EXPECT_EQ(split->interpreted + split->compiled, 4000u);
  EXPECT_GT(split->compiled, 0u);
  // The block function is in this process now: a new auto kernel starts on it.
  auto again = backend::compileTiered(*lowered->ir, s, error);
  rt::run(*again, options(100));
  EXPECT_EQ(again->engineSplit()->interpreted, 0u);
  EXPECT_EQ(again->engineSplit()->compiled, 100u);
}

// A short run never compiles: no trial runs compiled, and the kernel is destroyed at once.
TEST(TieredKernel, AShortRunStaysOnTheInterpreter) {
  ::unsetenv("OMEN_AUTO_SWITCH_TRIAL");
  auto lowered = lowerSource(std::string(kScenario).replace(std::string(kScenario).find("5000"), 4, "5001"));
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::string error;
  size_t compiled = llvmgen::compiledKernelCount();
  auto tiered = backend::compileTiered(*lowered->ir, lowered->ir->scenarios[0], error);
  ASSERT_TRUE(tiered) << error;
  rt::run(*tiered, options(2));
  EXPECT_EQ(tiered->engineSplit()->interpreted, 2u);
  EXPECT_EQ(tiered->engineSplit()->compiled, 0u);
  tiered.reset();
  EXPECT_EQ(llvmgen::compiledKernelCount(), compiled);
}

// A kernel destroyed while its compile runs abandons it: destruction returns (no hang), and
// the abandoned compile leaves nothing in the process's kernels.
TEST(TieredKernel, DestroyingAKernelAbandonsItsCompile) {
  ::setenv("OMEN_AUTO_SWITCH_TRIAL", "0", 1);  // compiles at once, in the background
  auto lowered = lowerSource(std::string(kScenario).replace(std::string(kScenario).find("5000"), 4, "5002"));
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::string error;
  size_t compiled = llvmgen::compiledKernelCount();
  auto tiered = backend::compileTiered(*lowered->ir, lowered->ir->scenarios[0], error);
  ::unsetenv("OMEN_AUTO_SWITCH_TRIAL");
  ASSERT_TRUE(tiered) << error;
  tiered.reset();  // a hang here fails the test by ctest's timeout
  // Either abandoned (nothing kept) or it had already finished (one kernel, complete).
  EXPECT_LE(llvmgen::compiledKernelCount(), compiled + 1);
}

// With a KeepBackgroundCompiles alive (a REPL session), a compile outlives its kernel and
// finishes: the next run of the session starts compiled.
TEST(TieredKernel, AKeeperLetsTheCompileFinishAfterTheRun) {
  // A step count of its own, so that no earlier process left this kernel in the disk cache.
  std::string steps = std::to_string(6000 + ::getpid() % 100000);
  auto lowered = lowerSource(std::string(kScenario).replace(std::string(kScenario).find("5000"), 4, steps));
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::string error;
  size_t compiled = llvmgen::compiledKernelCount();
  {
    backend::KeepBackgroundCompiles keep;
    ::setenv("OMEN_AUTO_SWITCH_TRIAL", "0", 1);  // compiles at once, in the background
    auto tiered = backend::compileTiered(*lowered->ir, lowered->ir->scenarios[0], error);
    ::unsetenv("OMEN_AUTO_SWITCH_TRIAL");
    ASSERT_TRUE(tiered) << error;
    tiered.reset();
    // Not abandoned: it lands in the process's kernels. (Waited for up to two minutes, far
    // beyond any compile: an abandoned one never lands.)
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (llvmgen::compiledKernelCount() == compiled && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(llvmgen::compiledKernelCount(), compiled + 1);
    auto next = backend::compileTiered(*lowered->ir, lowered->ir->scenarios[0], error);
    rt::run(*next, options(10));
    EXPECT_EQ(next->engineSplit()->interpreted, 0u);
    EXPECT_EQ(next->engineSplit()->compiled, 10u);
  }
  EXPECT_EQ(llvmgen::compiledKernelCount(), compiled + 1);
}

}  // namespace
}  // namespace omen::testing
