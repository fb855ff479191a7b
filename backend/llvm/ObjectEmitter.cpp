//===- ObjectEmitter.cpp - An optimized kernel module as assembly or object =//
#include "backend/llvm/ObjectEmitter.h"

#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

namespace omen::llvmgen {

llvm::Expected<std::string> emitMachineCode(llvm::Module& module, llvm::TargetMachine& machine, FileKind kind) {
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream out(buffer);
  // Code generation still runs on the legacy pass manager in LLVM 19.
  llvm::legacy::PassManager passes;
  auto type = kind == FileKind::Object ? llvm::CodeGenFileType::ObjectFile : llvm::CodeGenFileType::AssemblyFile;
  if (machine.addPassesToEmitFile(passes, out, nullptr, type))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "the target cannot emit this file type");
  passes.run(module);
  return std::string(buffer.begin(), buffer.end());
}

}  // namespace omen::llvmgen
