//===- Stream.cpp - A trial's uniform stream and its error record ----------===//
//
// The layout is a language-level promise (docs/reference.md, "Streams"): which Philox block
// a trial reads and how its bits become doubles decide every result a seed gives, on every
// engine. Compiled natively and to bitcode alike; keep it free of library calls.
//
//===----------------------------------------------------------------------===//
#include "runtime/kernel/TrialContext.h"

#include "runtime/kernel/Philox.h"
#include "runtime/kernel/PhiloxLanes.h"

namespace {

/// The top 52 bits of w on the midpoint grid: ((w >> 12) + 0.5) * 2^-52. Every step is exact
/// (k + 0.5 needs 53 significant bits), so u lies in [2^-53, 1 - 2^-53]: never 0 or 1, and
/// 1 - u is exact and on the same grid. (A 53-bit midpoint grid would need 54 bits: in the
/// upper half k + 0.5 rounds to even and the largest k gives exactly 1.0.)
inline double toUnit(uint64_t w) {
  return (static_cast<double>(w >> 12) + 0.5) * 0x1p-52;
}

}  // namespace

extern "C" {

void omen_rt_refill_ahead(double* next, uint64_t trial, uint64_t block, uint32_t key0, uint32_t key1) {
  uint64_t words[OMEN_STREAM_AHEAD];
  const uint32_t key[2] = {key0, key1};
  omen::rt::philox4x32_10_x8(trial, block, key, words);
  for (int i = 0; i < OMEN_STREAM_AHEAD; ++i) next[i] = toUnit(words[i]);
}

void omen_rt_begin_trial(OmenTrialContext* ctx, uint64_t seed, uint64_t trial) {
  ctx->rng.key[0] = static_cast<uint32_t>(seed);
  ctx->rng.key[1] = static_cast<uint32_t>(seed >> 32);
  ctx->rng.trial = trial;
  ctx->rng.block = 0;
  ctx->rng.spare = 0.0;
  ctx->rng.hasSpare = 0;
  ctx->rng.ahead = 0;
  ctx->rng.next = nullptr;
  ctx->logWeight = 0.0;
  ctx->tilt = nullptr;
  ctx->error.code = OMEN_OK;
  ctx->error.site = 0;
  ctx->error.argCount = 0;
  ctx->error.args[0] = ctx->error.args[1] = ctx->error.args[2] = 0.0;
}

void omen_rt_fail(OmenTrialContext* ctx, uint32_t code, uint32_t site, uint32_t argCount,
                  double a0, double a1, double a2) {
  if (ctx->error.code != OMEN_OK) return;  // the first error is the one reported
  ctx->error.code = code;
  ctx->error.site = site;
  ctx->error.argCount = argCount > 3 ? 3 : argCount;
  ctx->error.args[0] = a0;
  ctx->error.args[1] = a1;
  ctx->error.args[2] = a2;
}

double omen_rt_next_uniform(OmenTrialContext* ctx) {
  OmenStream& s = ctx->rng;
  if (s.hasSpare) {
    s.hasSpare = 0;
    return s.spare;
  }
  if (s.ahead) return s.next[OMEN_STREAM_AHEAD - s.ahead--];
  if (s.block >= OMEN_LANES_FROM_BLOCK && s.next) {
    omen_rt_refill_ahead(s.next, s.trial, s.block, s.key[0], s.key[1]);
    s.block += 8;
    s.ahead = OMEN_STREAM_AHEAD - 1;
    return s.next[0];
  }
  const uint32_t counter[4] = {
      static_cast<uint32_t>(s.trial), static_cast<uint32_t>(s.trial >> 32),
      static_cast<uint32_t>(s.block), static_cast<uint32_t>(s.block >> 32)};
  ++s.block;
  uint32_t out[4];
  omen::rt::philox4x32_10(counter, s.key, out);
  const uint64_t word0 = out[0] | (static_cast<uint64_t>(out[1]) << 32);
  const uint64_t word1 = out[2] | (static_cast<uint64_t>(out[3]) << 32);
  s.spare = toUnit(word1);
  s.hasSpare = 1;
  return toUnit(word0);
}

}  // extern "C"
