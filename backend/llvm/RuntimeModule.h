//===- RuntimeModule.h - The embedded runtime bitcode, linked into kernels -===//
//
// The build compiles runtime/{Philox,Stream,Math,Samplers*}.cpp to bitcode with clang-19
// (cmake/RuntimeBitcode.cmake) and embeds it. Every kernel module links it in and
// internalizes it, so that the optimizer inlines the samplers and the Philox rounds into
// the trial loop: the same source as the interpreter's native runtime, compiled once more.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace omen::llvmgen {

/// Parses the embedded bitcode into `context`. Fails if the build embedded none.
llvm::Expected<std::unique_ptr<llvm::Module>> loadRuntimeModule(llvm::LLVMContext& context);

/// Splits the vector instructions clang's SLP vectorizer put into the runtime (Philox's
/// paired multiplications, paired stores) back into scalar ones, which compute the same
/// bits: LLVM's loop vectorizer cannot widen a loop whose body holds vector instructions,
/// and a kernel with trials in vector lanes needs it to (EmitLanes.cpp). Other kernels keep
/// the runtime as clang optimized it, which their scalar trial loops run faster.
void scalarizeRuntime(llvm::Module& runtime);

/// Links the runtime functions `kernel` uses (from `runtime`, loaded in kernel's context) into
/// it, then gives internal linkage to every definition except those named in `exported` (the
/// kernel's entry points), so that the optimizer inlines them and drops the rest.
llvm::Error linkRuntimeInto(llvm::Module& kernel, std::unique_ptr<llvm::Module> runtime,
                            const std::vector<std::string>& exported);

}  // namespace omen::llvmgen
