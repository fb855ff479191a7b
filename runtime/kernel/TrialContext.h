//===- TrialContext.h - The C ABI state one trial carries ------------------===//
//
// Every builtin (core/Builtins.def) takes an OmenTrialContext* first: the trial's Philox stream
// and the place to record a runtime error. Plain C structs so that interpreted, JIT-compiled
// and ahead-of-time compiled kernels share one layout and one implementation.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

#include "omen/ErrorRecord.h"

#ifdef __cplusplus
extern "C" {
#endif

/// A trial's first this many blocks are generated one at a time; from then on, where the
/// engine lends the stream a buffer (OmenStream::next), eight at a time in vector lanes
/// (PhiloxLanes.h), 16 uniforms ahead. A trial that draws little never pays for blocks it
/// does not use; one that draws a lot gets its uniforms several times cheaper.
enum { OMEN_LANES_FROM_BLOCK = 8, OMEN_STREAM_AHEAD = 16 };

/// Trial `trial` of a run with seed `seed` reads Philox4x32-10 blocks keyed by the seed at
/// counters (trial, 0), (trial, 1), …; each block yields two uniforms, used in order. How far
/// ahead blocks are generated changes no uniform. The stream's position is (block, hasSpare,
/// ahead): a draw changes one of them.
typedef struct OmenStream {
  uint32_t key[2];     ///< the seed, low word first
  uint64_t trial;      ///< counter words 0-1
  uint64_t block;      ///< counter words 2-3: the next block to generate
  double spare;        ///< the second uniform of the last block, if hasSpare
  uint32_t hasSpare;
  uint32_t ahead;      ///< uniforms in `next` not used yet: the last `ahead` of its 16
  /// OMEN_STREAM_AHEAD doubles for lane refills, set by the engine after
  /// omen_rt_begin_trial (which clears it: null means one block at a time). Outside the
  /// context on purpose: an array indexed by `ahead` inside it would keep a JIT kernel's
  /// context in memory instead of registers.
  double* next;
} OmenStream;

typedef struct OmenTrialContext {
  OmenStream rng;
  OmenError error;   ///< error.code != 0: the trial failed; engines stop at once
  /// The log of the trial's weight, 0 at its start. Any statement may add to it
  /// (omen_rt_factor): `observe` adds the log density of what was seen; the driver turns the
  /// weights into self-normalised estimates and the evidence (runtime/host/Weights.h).
  double logWeight;
} OmenTrialContext;

/// Kernels poll the run's cancel flag (Ctrl-C) once per this many phase steps or trial
/// starts in a block, so that a run of heavy trials stops within milliseconds; a trial cut
/// this way fails with OMEN_ERR_CANCELLED and does not count.
enum { OMEN_CANCEL_CHECK_INTERVAL = 16384 };

/// Starts trial `trial` of a run seeded with `seed`: resets the stream and the error.
void omen_rt_begin_trial(OmenTrialContext* ctx, uint64_t seed, uint64_t trial);

/// Records an error unless one is already recorded (the first error is the one reported).
void omen_rt_fail(OmenTrialContext* ctx, uint32_t code, uint32_t site, uint32_t argCount,
                  double a0, double a1, double a2);

/// Adds `logWeight` to the trial's log weight. -inf (weight 0) is allowed; NaN or +inf fails
/// the trial with OMEN_ERR_NOT_FINITE at `site`. Every engine calls this, in statement order.
void omen_rt_factor(OmenTrialContext* ctx, uint32_t site, double logWeight);

/// Uniforms of blocks block..block+7 of stream (trial, key) into next[0..15]. Kept out of line
/// in JIT kernels (RuntimeModule.cpp): it runs once per 16 uniforms, and inlined at every
/// draw site it would multiply a kernel's size and compile time.
void omen_rt_refill_ahead(double* next, uint64_t trial, uint64_t block, uint32_t key0, uint32_t key1);

/// The next uniform double in the open interval (0, 1) from the trial's stream.
double omen_rt_next_uniform(OmenTrialContext* ctx);

#ifdef __cplusplus
}
#endif
