//===- PhiloxLanes.cpp - Philox4x32-10 on eight counters at once ------------===//
//
// The rounds of Philox.cpp, lane-wise on 64-bit lanes holding 32-bit words, so that every
// product is a 32x32->64 multiplication (vpmuludq). Plain integer code: compiled natively and
// to bitcode alike; tests/unit/runtime/PhiloxTest checks it against the scalar function.
//
//===----------------------------------------------------------------------===//
#include "runtime/kernel/PhiloxLanes.h"

namespace omen::rt {
namespace {

typedef uint64_t Lanes __attribute__((vector_size(64)));

constexpr uint64_t kMul0 = 0xD2511F53u;  // as in Philox.cpp
constexpr uint64_t kMul1 = 0xCD9E8D57u;
constexpr uint32_t kWeyl0 = 0x9E3779B9u;
constexpr uint32_t kWeyl1 = 0xBB67AE85u;
constexpr uint64_t kLow = 0xffffffffu;

}  // namespace

void philox4x32_10_x8(uint64_t trial, uint64_t first, const uint32_t key[2], uint64_t words[16]) {
  const Lanes lane = {0, 1, 2, 3, 4, 5, 6, 7};
  const Lanes block = first + lane;  // the counter's high half carries like the scalar one's
  Lanes x0 = Lanes{} + (trial & kLow), x1 = Lanes{} + (trial >> 32);
  Lanes x2 = block & kLow, x3 = block >> 32;
  uint32_t k0 = key[0], k1 = key[1];
  for (int r = 0; r < 10; ++r) {
    if (r > 0) {
      k0 += kWeyl0;
      k1 += kWeyl1;
    }
    Lanes p0 = x0 * kMul0, p1 = x2 * kMul1;
    Lanes y0 = (p1 >> 32) ^ x1 ^ uint64_t(k0);
    Lanes y2 = (p0 >> 32) ^ x3 ^ uint64_t(k1);
    x0 = y0;
    x1 = p1 & kLow;
    x2 = y2;
    x3 = p0 & kLow;
  }
  const Lanes w0 = x0 | (x1 << 32), w1 = x2 | (x3 << 32);
  for (int l = 0; l < 8; ++l) {
    words[2 * l] = w0[l];
    words[2 * l + 1] = w1[l];
  }
}

}  // namespace omen::rt
