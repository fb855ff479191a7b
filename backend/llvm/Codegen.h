//===- Codegen.h - Kernel modules: emitted scenarios + the runtime, optimized ===//
//
// The one path every LLVM consumer takes (JIT, `omen emit --llvm|--asm|--obj`, `omen build`):
// emit the scenarios' entry points (Emitter.h), link the runtime bitcode in, internalize it,
// run O3 for the host with strict FP.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>

#include "backend/llvm/Emitter.h"
#include "ir/Module.h"
#include "runtime/host/CompiledKernel.h"
#include "runtime/host/Kernel.h"

namespace llvm {
class TargetMachine;
}

namespace omen::llvmgen {

struct KernelModule {
  std::unique_ptr<llvm::LLVMContext> context;
  std::unique_ptr<llvm::Module> module;
  std::vector<KernelSymbols> symbols;  ///< per scenario, in the order asked
};

/// Builds and optimizes one module holding the kernels of `scenarios` (entry points named
/// with `prefix` + the scenario's position). `extraExports` names more symbols to keep
/// external (added by `decorate`, which runs before linking, e.g. AOT tables). Once
/// `abandon` (may be null) is set, optimization skips its remaining optional passes: the
/// caller must then discard the module.
llvm::Expected<KernelModule> buildKernelModule(
    const ir::Module& program, const std::vector<const ir::Scenario*>& scenarios,
    llvm::TargetMachine& machine, const std::string& prefix,
    const std::function<std::vector<std::string>(llvm::Module&, const std::vector<KernelSymbols>&)>& decorate = {},
    const std::atomic<bool>* abandon = nullptr);

/// The C signatures of the entry points (see Emitter.h).
using GlobalsFn = rt::GlobalsFn;  // the kernel C ABI: runtime/CompiledKernel.h
using BlockFn = rt::BlockFn;

}  // namespace omen::llvmgen
