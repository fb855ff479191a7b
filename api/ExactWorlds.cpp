//===- ExactWorlds.cpp - `omen run --engine exact --worlds N` ----------------===//
//
// Monte Carlo across worlds, exact inside each: the two-level run of analysis/worlds draws
// each world's epistemic params as always, and this source solves the world with them
// pinned (backend/exact/) instead of running trials. Only the epistemic uncertainty is
// left: each world's report is its exact value, with a standard error of 0.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "api/ProgramImpl.h"
#include "backend/exact/Solve.h"
#include "runtime/host/DriverSupport.h"
#include "analysis/worlds/Worlds.h"
#include "runtime/host/RunScenarios.h"

namespace omen {

namespace {

// An exact report as a world's estimate. A conditional report's worlds are pooled weighted
// by their n (analysis/worlds/WorldSummary.h); here n is P(condition) in units of 2^-53, so
// that the pooled value is E[P(A and C)] / E[P(C)] across worlds.
ReportResult asWorldEstimate(const ExactReport& r) {
  ReportResult out;
  out.label = r.label;
  out.kind = r.kind;
  out.conditional = r.conditional;
  out.undefined = r.undefined;
  out.n = uint64_t(std::llround(std::ldexp(r.conditionProbability, 53)));
  out.ess = double(out.n);
  out.estimate = r.value;
  out.stdError = 0;
  out.ciLow = r.value - r.errorBound;
  out.ciHigh = r.value + r.errorBound;
  out.quantiles = r.quantiles;
  return out;
}

}  // namespace

std::string IrScenarioSource::solveWorld(size_t index, const std::vector<rt::Override>& overrides, ScenarioResult& out) {
  Failure failure;
  std::string error;
  const ir::Scenario* s = exactScenario(index, failure, error);
  if (!s) return error;
  const rt::Kernel* kernel = this->kernel(index, error);
  if (!kernel) return "internal error: " + error;
  if (std::string name = unpinnedPrior(*s, *kernel, overrides); !name.empty())
    return "param " + name + " has a continuous prior and one value per trial; pin it (--set " + name +
           "=…) or declare it epistemic (docs/exact.md)";
  out.name = s->name;
  std::vector<Value> globals;
  if (std::optional<RunError> failed = rt::detail::prepareGlobals(*kernel, overrides, globals)) {
    out.error = *failed;
    return "";
  }
  out.params = rt::detail::paramsAsUsed(kernel->info(), globals);
  ExactScenarioResult solved;
  exact::SolveError why;
  if (!exact::solve(*program_.ir, *s, globals.data(), *exactWorlds_, cancel_, solved, why)) {
    if (!why.runtime) return why.message;
    RunError e;
    e.error = *why.runtime;
    e.report = why.report;
    out.error = e;
    return "";
  }
  out.seconds = solved.seconds;
  for (const ExactReport& r : solved.reports) out.reports.push_back(asWorldEstimate(r));
  return "";
}

WorldsOutcome Program::runExactWorlds(const RunOptions& options, const ExactOptions& exact) const {
  return runOnProgram<WorldsResult>(*this, *impl_, options, [&](rt::ScenarioSource& source) {
    auto& ir = static_cast<IrScenarioSource&>(source);
    ir.forExactEngine();
    ir.solveWorldsExactly(exact, options.cancel);
    WorldsOutcome out = rt::runWorlds(source, options);
    out.result.trials = 0;  // no world runs a trial
    return out;
  });
}

}  // namespace omen
