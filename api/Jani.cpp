//===- Jani.cpp - `omen emit --jani`: a scenario for the model checkers -----===//
//
// The globals are evaluated as for a run (the interpreter's kernel, params as declared),
// then backend/exact/Jani.h writes the exact engine's state graph.
//
//===----------------------------------------------------------------------===//
#include "api/ProgramImpl.h"
#include "backend/exact/Jani.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/RunScenarios.h"

namespace omen {

bool emitJani(Program::Impl& impl, const std::vector<std::string>& names, std::string& out, std::string& error) {
  if (names.size() > 1) {
    error = "--jani writes one scenario: give --scenario once";
    return false;
  }
  if (!impl.lowered(error)) return false;
  IrScenarioSource source(impl, Engine::Interpreter);
  source.forExactEngine();
  rt::PreparedRun prepared;
  RunOptions options;
  if (rt::prepareOneScenario(source, names.empty() ? "" : names[0], options, prepared, error) != Failure::None)
    return false;
  const ir::Scenario& s = impl.ir->scenarios[prepared.indices[0]];
  if (!s.exact) {
    error = "the exact engine cannot answer scenario " + s.name + ", so it has no finite model to export: " + s.exactness;
    return false;
  }
  if (!s.exactPins.empty()) {
    error = "scenario " + s.name + " has a continuous prior (" + s.exactPins[0] + "); the JANI export takes params as declared";
    return false;
  }
  const rt::Kernel& kernel = *prepared.kernels[0];
  std::vector<Value> globals;
  if (std::optional<RunError> failed = rt::detail::prepareGlobals(kernel, {}, globals)) {
    error = impl.renderRuntimeError(s, *failed);
    return false;
  }
  exact::SolveError why;
  if (exact::exportJani(*impl.ir, s, globals.data(), ExactOptions{}, out, why)) return true;
  if (why.runtime) {
    RunError e;
    e.error = *why.runtime;
    error = impl.renderRuntimeError(s, e);
  } else {
    error = "scenario " + s.name + ": " + why.message;
  }
  return false;
}

}  // namespace omen
