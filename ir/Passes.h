//===- Passes.h - The passes every lowered module goes through, in order ------===//
//
// Lowering (ir/Lower.h) only translates; what is decided about the IR afterwards is a pass
// listed here, run once by backend/Pipeline.h before any engine sees the module (`omen emit
// --ir-after PASS` prints the IR after each):
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
#include <string_view>

#include "ir/Module.h"

namespace omen::ir {

struct IrPass {
  const char* name;
  /// "" or why the module cannot go on (an internal error: lowering produced bad IR).
  std::string (*run)(Module& module);
};

/// In the order they run.
extern const IrPass kIrPasses[5];

/// Runs the passes on `module` in order, every one or (`through` a pass's name) up to and
/// including that one, for `omen emit --ir-after`; false with `error` set at the first that
/// fails, or for a name no pass has.
bool runIrPasses(Module& module, std::string& error, std::string_view through = {});

}  // namespace omen::ir
