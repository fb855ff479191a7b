//===- Pipeline.cpp - Checked program to runnable kernels -------------------===//
#include "backend/Pipeline.h"

#include "backend/TieredKernel.h"
#include "backend/interp/Interpreter.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/basic/LargeStack.h"
#include "ir/Lower.h"
#include "ir/Passes.h"

namespace omen::backend {

std::unique_ptr<ir::Module> lowerProgram(const ast::Program& program, std::string& error) {
  std::unique_ptr<ir::Module> module;
  runWithLargeStack([&] {
    module = ir::lower(program, error);
    if (module && !ir::runIrPasses(*module, error)) module.reset();
  });
  return module;
}

std::unique_ptr<rt::Kernel> compileKernel(const ir::Module& module, const ir::Scenario& scenario, Engine engine,
                                          std::string& error) {
  std::unique_ptr<rt::Kernel> out;
  // Compiling walks expression trees recursively, as lowering does.
  runWithLargeStack([&] {
    switch (engine) {
      case Engine::Auto: out = compileTiered(module, scenario, error); break;
      case Engine::Jit: out = llvmgen::compileScenario(module, scenario, error); break;
      case Engine::Interpreter: out = interp::compileScenario(module, scenario, error); break;
    }
  });
  return out;
}

}  // namespace omen::backend
