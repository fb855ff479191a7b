//===- Hazards.h - Which phases may jump to the next success of their hazards ---===//
//
// A per-step hazard (`with probability 1e-10 { trigger catastrophe }` over 1,000 steps) costs
// one draw per step of every trial, although almost no step does anything. When a step's
// only draws are such choices and their probabilities stay the same while nothing changes,
// a step in which every choice failed and nothing changed is followed by steps that do
// exactly the same until one choice succeeds. The number of those steps is geometric, so an
// engine draws it at once and jumps over them (omen_rt_hazard_wait, runtime/kernel/Hazard.h):
// a trial then costs a few draws per success instead of one per step. A step that reached no
// choice at all is quiescent, and the jump skips the phase's remaining steps without a
// draw, as Quiescence.h does.
//
// Static requirements (otherwise the phase draws every step as written, and Phase::hazards
// says why when its body has a choice at all):
//  * everything Quiescence.h asks of the body and the `until` condition, except that every
//    step may draw (StepAnalysis::unchangedBetweenSteps);
//  * every draw of the body is a choice: a `with probability p` statement or an
//    `if bernoulli(p)` (rewritten here into the former: the same runtime call at the same
//    site), and no probability draws;
//  * the phase may run more than one step, and its body has at most 1,024 choices.
// A probability then reads only params, globals, states, events and locals set earlier in
// the step, none of which a step that changed nothing has changed. The engines check the
// dynamic half after each step: no choice succeeded, no state changed, no new event.
// Trial lanes (TrialLanes.h) never meet such a phase: they take phases of at most one step.
// The exact engine ignores the decision (it sums over every step's outcomes).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Module.h"

namespace omen::ir {

/// Decides Phase::jumpsHazards, hazardSites and hazards for every phase of `m`.
void analyzeHazards(Module& m);

}  // namespace omen::ir
