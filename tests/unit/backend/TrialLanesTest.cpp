//===- TrialLanesTest.cpp - Trials in vector lanes: exact, errors and all --------===//
//
// The JIT runs a straight-line scenario's trials speculatively in vector lanes
// (backend/llvm/EmitLanes.cpp). These scenarios fail in a few percent of trials, so the first
// failure falls at different places inside a vector and a chunk, with several block sizes:
// the JIT must stop at exactly the interpreter's trial with exactly its error, and write
// exactly its outcomes before it.
//
//===----------------------------------------------------------------------===//
#include <atomic>
#include <cmath>

#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

// bernoulli fails when p > 1 (3 in 103 trials); clamp fails when lo > hi (2 in 102); the
// report's division by zero only counts where its condition holds (never: x != 0 there).
const char* kFailing = R"(
scenario s {
  param p ~ uniform(0, 1.03)
  state x = clamp(0.5, uniform(0, 1.02), 1)
  state k = bernoulli(0.4)
  event e
  phase world for 1 {
    with probability p { trigger e }
    if k { x = 0 }
  }
  report P(e)
  report E(1 / x | x != 0)
}
)";

TEST(TrialLanes, FirstFailureMidVectorIsTheInterpretersOne) {
  auto lowered = lowerSource(kFailing);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  ASSERT_TRUE(lowered->ir->scenarios[0].runsInLanes) << lowered->ir->scenarios[0].trialLanes;
  std::string error;
  auto jit = llvmgen::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  ASSERT_TRUE(jit) << error;
  int insideAVector = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    for (uint32_t block : {16u, 97u, 4096u}) EXPECT_EQ(expectParity(*lowered, seed, 3000, block), 1);
    EngineRun run = runEngine(*jit, seed, 3000, 4096);
    ASSERT_FALSE(run.ok);
    insideAVector += run.failedTrial % 8 != 0;
  }
  // The test means something only if failures fell inside vectors, not only on their first lane.
  EXPECT_GE(insideAVector, 20);
}

// Without failures: the closed form, and the same bits as the interpreter over many blocks.
TEST(TrialLanes, ProductOfPremisesClosedForm) {
  auto lowered = lowerSource(R"(
scenario s {
  param a = 65%
  param b = 40%
  param c = 95%
  event doom
  phase world for 1 {
    with probability a * b * c { trigger doom }
  }
  report P(doom)
}
)");
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  EXPECT_EQ(expectParity(*lowered, 5, 20000, 4096), 0);
  EXPECT_EQ(expectParity(*lowered, 6, 5000, 13), 0);
  std::string error;
  auto jit = llvmgen::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
  ASSERT_TRUE(jit) << error;
  const uint64_t trials = 200000;
  EngineRun run = runEngine(*jit, 9, trials, 4096);
  ASSERT_TRUE(run.ok);
  double hits = 0;
  for (uint64_t i = 0; i < trials; ++i) hits += run.outcomes[i * 2 + 1];
  double p = 0.65 * 0.40 * 0.95;
  EXPECT_NEAR(hits / trials, p, 5 * std::sqrt(p * (1 - p) / trials));
}

// The chunk polls the cancel flag once before its trials: set, the block's first trial fails
// with OMEN_ERR_CANCELLED, as on the interpreter (which polls at the first trial start).
TEST(TrialLanes, CancelledBeforeTheChunk) {
  auto lowered = lowerSource(kFailing);
  ASSERT_TRUE(lowered->ir) << lowered->errors;
  std::string error;
  for (bool useJit : {false, true}) {
    auto kernel = useJit ? llvmgen::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error)
                         : interp::compileScenario(*lowered->ir, lowered->ir->scenarios[0], error);
    ASSERT_TRUE(kernel) << error;
    std::vector<Value> globals(kernel->info().globalCount);
    std::vector<uint8_t> overridden(globals.size(), 0);
    OmenError e{};
    ASSERT_TRUE(kernel->initGlobals(globals.data(), overridden.data(), e));
    std::vector<double> outcomes(64 * 4);
    std::atomic<bool> cancel{true};
    uint64_t failed = 0;
    EXPECT_FALSE(kernel->runBlock(globals.data(), 3, 100, 64, outcomes.data(), e, failed, &cancel));
    EXPECT_EQ(e.code, uint32_t(OMEN_ERR_CANCELLED)) << (useJit ? "jit" : "interp");
    EXPECT_EQ(failed, 100u) << (useJit ? "jit" : "interp");
  }
}

}  // namespace
}  // namespace omen::testing
