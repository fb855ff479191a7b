//===- PhiloxLanes.h - Eight Philox4x32-10 blocks at once, in vector lanes --===//
//
// Philox is a pure function of its counter, so consecutive blocks of one stream are
// independent: the same ten rounds run on eight counters side by side, one block per lane.
// Written with clang vector types, it is vector IR in the runtime bitcode too, so a JIT
// kernel gets vpmuludq on eight lanes where the CPU has AVX-512 (four with AVX2).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

namespace omen::rt {

/// words[2l], words[2l + 1] = the two 64-bit words (x0 | x1 << 32, x2 | x3 << 32) of block
/// `first + l` of stream (trial, key), l = 0..7: exactly what philox4x32_10 gives for it.
void philox4x32_10_x8(uint64_t trial, uint64_t first, const uint32_t key[2], uint64_t words[16]);

}  // namespace omen::rt
