//===- JitEngine.cpp - Scenarios as JIT-compiled rt::Kernels ---------------===//
#include "backend/llvm/JitEngine.h"

#include "runtime/host/CompiledKernel.h"

#include <atomic>
#include <map>
#include <mutex>
#include <vector>

#include "backend/llvm/Codegen.h"
#include "backend/llvm/Jit.h"
#include "backend/llvm/Target.h"
#include "ir/Printer.h"

namespace omen::llvmgen {
namespace {

/// The machine code of one scenario; lives as long as the process's JIT.
struct CompiledScenario {
  GlobalsFn globals = nullptr;
  BlockFn block = nullptr;
};

std::mutex cacheMutex;
std::map<std::string, CompiledScenario> cache;
std::atomic<uint64_t> nextTag{0};

}  // namespace

size_t compiledKernelCount() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  return cache.size();
}

std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& program, const ir::Scenario& scenario,
                                            std::string& error) {
  // The IR text determines the kernel (site indices follow from it); the site count is
  // added because the printed form need not show every site.
  std::string key = scenario.name + '\n' + std::to_string(program.sites.size()) + '\n' + ir::toString(program);
  std::lock_guard<std::mutex> lock(cacheMutex);
  auto found = cache.find(key);
  if (found != cache.end()) return std::make_unique<rt::CompiledKernel>(scenarioInfo(program, scenario), found->second.globals, found->second.block);

  auto jit = sharedJit();
  if (!jit) {
    error = "cannot start the JIT: " + toMessage(jit.takeError());
    return nullptr;
  }
  // Entry point names are unique in the process's one JITDylib.
  std::string prefix = "j" + std::to_string(nextTag++) + "_";
  auto built = buildKernelModule(program, {&scenario}, jit->targetMachine(), prefix);
  if (!built) {
    error = "cannot compile scenario '" + scenario.name + "': " + toMessage(built.takeError());
    return nullptr;
  }
  KernelSymbols symbols = built->symbols[0];
  llvm::orc::ThreadSafeModule module(std::move(built->module), std::move(built->context));
  auto addresses = jit->addModule(std::move(module), {symbols.globals, symbols.block});
  if (!addresses) {
    error = "cannot compile scenario '" + scenario.name + "': " + toMessage(addresses.takeError());
    return nullptr;
  }
  CompiledScenario code{reinterpret_cast<GlobalsFn>((*addresses)[0]), reinterpret_cast<BlockFn>((*addresses)[1])};
  cache.emplace(std::move(key), code);
  return std::make_unique<rt::CompiledKernel>(scenarioInfo(program, scenario), code.globals, code.block);
}

}  // namespace omen::llvmgen
