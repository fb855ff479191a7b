//===- ParamScenario.h - A scenario that only draws its uncertain params ---===//
//
// The analyses (sensitivity, two-level runs) need draws of the uncertain params from the
// scenario's own distributions, but a kernel reports only its reports. The param scenario
// of S has S's globals, params and param draws, no states or phases, and one report per
// uncertain param (its drawn value): compiled on any engine it is a sampler of S's params
// that agrees bit for bit across engines, because it is the same IR as S's trial prologue.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Module.h"

namespace omen::ir {

/// The param scenario of `s`, named `s.name + ".params"`: report r is the value of the r-th
/// uncertain param of `s` (P for a bool, E otherwise), in declaration order.
Scenario paramScenario(const Scenario& s);

}  // namespace omen::ir
