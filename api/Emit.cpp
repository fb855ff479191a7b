//===- Emit.cpp - Dumps of the IR and of compiled kernels; omen build -------===//
#include <algorithm>
#include <sstream>

#include "api/ProgramImpl.h"
#include "backend/Pipeline.h"
#include "backend/llvm/Aot.h"
#include "core/ClosestName.h"
#include "ir/Printer.h"

namespace omen {

std::string Program::dumpIr() const {
  std::string error;
  const ir::Module* module = impl_->lowered(error);
  if (!module) return "";
  std::ostringstream os;
  ir::print(os, *module, &impl_->sources);
  return os.str();
}

std::vector<std::string> Program::irStages() { return backend::irStages(); }

bool Program::dumpIrAfter(const std::string& stage, std::string& out, std::string& error) const {
  if (!ok()) {
    error = "the program has errors";
    return false;
  }
  const std::vector<std::string> stages = irStages();
  if (std::find(stages.begin(), stages.end(), stage) == stages.end()) {
    std::string names;
    for (const std::string& s : stages) names += (names.empty() ? "" : ", ") + s;
    error = "no stage '" + stage + "'" + didYouMean(stage, stages) + "; the IR stages are " + names;
    return false;
  }
  // A module of its own: the program's (Impl::lowered) has been through every pass.
  std::unique_ptr<ir::Module> module = backend::lowerProgram(*impl_->checked, error, stage);
  if (!module) return false;
  std::ostringstream os;
  ir::print(os, *module, &impl_->sources);
  out = os.str();
  return true;
}

bool Program::emit(EmitKind kind, const std::vector<std::string>& names, std::string& out,
                   std::string& error) const {
  if (!ok()) {
    error = "the program has errors";
    return false;
  }
  switch (kind) {
    case EmitKind::Ast: out = dumpAst(); return true;
    case EmitKind::Ir: out = dumpIr(); return true;
    case EmitKind::Jani: return emitJani(*impl_, names, out, error);
    case EmitKind::Llvm:
    case EmitKind::Assembly:
    case EmitKind::Object: break;
  }
  std::vector<const ir::Scenario*> scenarios;
  if (!impl_->lowered(error) || !impl_->selectScenarios(names, scenarios, error)) return false;
  return llvmgen::emitScenarios(*impl_->ir, scenarios, kind, out, error);
}

std::string Program::dumpLlvm() const {
  std::string out, error;
  return emit(EmitKind::Llvm, {}, out, error) ? out : "error: " + error + "\n";
}

bool Program::build(const std::string& output, const std::vector<std::string>& names, std::string& error,
                    const std::string& policy) const {
  if (!ok()) {
    error = "the program has errors";
    return false;
  }
  std::vector<const ir::Scenario*> scenarios;
  if (!impl_->lowered(error) || !impl_->selectScenarios(names, scenarios, error)) return false;
  // Scenarios with `choose` are built with the policy applied (as a run would be).
  IrScenarioSource source(*impl_, Engine::Interpreter);
  if (!policy.empty() && !(error = source.usePolicy(policy)).empty()) return false;
  std::vector<std::unique_ptr<ir::Scenario>> withPolicy;
  for (const ir::Scenario*& s : scenarios) {
    size_t index = size_t(s - impl_->ir->scenarios.data());
    if (!(error = source.cannotRun(index)).empty()) return false;
    std::unique_ptr<ir::Scenario> copy;
    if (!(error = source.withPolicy(index, copy)).empty()) return false;
    if (copy) s = withPolicy.emplace_back(std::move(copy)).get();
  }
  return llvmgen::buildExecutable(*impl_->ir, impl_->sources, impl_->sources.name(impl_->checked->mainFile),
                                  scenarios, output, error);
}

}  // namespace omen
