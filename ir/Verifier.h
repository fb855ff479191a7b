//===- Verifier.h - Structural and type invariants of the IR ----------------===//
//
// What every engine may assume without checking: indices in range, operand types as each
// operator needs, sites on every operation that can fail, Return only in functions (ending
// every path), End/Stop/Trigger only in phases, global inits reading only earlier globals and
// never drawing, function calls without recursion (so a function may own a static frame).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "ir/Module.h"

namespace omen::ir {

/// Every broken invariant, one message each ("scenario s: phase p: …"); empty if none.
std::vector<std::string> verify(const Module& m);

}  // namespace omen::ir
