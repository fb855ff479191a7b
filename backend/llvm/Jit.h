//===- Jit.h - An ORC LLJIT that compiles optimized kernel modules ---------===//
//
// One Jit per process (see sharedJit): modules are optimized before they are added (O3,
// strict FP), so the JIT only generates code. Errors come back as llvm::Error/Expected and
// are turned into messages by the caller; nothing here aborts.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/Support/Error.h>

namespace llvm {
class TargetMachine;
}

namespace omen::llvmgen {

class Jit {
 public:
  static llvm::Expected<std::unique_ptr<Jit>> create();
  ~Jit();

  /// The target machine modules must be optimized for before addModule.
  llvm::TargetMachine& targetMachine() { return *machine_; }

  /// Adds an optimized module in its own JITDylib-level resource tracker and returns the
  /// addresses of `symbols`, in order (compiling the module).
  llvm::Expected<std::vector<void*>> addModule(llvm::orc::ThreadSafeModule module,
                                               const std::vector<std::string>& symbols);
  /// Links object code compiled for targetMachine() (a kernel, fresh or from the disk cache)
  /// and returns the addresses of `symbols`, in order.
  llvm::Expected<std::vector<void*>> addObject(const std::string& object, const std::vector<std::string>& symbols);

 private:
  Jit() = default;
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::unique_ptr<llvm::TargetMachine> machine_;
  std::mutex mutex_;
  unsigned dylibs_ = 0;
};

/// The process-wide JIT, created on first use. Fails (with a message) if the host target
/// cannot be initialised.
llvm::Expected<Jit&> sharedJit();

}  // namespace omen::llvmgen
