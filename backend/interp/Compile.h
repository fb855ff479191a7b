//===- Compile.h - IR to the interpreter's compact form --------------------===//
#pragma once

#include "backend/interp/Code.h"
#include "ir/Module.h"

namespace omen::interp {

/// Compiles scenario `s` of `m` (and every function of `m`). The IR must verify.
Code compile(const ir::Module& m, const ir::Scenario& s);

}  // namespace omen::interp
