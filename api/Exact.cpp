//===- Exact.cpp - The exact engine through the public API ------------------===//
//
// The settings are checked and applied as for a Monte Carlo run: the interpreter's kernel
// evaluates the globals (with --set pinned), then backend/exact/ solves each scenario.
//
//===----------------------------------------------------------------------===//
#include <sstream>

#include "api/ProgramImpl.h"
#include "backend/exact/Solve.h"
#include "ir/ChoiceKey.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/RunScenarios.h"

namespace omen {

namespace {

std::string probabilityText(double p) {
  std::ostringstream os;
  os.precision(3);
  os << p;
  return os.str();
}

}  // namespace

ExactOutcome Program::runExact(const RunOptions& options, const ExactOptions& exact) const {
  ExactOutcome out;
  out.failure = lowerForRun(*this, *impl_, out.error);
  if (out.failure != Failure::None) return out;
  out.result.file = impl_->mainFile();
  IrScenarioSource source(*impl_, Engine::Interpreter);
  source.forExactEngine();
  rt::PreparedRun prepared;
  out.failure = rt::prepareRun(source, options.scenarios, options, prepared, out.error);
  if (out.failure != Failure::None) return out;
  for (size_t k = 0; k < prepared.indices.size(); ++k) {
    const ir::Scenario& s = impl_->ir->scenarios[prepared.indices[k]];
    if (!ir::chooseStatements(s).empty())
      return rt::failWith(out, Failure::Options,
                          "omen: error: scenario " + s.name +
                              " leaves decisions to the modelled agent (`choose`): its answer depends on the strategy; "
                              "omen worst --exact --maximize REPORT finds the best and worst (docs/exact.md)\n");
    if (!s.exact)
      return rt::failWith(out, Failure::Runtime,
                          "omen: error: the exact engine cannot answer scenario " + s.name + ": " + s.exactness +
                              " (docs/exact.md); Monte Carlo can (--engine auto)\n");
    for (const std::string& name : s.exactPins) {
      bool pinned = false;
      for (const auto& [param, value] : options.overrides) pinned |= param == name;
      if (!pinned)
        return rt::failWith(out, Failure::Runtime,
                            "omen: error: the exact engine cannot answer scenario " + s.name + ": param " + name +
                                " has a continuous prior; pin it (--set " + name +
                                "=…), or take the two-level Monte Carlo run (--worlds) (docs/exact.md)\n");
    }
    const rt::Kernel& kernel = *prepared.kernels[k];
    rt::DriverOptions driver;
    std::string error = rt::driverOptions(options, kernel, driver);
    if (!error.empty()) return rt::failWith(out, Failure::Options, error);
    std::vector<Value> globals;
    if (std::optional<RunError> failed = rt::detail::prepareGlobals(kernel, driver.overrides, globals))
      return rt::failWith(out, Failure::Runtime, impl_->renderRuntimeError(s, *failed));
    ExactScenarioResult& result = out.result.scenarios.emplace_back();
    result.name = s.name;
    result.params = rt::detail::paramsAsUsed(kernel.info(), globals);
    exact::SolveError why;
    if (exact::solve(*impl_->ir, s, globals.data(), exact, options.cancel, result, why)) continue;
    if (why.interrupted) {  // what finished is printed; this scenario has no answer
      result.partial = out.result.partial = true;
      result.stoppedAt = why.message;
      return out;
    }
    out.result.scenarios.pop_back();
    if (!why.runtime) return rt::failWith(out, Failure::Runtime, "omen: error: scenario " + s.name + ": " + why.message + "\n");
    RunError e;
    e.error = *why.runtime;
    e.report = why.report;
    std::string text = impl_->renderRuntimeError(s, e);
    std::string trialNote = "note: in trial 0 of scenario '" + s.name + "'";
    size_t at = text.rfind(trialNote);
    if (at != std::string::npos)
      text.replace(at, trialNote.size(),
                   "note: scenario '" + s.name + "' reaches this with probability " + probabilityText(why.probability) +
                       " (exact engine)");
    return rt::failWith(out, Failure::Runtime, text);
  }
  return out;
}

}  // namespace omen
