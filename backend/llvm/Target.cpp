//===- Target.cpp - The host target, with the floating-point rules of omen -===//
#include "backend/llvm/Target.h"

#include <cstdlib>
#include <mutex>

#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/IR/Module.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/TargetParser/Host.h>
#include <llvm/TargetParser/SubtargetFeature.h>

namespace omen::llvmgen {

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

llvm::TargetOptions strictFpOptions() {
  llvm::TargetOptions options;
  options.AllowFPOpFusion = llvm::FPOpFusion::Strict;
  options.UnsafeFPMath = false;
  options.NoInfsFPMath = false;
  options.NoNaNsFPMath = false;
  options.NoSignedZerosFPMath = false;
  options.ApproxFuncFPMath = false;
  return options;
}

static std::string hostFeatures() {
  llvm::SubtargetFeatures features;
  for (const auto& [name, enabled] : llvm::sys::getHostCPUFeatures())
    features.AddFeature(name, enabled);
  return features.getString();
}

const TargetCpu& targetCpu() {
  static const TargetCpu cpu = [] {
    const char* name = std::getenv("OMEN_TARGET_CPU");
    if (name && *name) return TargetCpu{name, ""};  // that CPU's own features
    return TargetCpu{llvm::sys::getHostCPUName().str(), hostFeatures()};
  }();
  return cpu;
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine(llvm::Reloc::Model reloc) {
  initializeNativeTarget();
  std::string triple = llvm::sys::getProcessTriple();
  std::string error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) return llvm::createStringError(llvm::inconvertibleErrorCode(), error);
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, targetCpu().name, targetCpu().features, strictFpOptions(), reloc,
      std::nullopt, llvm::CodeGenOptLevel::Aggressive));
  if (!machine)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot create a target machine for " + triple);
  return machine;
}

const std::string& hostCpuDescription() {
  static const std::string description =
      llvm::sys::getProcessTriple() + ' ' + targetCpu().name + ' ' + targetCpu().features;
  return description;
}

void optimizeModule(llvm::Module& module, llvm::TargetMachine& machine, const std::atomic<bool>* abandon) {
  module.setTargetTriple(machine.getTargetTriple().str());
  module.setDataLayout(machine.createDataLayout());
  std::string cpu = machine.getTargetCPU().str();
  std::string features = machine.getTargetFeatureString().str();
  for (llvm::Function& f : module) {
    if (f.isDeclaration()) continue;
    f.addFnAttr("target-cpu", cpu);
    f.addFnAttr("target-features", features);
    f.removeFnAttr("tune-cpu");
  }

  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PipelineTuningOptions tuning;
  llvm::PassInstrumentationCallbacks instrumentation;
  if (abandon)
    instrumentation.registerShouldRunOptionalPassCallback(
        [abandon](llvm::StringRef, llvm::Any) { return !abandon->load(std::memory_order_relaxed); });
  llvm::PassBuilder builder(&machine, tuning, std::nullopt, &instrumentation);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager passes = builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3);
  passes.run(module, mam);
}

std::string toMessage(llvm::Error error) { return llvm::toString(std::move(error)); }

}  // namespace omen::llvmgen
