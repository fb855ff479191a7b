//===- LookupTable.h - A decision table an expression looks a value up in ---===//
//
// A strategy's table can list a hundred thousand states (ir/ApplyPolicy.h). As a tree of
// Select expressions it cost LLVM's optimiser minutes (super-linear in the chains of nested
// branches); as data it costs nothing to compile: one sorted array, searched at run time by
// omen_rt_lookup (runtime/kernel/Lookup.h), the same function on every engine.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace omen::ir {

/// Rows of `width` key cells and one value cell, sorted by key (lexicographically, each cell
/// compared as a signed int64), no key twice. A cell is the 64 bits of a Value: an int, a bool
/// (0 or 1) or a real's bit pattern.
struct LookupTable {
  uint32_t width = 0;
  std::vector<int64_t> cells;
  size_t rows() const { return cells.size() / (size_t(width) + 1); }
};

}  // namespace omen::ir
