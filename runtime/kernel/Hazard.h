//===- Hazard.h - The wait for the next success of a step's failed choices ----===//
//
// The engines' half of ir/Hazards.h: after a step of a phase that jumps over its hazards in
// which every `with probability` choice it reached failed and nothing changed, every
// following step does the same until a choice succeeds. One call draws how many steps that
// is and which choice succeeds first, with the arithmetic in one place so that every engine
// gets every bit the same.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

#include "runtime/kernel/TrialContext.h"

#ifdef __cplusplus
extern "C" {
#endif

/// The step's choices had probabilities p[0..count), in the order the step reached them, and
/// all failed; `remaining` steps of the phase are left after it. Returns the number G of the
/// following steps in which every choice fails again, at most `remaining`, and sets *pick to
/// the choice that succeeds first in the step after them (-1 when G = remaining: none does
/// before the phase's end). With S = prod (1 - p_i) the chance that a step fails throughout,
/// G is geometric, P(G >= g) = S^g, drawn by inversion of one uniform U:
/// G = floor(log U / log S), log S = sum log1p(-p_i). The choice is drawn by inversion of a
/// second uniform V over the first success's distribution given one: the first i with
/// 1 - S_i > V (1 - S), S_i the product up to i (computed as -expm1 of the partial sums).
/// Draws nothing when remaining = 0 or S = 1 (no choice can succeed: the phase's remaining
/// steps are quiescent), and V only when count > 1. Under an importance-sampling tilt
/// (ctx->tilt set) returns 0 and draws nothing: the choices are drawn, tilted, step by step.
int64_t omen_rt_hazard_wait(OmenTrialContext* ctx, const double* p, uint32_t count, int64_t remaining,
                            int64_t* pick);

#ifdef __cplusplus
}
#endif
