//===- Philox.h - The Philox4x32-10 counter-based block function -----------===//
//
// Salmon, Moraes, Dror and Shaw, "Parallel Random Numbers: As Easy as 1, 2, 3" (SC11), the
// generator of the Random123 library. A pure function of (counter, key): trial i's stream is
// block after block of it, so no state has to be carried between trials or threads.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

namespace omen::rt {

/// out = Philox4x32-10(counter, key): ten rounds, the key bumped by the Weyl constants between
/// rounds. Bit-exact against Random123's known-answer vectors (tests/unit/runtime/PhiloxTest).
void philox4x32_10(const uint32_t counter[4], const uint32_t key[2], uint32_t out[4]);

}  // namespace omen::rt
