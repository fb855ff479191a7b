//===- ExpectTest.cpp - Deciding a file's expectations sequentially -------===//
#include "analysis/expect/ExpectTest.h"

#include "runtime/host/RunScenarios.h"

namespace omen::rt {

TestOutcome runTests(ScenarioSource& source, const TestRequest& request, const RunOptions& options) {
  RunOutcome run = runScenarios(source, options, request.alpha);
  TestOutcome out;
  out.failure = run.failure;
  out.error = std::move(run.error);
  static_cast<RunHeader&>(out.result) = static_cast<const RunHeader&>(run.result);
  out.result.alpha = request.alpha;
  out.result.scenarios = std::move(run.result.scenarios);
  for (const ScenarioResult& s : out.result.scenarios)
    if (s.partial) {
      out.result.partial = true;
      out.result.trialsCompleted = s.trialsCompleted;
    }
  return out;
}

}  // namespace omen::rt
