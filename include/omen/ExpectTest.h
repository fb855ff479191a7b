//===- ExpectTest.h - `omen test`: the expectations of a file, decided -----===//
//
// `expect P(catastrophe) < 1%` states what a scenario must do; `omen test` decides each
// expectation by a sequential test at error rate `alpha` (docs/reference.md,
// "Expectations"): it runs every scenario that has expectations until each is decided or the
// trial cap is reached, and says pass, fail or undecided per expectation.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <vector>

#include "omen/Results.h"

namespace omen {

struct TestResult : RunHeader {
  /// The error rate each expectation is decided at: a true one fails with probability at
  /// most alpha, however early the test stops.
  double alpha = 0.05;
  /// The scenarios that have expectations, in file order; each expectation's report carries
  /// its sequential verdict, and `trialsCompleted` is where its scenario stopped.
  std::vector<ScenarioResult> scenarios;
};

using TestOutcome = Outcome<TestResult>;

/// How many expectations of `result` passed, failed and stayed undecided.
struct TestTally {
  size_t passed = 0, failed = 0, undecided = 0;
};
inline TestTally tally(const TestResult& result) {
  TestTally t;
  for (const ScenarioResult& s : result.scenarios)
    for (const ReportResult& r : s.reports) {
      if (!r.expectation) continue;
      switch (r.verdict.verdict) {
        case Verdict::Pass: ++t.passed; break;
        case Verdict::Fail: ++t.failed; break;
        case Verdict::Undecided: ++t.undecided; break;
      }
    }
  return t;
}

}  // namespace omen
