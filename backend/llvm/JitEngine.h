//===- JitEngine.h - Scenarios as JIT-compiled rt::Kernels -----------------===//
//
// The `jit` engine, and the compiled tier of the `auto` engine (backend/TieredKernel.h).
// Block functions are kept for the life of the process, keyed by KernelKey.h's text (so the
// REPL, a compare after a run, and param-only variants reuse them), and on disk
// (KernelCache.h), so a later process loads them instead of compiling.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "backend/llvm/KernelKey.h"
#include "ir/Module.h"
#include "runtime/host/CompiledKernel.h"
#include "runtime/host/Kernel.h"

namespace omen::llvmgen {

/// JIT-compiles scenario `scenario` of `program` (or returns the cached kernel). Returns null
/// with `error` set if the IR is invalid or LLVM fails; never aborts.
std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& program, const ir::Scenario& scenario,
                                            std::string& error);

/// The block function of `n` if this process has it or the disk cache holds it (then loaded
/// and linked, which costs milliseconds); null otherwise. Never compiles.
rt::BlockFn findCompiledBlock(const NormalizedScenario& n);

/// The block function of `n`: found as findCompiledBlock does, else compiled (and stored in
/// memory and on disk). Compiles run one at a time. When `abandon` (may be null) becomes
/// true the compile stops at its next checkpoint and returns null with `error` "abandoned";
/// nothing half-optimized is kept. Null with `error` on an LLVM failure.
rt::BlockFn compileBlock(const NormalizedScenario& n, std::string& error,
                         const std::atomic<bool>* abandon = nullptr);

/// Kernels compiled so far in this process (for tests of the cache).
size_t compiledKernelCount();

}  // namespace omen::llvmgen
