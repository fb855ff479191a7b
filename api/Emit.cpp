//===- Emit.cpp - Dumps of the IR and of compiled kernels; omen build -------===//
#include <sstream>

#include "api/ProgramImpl.h"
#include "backend/llvm/Aot.h"
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

bool Program::emit(EmitKind kind, const std::vector<std::string>& names, std::string& out,
                   std::string& error) const {
  if (!ok()) {
    error = "the program has errors";
    return false;
  }
  switch (kind) {
    case EmitKind::Ast: out = dumpAst(); return true;
    case EmitKind::Ir: out = dumpIr(); return true;
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

bool Program::build(const std::string& output, const std::vector<std::string>& names, std::string& error) const {
  if (!ok()) {
    error = "the program has errors";
    return false;
  }
  std::vector<const ir::Scenario*> scenarios;
  if (!impl_->lowered(error) || !impl_->selectScenarios(names, scenarios, error)) return false;
  return llvmgen::buildExecutable(*impl_->ir, impl_->sources, impl_->sources.name(impl_->checked->mainFile),
                                  scenarios, output, error);
}

}  // namespace omen
