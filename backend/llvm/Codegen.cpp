//===- Codegen.cpp - Kernel modules: emitted scenarios + the runtime, optimized =//
#include "backend/llvm/Codegen.h"

#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include "backend/llvm/RuntimeModule.h"
#include "backend/llvm/Target.h"

namespace omen::llvmgen {

llvm::Expected<KernelModule> buildKernelModule(
    const ir::Module& program, const std::vector<const ir::Scenario*>& scenarios,
    llvm::TargetMachine& machine, const std::string& prefix,
    const std::function<std::vector<std::string>(llvm::Module&, const std::vector<KernelSymbols>&)>& decorate,
    const std::atomic<bool>* abandon) {
  // Emitting assumes verified IR (slot, event and function indices in range): ir::lower
  // verified it.
  KernelModule result;
  result.context = std::make_unique<llvm::LLVMContext>();
  result.module = std::make_unique<llvm::Module>("omen_kernels", *result.context);
  result.module->setTargetTriple(machine.getTargetTriple().str());
  result.module->setDataLayout(machine.createDataLayout());
  auto runtime = loadRuntimeModule(*result.context);
  if (!runtime) return runtime.takeError();

  Emitter emitter(*result.module, **runtime, program);
  std::vector<std::string> exported;
  for (size_t i = 0; i < scenarios.size(); ++i) {
    auto symbols = emitter.emitScenario(*scenarios[i], prefix + std::to_string(i));
    if (!symbols) return symbols.takeError();
    exported.push_back(symbols->globals);
    exported.push_back(symbols->block);
    result.symbols.push_back(std::move(*symbols));
  }
  {
    std::string problems;
    llvm::raw_string_ostream os(problems);
    if (llvm::verifyModule(*result.module, &os))
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "internal error: invalid LLVM IR: " + os.str());
  }
  if (decorate)
    for (std::string& name : decorate(*result.module, result.symbols)) exported.push_back(std::move(name));
  for (const ir::Scenario* s : scenarios)
    if (s->runsInLanes) {
      scalarizeRuntime(**runtime);
      break;
    }
  if (auto error = linkRuntimeInto(*result.module, std::move(*runtime), exported)) return std::move(error);
  optimizeModule(*result.module, machine, abandon);
  return result;
}

}  // namespace omen::llvmgen
