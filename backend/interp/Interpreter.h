//===- Interpreter.h - The reference engine: IR scenarios as rt::Kernels ----===//
//
// The interpreter defines what a scenario means: the LLVM engines must match its report
// values bit for bit. It calls the same runtime builtins (runtime/Builtins.h) the compiled
// kernels link, in the order the IR gives.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>

#include "ir/Module.h"
#include "runtime/host/Kernel.h"

namespace omen::interp {

/// Compiles scenario `s` of module `m` into a kernel that owns everything it needs (`m` may be
/// destroyed afterwards). `m` comes from ir::lower, which verified it.
std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& m, const ir::Scenario& s, std::string& error);
std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& m, const ir::Scenario& s);

}  // namespace omen::interp
