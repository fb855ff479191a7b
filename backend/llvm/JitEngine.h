//===- JitEngine.h - Scenarios as JIT-compiled rt::Kernels -----------------===//
//
// The default engine of `omen run` and `omen compare`. Compiled kernels are cached for the
// life of the process, keyed by the program's IR text and the scenario, so the REPL (and a
// compare after a run) reuses them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>

#include "ir/Module.h"
#include "runtime/host/Kernel.h"

namespace omen::llvmgen {

/// JIT-compiles scenario `scenario` of `program` (or returns the cached kernel). Returns null
/// with `error` set if the IR is invalid or LLVM fails; never aborts.
std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& program, const ir::Scenario& scenario,
                                            std::string& error);

/// Kernels compiled so far in this process (for tests of the cache).
size_t compiledKernelCount();

}  // namespace omen::llvmgen
