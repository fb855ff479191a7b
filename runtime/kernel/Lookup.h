//===- Lookup.h - A value looked up in a sorted decision table --------------===//
//
// The run-time half of ir/LookupTable.h: a policy's choice for the state a trial is in. One
// function, compiled into the interpreter and inlined into JIT kernels, so every engine finds
// the same row.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// `cells` holds `rows` (at least 1) rows of `width` key cells and one value cell, sorted by
/// key (lexicographic, signed). Returns the value of the row whose key equals `key`; when no
/// row does, the value of the row that agrees with `key` on the longest run of leading cells
/// (of the two rows around where `key` would be, the earlier on a tie). Binary search:
/// O(width · log rows).
int64_t omen_rt_lookup(const int64_t* cells, int64_t rows, int64_t width, const int64_t* key);

#ifdef __cplusplus
}
#endif
