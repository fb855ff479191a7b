//===- Jit.cpp - An ORC LLJIT that compiles optimized kernel modules -------===//
#include "backend/llvm/Jit.h"

#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/TargetParser/SubtargetFeature.h>

#include "backend/llvm/Target.h"

namespace omen::llvmgen {

Jit::~Jit() = default;

llvm::Expected<std::unique_ptr<Jit>> Jit::create() {
  initializeNativeTarget();
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder) return builder.takeError();
  builder->setCPU(targetCpu().name);
  builder->getFeatures() = llvm::SubtargetFeatures(targetCpu().features);
  builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  builder->getOptions() = strictFpOptions();

  std::unique_ptr<Jit> jit(new Jit());
  auto machine = builder->createTargetMachine();
  if (!machine) return machine.takeError();
  jit->machine_ = std::move(*machine);

  auto lljit = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(std::move(*builder)).create();
  if (!lljit) return lljit.takeError();
  jit->jit_ = std::move(*lljit);
  // Kernels call libm (through the inlined runtime) and, for anything the bitcode does not
  // define, the process's own symbols.
  auto generator = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      jit->jit_->getDataLayout().getGlobalPrefix());
  if (!generator) return generator.takeError();
  jit->jit_->getMainJITDylib().addGenerator(std::move(*generator));
  return jit;
}

llvm::Expected<std::vector<void*>> Jit::addModule(llvm::orc::ThreadSafeModule module,
                                                  const std::vector<std::string>& symbols) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto error = jit_->addIRModule(std::move(module))) return std::move(error);
  std::vector<void*> addresses;
  for (const std::string& symbol : symbols) {
    auto address = jit_->lookup(symbol);
    if (!address) return address.takeError();
    addresses.push_back(address->toPtr<void*>());
  }
  return addresses;
}

llvm::Expected<std::vector<void*>> Jit::addObject(const std::string& object,
                                                  const std::vector<std::string>& symbols) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto buffer = llvm::MemoryBuffer::getMemBufferCopy(object, "omen-kernel");
  // A dylib per object: a bad object (a corrupt cache entry) is removed again with it.
  auto dylib = jit_->createJITDylib("omen-kernel-" + std::to_string(dylibs_++));
  if (!dylib) return dylib.takeError();
  dylib->addToLinkOrder(jit_->getMainJITDylib());
  if (auto error = jit_->addObjectFile(*dylib, std::move(buffer))) return std::move(error);
  std::vector<void*> addresses;
  for (const std::string& symbol : symbols) {
    auto address = jit_->lookup(*dylib, symbol);
    if (!address) {
      llvm::consumeError(jit_->getExecutionSession().removeJITDylib(*dylib));
      return address.takeError();
    }
    addresses.push_back(address->toPtr<void*>());
  }
  return addresses;
}

llvm::Expected<Jit&> sharedJit() {
  static std::mutex mutex;
  static std::unique_ptr<Jit> jit;
  static std::string failure;
  std::lock_guard<std::mutex> lock(mutex);
  if (!jit && failure.empty()) {
    auto created = Jit::create();
    if (created)
      jit = std::move(*created);
    else
      failure = toMessage(created.takeError());
  }
  if (!jit) return llvm::createStringError(llvm::inconvertibleErrorCode(), failure);
  return *jit;
}

}  // namespace omen::llvmgen
