//===- JitEngine.cpp - Scenarios as JIT-compiled rt::Kernels ---------------===//
#include "backend/llvm/JitEngine.h"

#include <atomic>
#include <map>
#include <mutex>
#include <vector>

#include <llvm/Target/TargetMachine.h>

#include "backend/interp/Interpreter.h"
#include "backend/llvm/Codegen.h"
#include "backend/llvm/Jit.h"
#include "backend/llvm/JitKernel.h"
#include "backend/llvm/KernelCache.h"
#include "backend/llvm/KernelKey.h"
#include "backend/llvm/ObjectEmitter.h"
#include "backend/llvm/Target.h"

namespace omen::llvmgen {
namespace {

std::mutex cacheMutex;
/// Block functions by KernelKey text; they live as long as the process's JIT.
std::map<std::string, BlockFn> cache;

/// The block function of `n`: from the disk cache, else compiled (and stored there).
llvm::Expected<BlockFn> blockFunction(Jit& jit, const NormalizedScenario& n) {
  llvm::TargetMachine& machine = jit.targetMachine();
  std::string cpu = machine.getTargetTriple().str() + ' ' + machine.getTargetCPU().str() + ' ' +
                    machine.getTargetFeatureString().str();
  std::string key = kernelCacheKey(n.text, cpu);
  std::string dir = kernelCacheDir();
  // Symbols named by the key: every object has its own JITDylib, so names never collide.
  std::string prefix = "k" + key.substr(0, 16) + "_";
  std::string symbol = "omen_block_" + prefix + "0";
  if (std::optional<std::string> object = loadCachedKernel(dir, key)) {
    auto addresses = jit.addObject(*object, {symbol});
    if (addresses) return reinterpret_cast<BlockFn>((*addresses)[0]);
    llvm::consumeError(addresses.takeError());
    dropCachedKernel(dir, key);  // unusable: rebuild it
  }
  auto built = buildKernelModule(*n.module, {&n.module->scenarios[0]}, machine, prefix);
  if (!built) return built.takeError();
  auto object = emitMachineCode(*built->module, machine, FileKind::Object);
  if (!object) return object.takeError();
  auto addresses = jit.addObject(*object, {symbol});
  if (!addresses) return addresses.takeError();
  storeCachedKernel(dir, key, *object);
  return reinterpret_cast<BlockFn>((*addresses)[0]);
}

}  // namespace

size_t compiledKernelCount() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  return cache.size();
}

std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& program, const ir::Scenario& scenario,
                                            std::string& error) {
  // The globals run on the interpreter (see JitKernel.h); it also provides the ScenarioInfo.
  auto globals = interp::compileScenario(program, scenario, error);
  if (!globals) return nullptr;
  NormalizedScenario n = normalizeScenario(program, scenario);
  std::lock_guard<std::mutex> lock(cacheMutex);
  auto found = cache.find(n.text);
  if (found == cache.end()) {
    auto jit = sharedJit();
    if (!jit) {
      error = "cannot start the JIT: " + toMessage(jit.takeError());
      return nullptr;
    }
    auto block = blockFunction(*jit, n);
    if (!block) {
      error = "cannot compile scenario '" + scenario.name + "': " + toMessage(block.takeError());
      return nullptr;
    }
    found = cache.emplace(n.text, *block).first;
  }
  return std::make_unique<JitKernel>(std::move(globals), found->second, std::move(n.sites));
}

}  // namespace omen::llvmgen
