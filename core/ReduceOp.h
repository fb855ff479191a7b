//===- ReduceOp.h - The reductions over a whole array ----------------------===//
//
// any, all, count (bool arrays); sum, min, max, mean (int or real arrays). One enum for the
// AST and the IR, so lowering carries the operator over unchanged.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace omen {

enum class ReduceOp : uint8_t { Any, All, Count, Sum, Min, Max, Mean };

/// The name a scenario calls it by: "any", "all", …
const char* spelling(ReduceOp op);

}  // namespace omen
