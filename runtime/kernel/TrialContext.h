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

/// A change of measure for importance sampling (`omen rare`): how each draw site's draws are
/// tilted, and where a trial's likelihood ratio and the sums the cross-entropy method tunes
/// the tilt with go. Sites are the kernel's own numbers (a JIT kernel numbers its sites
/// locally: the host hands it params in that numbering); `slot` numbers the tilted sites
/// densely, so the statistics rows are the same on every engine.
enum {
  OMEN_TILT_NONE = 0,
  OMEN_TILT_BERNOULLI = 1,  ///< logit(q) = logit(p) + a
  OMEN_TILT_NORMAL = 2,     ///< standard score drawn from N(a, b^2) instead of N(0, 1)
  OMEN_TILT_UNIFORM = 3,    ///< position in [lo, hi] drawn with density ~ exp(a u) instead of 1
};
enum { OMEN_TILT_PARAMS = 4, OMEN_TILT_STATS = 3 };
typedef struct OmenTilt {
  /// Per site, OMEN_TILT_PARAMS doubles: [kind, slot, a, b]; kind OMEN_TILT_NONE (or a site
  /// past siteCount) is drawn as written.
  const double* params;
  uint32_t siteCount;
  /// Doubles per trial in `stats`: 1 + OMEN_TILT_STATS * (tilted sites).
  uint32_t stride;
  /// Trial firstTrial + i's row at stats + i * stride, zeroed by the host: [log likelihood
  /// ratio p/q of its tilted draws, then per slot OMEN_TILT_STATS sums] (Tilt.cpp).
  double* stats;
  uint64_t firstTrial;
  /// Multilevel splitting (`omen rare --split-on`): the trial's lineage and what its split
  /// points saw; null in every other run. A splitting run passes a tilt that tilts no site.
  struct OmenSplit* split;
} OmenTilt;

/// One trial of a multilevel-splitting run (Split.cpp), run alone in its block call. A clone
/// is its ancestor's trial replayed, with its stream switched at each step of `switchSteps`
/// (after that step's split point) to trial `switchStreams[i]`'s stream of the run: a trial
/// is a function of its streams, so this re-creates the ancestor's state at its last level
/// without saving any of it (docs/architecture.md, "Multilevel splitting").
typedef struct OmenSplit {
  const uint64_t* switchSteps;   ///< ascending: the phase steps (counted over the trial) to switch after
  const uint64_t* switchStreams;
  uint32_t switchCount;
  uint32_t nextSwitch;           ///< in/out: switches done, 0 at the start
  double threshold;              ///< the level watched for
  uint32_t stopAtThreshold;      ///< end the trial at the first split point whose value reaches it
  uint32_t padding;
  uint64_t steps;                ///< out: split points passed (phase steps simulated)
  double maxValue;               ///< out: the largest value seen (-inf before the first)
  int64_t crossStep;             ///< out: the first step whose value reached the threshold, -1 if none
} OmenSplit;

typedef struct OmenTrialContext {
  OmenStream rng;
  OmenError error;   ///< error.code != 0: the trial failed; engines stop at once
  /// The log of the trial's weight, 0 at its start. Any statement may add to it
  /// (omen_rt_factor): `observe` adds the log density of what was seen; the driver turns the
  /// weights into self-normalised estimates and the evidence (runtime/host/Weights.h).
  double logWeight;
  /// Null (omen_rt_begin_trial sets it so) but in an importance-sampling run, whose block
  /// functions set it after beginning each trial.
  const OmenTilt* tilt;
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

/// A tilted draw (ctx->tilt set) of trial `trial` from the uniform `u` the sampler drew: a
/// Bernoulli(p) outcome, a standard normal score, a position in (0, 1). Each adds its log
/// likelihood ratio and its sums to the trial's statistics row; a site the tilt leaves alone
/// draws as written. Kept out of line in JIT kernels (RuntimeModule.cpp), as they run only in
/// importance-sampling runs; they do not take the context, whose address would then escape
/// and keep it out of registers (and the trials out of vector lanes).
/// A split point (ir/SplitPoints.h), after every phase step of a scenario instrumented for
/// splitting: records `value`, switches the stream where the lineage says, and returns 1 when
/// the trial is to end here (it reached the threshold it was run to). Without a split (a
/// null tilt or tilt->split) it does nothing and returns 0.
int32_t omen_rt_split_point(OmenTrialContext* ctx, uint32_t site, double value);

int32_t omen_rt_tilt_bernoulli(const OmenTilt* tilt, uint64_t trial, uint32_t site, double p, double u);
double omen_rt_tilt_normal(const OmenTilt* tilt, uint64_t trial, uint32_t site, double u);
double omen_rt_tilt_uniform(const OmenTilt* tilt, uint64_t trial, uint32_t site, double u);

#ifdef __cplusplus
}
#endif
