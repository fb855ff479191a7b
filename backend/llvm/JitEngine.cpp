//===- JitEngine.cpp - Scenarios as JIT-compiled rt::Kernels ---------------===//
#include "backend/llvm/JitEngine.h"

#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <llvm/Target/TargetMachine.h>

#include "backend/interp/Interpreter.h"
#include "backend/llvm/Codegen.h"
#include "backend/llvm/Jit.h"
#include "backend/llvm/JitKernel.h"
#include "backend/llvm/KernelCache.h"
#include "backend/llvm/ObjectEmitter.h"
#include "backend/llvm/Target.h"

namespace omen::llvmgen {
namespace {

/// Guards `cache` only (held for lookups and inserts, never during a compile).
std::mutex cacheMutex;
/// Block functions by KernelKey text; they live as long as the process's JIT.
std::map<std::string, BlockFn> cache;
/// One compile at a time: they share the JIT's TargetMachine, and a second request for the
/// same kernel waits for the first instead of compiling it again.
std::mutex compileMutex;

BlockFn inMemory(const std::string& text) {
  std::lock_guard<std::mutex> lock(cacheMutex);
  auto found = cache.find(text);
  return found == cache.end() ? nullptr : found->second;
}

BlockFn remember(const std::string& text, BlockFn block) {
  std::lock_guard<std::mutex> lock(cacheMutex);
  return cache.emplace(text, block).first->second;
}

/// Symbols named by the key: every object has its own JITDylib, so names never collide.
std::string prefixOf(const std::string& key) { return "k" + key.substr(0, 16) + "_"; }
std::string symbolOf(const std::string& key) { return "omen_block_" + prefixOf(key) + "0"; }

/// From the disk cache, if there and loadable (an unusable entry is dropped).
BlockFn fromDisk(const std::string& dir, const std::string& key) {
  std::optional<std::string> object = loadCachedKernel(dir, key);
  if (!object) return nullptr;
  auto jit = sharedJit();
  if (!jit) {
    llvm::consumeError(jit.takeError());
    return nullptr;
  }
  auto addresses = jit->addObject(*object, {symbolOf(key)});
  if (addresses) return reinterpret_cast<BlockFn>((*addresses)[0]);
  llvm::consumeError(addresses.takeError());
  dropCachedKernel(dir, key);  // unusable: rebuild it
  return nullptr;
}

llvm::Error abandoned() { return llvm::createStringError(llvm::inconvertibleErrorCode(), "abandoned"); }

/// Compiles `n` at O3 and stores the object on disk.
llvm::Expected<BlockFn> build(Jit& jit, const NormalizedScenario& n, const std::string& dir, const std::string& key,
                              const std::atomic<bool>* abandon) {
  llvm::TargetMachine& machine = jit.targetMachine();
  auto built = buildKernelModule(*n.module, {&n.module->scenarios[0]}, machine, prefixOf(key), {}, abandon);
  if (!built) return built.takeError();
  // Optimization skipped its optional passes once abandoned: that code is never kept.
  if (abandon && abandon->load()) return abandoned();
  auto object = emitMachineCode(*built->module, machine, FileKind::Object);
  if (!object) return object.takeError();
  auto addresses = jit.addObject(*object, {symbolOf(key)});
  if (!addresses) return addresses.takeError();
  storeCachedKernel(dir, key, *object);
  return reinterpret_cast<BlockFn>((*addresses)[0]);
}

}  // namespace

size_t compiledKernelCount() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  return cache.size();
}

BlockFn findCompiledBlock(const NormalizedScenario& n) {
  if (BlockFn block = inMemory(n.text)) return block;
  std::string dir = kernelCacheDir();
  if (dir.empty()) return nullptr;
  std::string key = kernelCacheKey(n.text, hostCpuDescription());
  if (BlockFn block = fromDisk(dir, key)) return remember(n.text, block);
  return nullptr;
}

BlockFn compileBlock(const NormalizedScenario& n, std::string& error, const std::atomic<bool>* abandon) {
  if (BlockFn block = inMemory(n.text)) return block;
  // Waiting for another compile can be abandoned too (a kernel gone while it queued).
  std::unique_lock<std::mutex> lock(compileMutex, std::defer_lock);
  while (!lock.try_lock()) {
    if (abandon && abandon->load()) {
      error = "abandoned";
      return nullptr;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // Another thread may have compiled it while this one waited.
  if (BlockFn block = findCompiledBlock(n)) return block;
  if (abandon && abandon->load()) {
    error = "abandoned";
    return nullptr;
  }
  auto jit = sharedJit();
  if (!jit) {
    error = "cannot start the JIT: " + toMessage(jit.takeError());
    return nullptr;
  }
  auto block = build(*jit, n, kernelCacheDir(), kernelCacheKey(n.text, hostCpuDescription()), abandon);
  if (!block) {
    error = toMessage(block.takeError());
    return nullptr;
  }
  return remember(n.text, *block);
}

std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& program, const ir::Scenario& scenario,
                                            std::string& error) {
  // The globals run on the interpreter (see JitKernel.h); it also provides the ScenarioInfo.
  auto globals = interp::compileScenario(program, scenario, error);
  if (!globals) return nullptr;
  NormalizedScenario n = normalizeScenario(program, scenario);
  std::string why;
  BlockFn block = compileBlock(n, why);
  if (!block) {
    error = "cannot compile scenario '" + scenario.name + "': " + why;
    return nullptr;
  }
  return std::make_unique<JitKernel>(std::move(globals), block, std::move(n.sites));
}

}  // namespace omen::llvmgen
