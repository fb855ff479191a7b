//===- Solve.h - A finite scenario's reports, exactly ------------------------===//
//
// Carries the distribution over states (StateSpace.h) through the trial as the kernels
// execute it: the trial's start, then each phase step by step (every state alive takes one
// step per round, each of its outcomes enumerated, equal states merged), then the reports
// over the distribution of finished trials. `for` phases end after their count; an `until`
// phase ends when the mass still inside it is at most ExactOptions::residual, which is then
// left out and bounds the error. A state whose step changes nothing, draws nothing and can
// see nothing change (Phase::skipQuiescent, ir/Quiescence.h) jumps to the phase's end as
// in the kernels.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "ir/Module.h"
#include "omen/Exact.h"

namespace omen::exact {

/// Why a solve stopped: a runtime error some trial meets with positive probability (the
/// kernels would meet it too), `message` (too many states), or the cancel flag.
struct SolveError {
  std::optional<OmenError> runtime;
  int report = -1;           ///< the runtime error is a report's non-finite value
  double probability = 0;    ///< of reaching the runtime error
  std::string message;
  /// The run's cancel flag was seen (polled at every state of every step, so within
  /// milliseconds); `message` says where ("at step 12 of phase grow, 3400 states alive").
  bool interrupted = false;
};

/// Solves `s` with its globals evaluated in `globals`; false with `error` set on failure.
bool solve(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
           const std::atomic<bool>* cancel, ExactScenarioResult& out, SolveError& error);

class StrategyGraph;

/// Runs the same propagation with every alternative of every `choose` followed, recording
/// each step into `graph` (StrategyGraph.h) instead of computing reports. `out` gets the
/// counts (steps, states, the mass bound left out: over all strategies at once, an upper
/// bound for each).
bool explore(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
             const std::atomic<bool>* cancel, StrategyGraph& graph, ExactScenarioResult& out, SolveError& error);

}  // namespace omen::exact
