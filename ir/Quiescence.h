//===- Quiescence.h - Which phases may skip their quiescent steps ----------===//
//
// A step is quiescent when it ran to its end without drawing (the trial's stream position is
// unchanged), without changing a state's value and without triggering an event that had not
// happened. If, in addition, nothing the phase's body and `until` condition read changes
// between steps, every remaining step of the phase would do exactly the same thing, so an
// engine may jump to the phase's end, advancing `t` and `step` as if those steps had run: the
// same draws, the same frame, the same results (for an `until` phase that never becomes
// true: the same limit error). This analysis proves the static half once, so that every
// engine makes the same choice; the engines check the dynamic half after each step.
//
// Static requirements (otherwise the phase never skips, and the reason says why):
//  * the body and the condition do not read `t` or `step` (functions cannot: the verifier
//    keeps clocks out of them);
//  * the condition draws nothing (it is evaluated before every step);
//  * every local the body reads is set earlier in the same step (locals carry nothing from
//    one step to the next);
//  * skipping can pay: the phase may run more than one step, and not every step draws.
// Everything else a step can read (params, globals, states, event flags and times) is
// unchanged by a quiescent step.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Module.h"

namespace omen::ir {

/// Decides Phase::skipQuiescent (and Phase::quiescence, the reason) for every phase of `m`.
void analyzeQuiescence(Module& m);

}  // namespace omen::ir
