//===- RuntimeModule.cpp - The embedded runtime bitcode, linked into kernels ===//
#include "backend/llvm/RuntimeModule.h"

#include <cstddef>
#include <set>

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/IR/Module.h>
#include <llvm/Linker/Linker.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Transforms/IPO/Internalize.h>
#include <llvm/Transforms/Scalar/Scalarizer.h>

// Defined in the generated RuntimeBitcode.cpp (build folder).
extern const unsigned char omen_runtime_bitcode[];
extern const size_t omen_runtime_bitcode_size;

namespace omen::llvmgen {

llvm::Expected<std::unique_ptr<llvm::Module>> loadRuntimeModule(llvm::LLVMContext& context) {
  if (omen_runtime_bitcode_size == 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "this omen was built without the runtime bitcode");
  llvm::StringRef bytes(reinterpret_cast<const char*>(omen_runtime_bitcode), omen_runtime_bitcode_size);
  llvm::MemoryBufferRef buffer(bytes, "omen_runtime.bc");
  return llvm::parseBitcodeFile(buffer, context);
}

void scalarizeRuntime(llvm::Module& runtime) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder;
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ScalarizerPassOptions options;
  options.ScalarizeLoadStore = true;
  options.ScalarizeVariableInsertExtract = true;
  llvm::FunctionPassManager functions;
  functions.addPass(llvm::ScalarizerPass(options));
  llvm::ModulePassManager passes;
  passes.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(functions)));
  passes.run(runtime, mam);
}

llvm::Error linkRuntimeInto(llvm::Module& kernel, std::unique_ptr<llvm::Module> runtime,
                            const std::vector<std::string>& exported) {
  runtime->setTargetTriple(kernel.getTargetTriple());
  runtime->setDataLayout(kernel.getDataLayout());
  if (llvm::Linker::linkModules(kernel, std::move(runtime), llvm::Linker::LinkOnlyNeeded))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot link the runtime bitcode");
  std::set<std::string> keep(exported.begin(), exported.end());
  llvm::internalizeModule(kernel, [&](const llvm::GlobalValue& value) {
    return keep.count(value.getName().str()) != 0;
  });
  // The inliner's cost model would keep the Philox rounds and the samplers out of line
  // (they are called from many sites); inlining them all is what lets SROA keep the trial's
  // stream and error record in registers, so force it.
  for (llvm::Function& f : kernel) {
    if (f.isDeclaration() || keep.count(f.getName().str())) continue;
    if (f.getName() == "omen_rt_refill_ahead" || f.getName().starts_with("omen_rt_tilt_") ||
        f.getName() == "omen_rt_split_point") {  // see TrialContext.h
      f.removeFnAttr(llvm::Attribute::AlwaysInline);
      f.addFnAttr(llvm::Attribute::NoInline);
      continue;
    }
    f.removeFnAttr(llvm::Attribute::NoInline);
    f.removeFnAttr(llvm::Attribute::OptimizeNone);
    f.addFnAttr(llvm::Attribute::AlwaysInline);
  }
  return llvm::Error::success();
}

}  // namespace omen::llvmgen
