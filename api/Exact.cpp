//===- Exact.cpp - The exact engine through the public API ------------------===//
//
// The settings are checked and applied as for a Monte Carlo run: the interpreter's kernel
// evaluates the globals (with --set pinned), then backend/exact/ solves each scenario.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
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

const ir::Scenario* IrScenarioSource::exactScenario(size_t index, Failure& failure, std::string& error) {
  const ir::Scenario& declared = program_.ir->scenarios[index];
  if (!ir::chooseStatements(declared).empty() && policyFile_.empty()) {
    failure = Failure::Options;
    error = "scenario " + declared.name +
            " leaves decisions to the modelled agent (`choose`): its answer depends on the strategy; give one with "
            "--policy FILE (the exact answer under it), or find the best and worst with omen worst --exact --maximize "
            "REPORT (docs/exact.md)";
    return nullptr;
  }
  // Under --policy, the scenario with its strategy applied: each `choose` a lookup in the
  // policy's table (ir/ApplyPolicy.h), so the exact engine solves the Markov chain it makes.
  const ir::Scenario* s = scenarioToCompile(index, error);
  if (!s) {
    failure = Failure::Options;
    return nullptr;
  }
  if (!s->exact) {
    failure = Failure::Runtime;
    error = "omen: error: the exact engine cannot answer scenario " + s->name + ": " + s->exactness +
            " (docs/exact.md); Monte Carlo can (--engine auto)\n";
    return nullptr;
  }
  return s;
}

std::string unpinnedPrior(const ir::Scenario& s, const rt::Kernel& kernel, const std::vector<rt::Override>& overrides) {
  for (const std::string& name : s.exactPins)
    for (const rt::ParamInfo& p : kernel.info().params)
      if (p.name == name &&
          std::none_of(overrides.begin(), overrides.end(), [&](const rt::Override& o) { return o.slot == p.pinnedSlot; }))
        return name;
  return "";
}

ExactOutcome Program::runExact(const RunOptions& options, const ExactOptions& exact) const {
  ExactOutcome out;
  out.failure = lowerForRun(*this, *impl_, out.error);
  if (out.failure != Failure::None) return out;
  out.result.file = impl_->mainFile();
  IrScenarioSource source(*impl_, Engine::Interpreter);
  source.forExactEngine();
  if (!options.policy.empty())
    if (std::string why = source.usePolicy(options.policy); !why.empty()) return rt::failWith(out, Failure::Options, why);
  rt::PreparedRun prepared;
  out.failure = rt::prepareRun(source, options.scenarios, options, prepared, out.error);
  if (out.failure != Failure::None) return out;
  for (size_t k = 0; k < prepared.indices.size(); ++k) {
    Failure failure;
    std::string error;
    const ir::Scenario* solvable = source.exactScenario(prepared.indices[k], failure, error);
    if (!solvable) return rt::failWith(out, failure, error);
    const ir::Scenario& s = *solvable;
    const rt::Kernel& kernel = *prepared.kernels[k];
    rt::DriverOptions driver;
    error = rt::driverOptions(options, kernel, driver);
    if (!error.empty()) return rt::failWith(out, Failure::Options, error);
    if (std::string name = unpinnedPrior(s, kernel, driver.overrides); !name.empty())
      return rt::failWith(out, Failure::Runtime,
                          "omen: error: the exact engine cannot answer scenario " + s.name + ": param " + name +
                              " has a continuous prior; pin it (--set " + name +
                              "=…), or declare it epistemic and solve each world exactly (--worlds) (docs/exact.md)\n");
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
