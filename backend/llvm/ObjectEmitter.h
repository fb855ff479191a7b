//===- ObjectEmitter.h - An optimized kernel module as assembly or object ---===//
#pragma once

#include <string>

#include <llvm/Support/Error.h>

namespace llvm {
class Module;
class TargetMachine;
}  // namespace llvm

namespace omen::llvmgen {

enum class FileKind { Assembly, Object };

/// Generates machine code for `module` (already optimized for `machine`).
llvm::Expected<std::string> emitMachineCode(llvm::Module& module, llvm::TargetMachine& machine, FileKind kind);

}  // namespace omen::llvmgen
