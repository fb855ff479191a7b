//===- Passes.h - The passes every lowered module goes through, in order ------===//
//
// Lowering (ir/Lower.h) only translates; what is decided about the IR afterwards is a pass
// listed here, run once by backend/Pipeline.h before any engine sees the module:
//   verify       the one check of the IR: every engine trusts what passes it
//   quiescence   which phases may skip quiet steps (Quiescence.h)
//   hazards      which phases may jump to the next success of their choices (Hazards.h)
//   trial-lanes  which scenarios the JIT may run several trials per vector (TrialLanes.h)
//   exactness    which scenarios the exact engine answers (Exactness.h)
// A new analysis of the IR is one more entry in kIrPasses.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "ir/Module.h"

namespace omen::ir {

struct IrPass {
  const char* name;
  /// "" or why the module cannot go on (an internal error: lowering produced bad IR).
  std::string (*run)(Module& module);
};

/// In the order they run.
extern const IrPass kIrPasses[5];

/// Runs every pass on `module`; false with `error` set at the first that fails.
bool runIrPasses(Module& module, std::string& error);

}  // namespace omen::ir
