//===- Target.h - The host target, with the floating-point rules of omen ---===//
//
// Every kernel (JIT or AOT) is compiled for the host with FPOpFusion::Strict and no
// fast-math: together with the runtime bitcode's -ffp-contract=off this is what keeps the
// three engines bit-identical.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <llvm/Support/CodeGen.h>
#include <llvm/Support/Error.h>
#include <llvm/Target/TargetOptions.h>

namespace llvm {
class Module;
class TargetMachine;
}  // namespace llvm

namespace omen::llvmgen {

/// Registers the native target, asm printer and parser once per process.
void initializeNativeTarget();

/// TargetOptions with strict FP: no fused multiply-add contraction, no unsafe math.
llvm::TargetOptions strictFpOptions();

/// The CPU kernels are compiled for: the host's, with its features, unless the environment
/// variable OMEN_TARGET_CPU names an LLVM CPU (`x86-64`: SSE2 only, `x86-64-v3`: AVX2,
/// `x86-64-v4`: AVX-512), then that CPU with its own features. For tests: they check on
/// one machine that vector lanes of every width give the interpreter's bits.
struct TargetCpu {
  std::string name, features;
};
const TargetCpu& targetCpu();

/// A TargetMachine for targetCpu().
llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(
    llvm::Reloc::Model reloc = llvm::Reloc::PIC_);

/// Gives every defined function of `module` the target machine's CPU and features (so that
/// runtime functions compiled for generic x86-64 inline into kernels), sets the module's
/// triple and data layout, and runs LLVM's O3 pipeline (new pass manager). Once `abandon`
/// (may be null) is set, the remaining optional passes are skipped (a background compile
/// that is no longer wanted ends quickly; its module must be discarded).
void optimizeModule(llvm::Module& module, llvm::TargetMachine& machine,
                    const std::atomic<bool>* abandon = nullptr);

/// The target as kernel cache keys name it: triple, targetCpu()'s name and features, exactly
/// what the JIT's and createHostTargetMachine's target machines are made for. Needs no target machine.
const std::string& hostCpuDescription();

/// Converts an llvm::Error to its message (never aborts on an unhandled error).
std::string toMessage(llvm::Error error);

}  // namespace omen::llvmgen
