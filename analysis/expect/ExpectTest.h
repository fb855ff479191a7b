//===- ExpectTest.h - Deciding a file's expectations sequentially ---------===//
#pragma once

#include "omen/ExpectTest.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// The error rate of `omen test` when `--alpha` is not given.
inline constexpr double kDefaultTestAlpha = 0.05;
/// The trial cap of `omen test` when `--trials` is not given.
inline constexpr uint64_t kDefaultTestCap = 10'000'000;

struct TestRequest {
  double alpha = kDefaultTestAlpha;
};

/// Runs each chosen scenario that has expectations until all of them are decided at
/// `request.alpha` (runtime/host/Expectation.h) or `options.trials` trials have run.
TestOutcome runTests(ScenarioSource& source, const TestRequest& request, const RunOptions& options);

}  // namespace omen::rt
