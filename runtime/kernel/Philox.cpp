//===- Philox.cpp - Philox4x32-10 ------------------------------------------===//
//
// Plain integer code with no library calls: it is also compiled to bitcode and inlined into
// JIT kernels. Constants from Salmon et al. 2011, section 3.3 / Random123's philox.h.
//
//===----------------------------------------------------------------------===//
#include "runtime/kernel/Philox.h"

namespace omen::rt {
namespace {

constexpr uint32_t kMul0 = 0xD2511F53u;   // the two round multipliers
constexpr uint32_t kMul1 = 0xCD9E8D57u;
constexpr uint32_t kWeyl0 = 0x9E3779B9u;  // golden ratio: the key schedule's increments
constexpr uint32_t kWeyl1 = 0xBB67AE85u;  // sqrt(3) - 1

inline void round(uint32_t x[4], uint32_t k0, uint32_t k1) {
  uint64_t p0 = static_cast<uint64_t>(kMul0) * x[0];
  uint64_t p1 = static_cast<uint64_t>(kMul1) * x[2];
  uint32_t hi0 = static_cast<uint32_t>(p0 >> 32), lo0 = static_cast<uint32_t>(p0);
  uint32_t hi1 = static_cast<uint32_t>(p1 >> 32), lo1 = static_cast<uint32_t>(p1);
  uint32_t y0 = hi1 ^ x[1] ^ k0;
  uint32_t y2 = hi0 ^ x[3] ^ k1;
  x[0] = y0;
  x[1] = lo1;
  x[2] = y2;
  x[3] = lo0;
}

}  // namespace

void philox4x32_10(const uint32_t counter[4], const uint32_t key[2], uint32_t out[4]) {
  uint32_t x[4] = {counter[0], counter[1], counter[2], counter[3]};
  uint32_t k0 = key[0], k1 = key[1];
  for (int r = 0; r < 10; ++r) {
    if (r > 0) {
      k0 += kWeyl0;
      k1 += kWeyl1;
    }
    round(x, k0, k1);
  }
  out[0] = x[0];
  out[1] = x[1];
  out[2] = x[2];
  out[3] = x[3];
}

}  // namespace omen::rt
