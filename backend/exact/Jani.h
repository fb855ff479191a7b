//===- Jani.h - A scenario's state graph as a JANI model (Storm, modes) ------===//
//
// `omen emit --jani`: the graph explore() records (StrategyGraph.h) written in JANI, the
// model checkers' interchange format (jani-spec.org), so that Storm or the Modest Toolset's
// `modes` can check the exact engine's answers. The model is explicit: one bounded int `s`
// numbers every state between steps and every draw or choice inside a step; an edge per
// state (a choice: one edge per alternative, which makes the model an MDP); a finished
// trial loops on itself. Each unconditional P report becomes a reachability property
// (Pmax, and Pmin for an MDP, of reaching a finished state where it holds) and each
// unconditional E report an expected reward (a transient variable set on the step into a
// finished state to the report's value there, until a finished state or `lost`). The tails of unbounded draws, and an `until`
// phase past the exact engine's residual, go to a state `lost` that loops and reaches no
// goal, so the checker's answer is the exact engine's up to its error bound.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "backend/exact/Solve.h"

namespace omen::exact {

/// The JANI model of `s` (its globals evaluated in `globals`), or false with `error`.
bool exportJani(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
                std::string& json, SolveError& error);

}  // namespace omen::exact
