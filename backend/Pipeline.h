//===- Pipeline.h - Checked program to runnable kernels ---------------------===//
//
// The backend's one pipeline, as frontend/sema/Frontend.h is the frontend's:
//   checked AST --ir::lower--> IR --ir::runIrPasses (verify, quiescence, trial lanes:
//   ir/Passes.h)--> IR --compileKernel--> rt::Kernel
// on the chosen engine. The public API, the differential tests and the benchmarks come
// through here; what happens after (runs, analyses) is runtime/host's.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>

#include "frontend/ast/Program.h"
#include "ir/Module.h"
#include "omen/RunOptions.h"
#include "runtime/host/Kernel.h"

namespace omen::backend {

/// The IR of a checked program, lowered and through every pass of ir/Passes.h (on a large
/// stack: both recurse over expressions). Null with `error` only on an internal error.
std::unique_ptr<ir::Module> lowerProgram(const ast::Program& program, std::string& error);

/// Scenario `scenario` of `module` (from lowerProgram) as a kernel on `engine`. Null with
/// `error` only on an internal error.
std::unique_ptr<rt::Kernel> compileKernel(const ir::Module& module, const ir::Scenario& scenario, Engine engine,
                                          std::string& error);

}  // namespace omen::backend
