//===- Pipeline.cpp - The compiler, stage by stage ----------------------------===//
#include "backend/Pipeline.h"

#include "backend/TieredKernel.h"
#include "backend/interp/Interpreter.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/basic/LargeStack.h"
#include "ir/Lower.h"
#include "ir/Passes.h"

namespace omen::backend {

std::unique_ptr<ast::Program> checkSource(SourceManager& sources, FileId main, DiagnosticEngine& diags,
                                          const sema::FrontendOptions& options) {
  std::unique_ptr<ast::Program> checked;
  runWithLargeStack([&] { checked = sema::checkProgram(sources, main, diags, options); });
  return checked;
}

std::vector<std::string> irStages() {
  std::vector<std::string> stages{"lower"};
  for (const ir::IrPass& pass : ir::kIrPasses) stages.push_back(pass.name);
  return stages;
}

std::unique_ptr<ir::Module> lowerProgram(const ast::Program& program, std::string& error, std::string_view through) {
  std::unique_ptr<ir::Module> module;
  runWithLargeStack([&] {
    module = ir::lower(program, error);
    if (module && through != "lower" && !ir::runIrPasses(*module, error, through)) module.reset();
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

CompiledSource compileSource(SourceManager& sources, FileId main, DiagnosticEngine& diags,
                             const sema::FrontendOptions& options, std::optional<Engine> engine) {
  CompiledSource out;
  out.ast = checkSource(sources, main, diags, options);
  if (!out.ast) return out;
  out.ir = lowerProgram(*out.ast, out.error);
  if (!out.ir || !engine) return out;
  for (const ir::Scenario& scenario : out.ir->scenarios) {
    out.kernels.push_back(compileKernel(*out.ir, scenario, *engine, out.error));
    if (!out.kernels.back()) {
      out.kernels.clear();
      return out;
    }
  }
  return out;
}

}  // namespace omen::backend
