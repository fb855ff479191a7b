//===- TrialLanes.h - Which scenarios may run several trials per vector ----===//
//
// A straight-line scenario (no step loop) spends its time on a few draws and a little
// arithmetic per trial, so the JIT runs its trials side by side in vector lanes: a chunk of
// trials runs *speculatively*, each lane going on past a runtime error with a per-lane
// failure flag instead of leaving the trial, and then the chunk's failed trials are run
// again one at a time, in order, stopping at the first real error with exactly the error
// record the scalar loop gives. A trial up to its first failure is executed identically
// either way (the same draws, in the same order, from the same stream), so results are bit
// for bit those of the interpreter.
//
// Running on past an error is only safe when every value the rest of the trial computes,
// however wrong, cannot make it loop or touch memory out of bounds. This analysis proves
// that once, conservatively, for the whole scenario (otherwise Scenario::trialLanes says
// why not, and `omen emit --ir` prints it):
//  * every phase is `for` with a constant count of 0 or 1 (no step loop, no `until`);
//  * the scenario has no arrays (an index computed from a wrong value could be anything);
//  * no `for` loop anywhere, in the trial or in a function it calls (a bound could be
//    anything).
// Everything else is safe to run speculatively: builtins check their arguments before
// using them and return at once on bad ones (an integer `mod` by 0 never divides), integer
// arithmetic wraps in the overflow intrinsics, real division by zero gives an infinity, and
// calls to user functions return.
//
// Safe is not enough to pay: a trial that calls a builtin with an unbounded loop or a libm
// call (the discrete samplers but bernoulli; log, exp, pow, sin, cos, logistic, ...) cannot
// be vectorised, and its second, speculative copy would only cost compile time. Such
// scenarios run one trial at a time too, and the reason names the builtin. The continuous
// samplers qualify: they use the kernel's own loop-free log, exp and sqrt
// (runtime/kernel/LoopFreeMath.h), and in lanes the rejection samplers (beta, gamma, pert)
// make one try, a rejected try failing the trial like an error so that it runs again.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Module.h"

namespace omen::ir {

/// Decides Scenario::runsInLanes (and Scenario::trialLanes, the reason) for every scenario.
void analyzeTrialLanes(Module& m);

}  // namespace omen::ir
