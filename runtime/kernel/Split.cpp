//===- Split.cpp - Split points: what a splitting run's trials record ------===//
//
// Multilevel splitting (analysis/rare/Splitting.h) restarts trials from the state in which an
// ancestor first reached a level. Instead of saving that state, a clone replays the
// ancestor's draws up to that step and then reads a fresh stream: the stream switch happens
// here, at a step boundary, so no draw needs a branch. Compiled to bitcode too: no library
// calls.
//
//===----------------------------------------------------------------------===//
#include "runtime/kernel/TrialContext.h"

extern "C" int32_t omen_rt_split_point(OmenTrialContext* ctx, uint32_t /*site*/, double value) {
  if (!ctx->tilt || !ctx->tilt->split) return 0;
  OmenSplit* split = ctx->tilt->split;
  const uint64_t step = split->steps++;
  if (value > split->maxValue) split->maxValue = value;
  const bool reached = value >= split->threshold;
  if (reached && split->crossStep < 0) split->crossStep = static_cast<int64_t>(step);
  if (split->nextSwitch < split->switchCount && split->switchSteps[split->nextSwitch] == step) {
    ctx->rng.trial = split->switchStreams[split->nextSwitch++];
    ctx->rng.block = 0;
    ctx->rng.spare = 0.0;
    ctx->rng.hasSpare = 0;
    ctx->rng.ahead = 0;
  }
  return reached && split->stopAtThreshold && split->nextSwitch == split->switchCount ? 1 : 0;
}
