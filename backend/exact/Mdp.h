//===- Mdp.h - The best and worst strategy of a scenario that chooses --------===//
//
// A scenario with `choose` is a Markov decision process: `omen worst --exact` asks for the
// optimum of one report (P(…) or E(…), unconditional) over every adaptive strategy, i.e.
// every rule that picks an alternative at each `choose` from what it sees there
// (ir/ChoiceKey.h). explore() (Solve.h) records every state and step reachable under any
// strategy (StrategyGraph.h); backward induction over it then gives the optimum: at a
// finished trial the report's value, at a draw the probability-weighted mean, at a choice
// the best alternative. The graph is acyclic (each step moves `t` forward), so an `until`
// phase is followed step by step like a bounded one until the probability still inside it,
// under every strategy at once, is at most ExactOptions::residual; the states left inside
// (and the tails of unbounded draws) are valued at the report's lowest and highest value
// seen, which brackets the optimum: that bracket is the error bound.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "backend/exact/Solve.h"
#include "omen/Exact.h"

namespace omen::exact {

struct MdpRequest {
  uint32_t report = 0;  ///< index into the scenario's reports
  bool maximize = true;
};

/// One row of the optimal strategy: at the Choose statement `site`, seeing `seen` (the
/// columns of ir::choiceColumns), take `choice`; `value` is the report's optimum from there.
struct DecisionRow {
  uint32_t site = 0;
  std::vector<int64_t> seen;
  Value choice{};
  uint32_t alternative = 0;  ///< its index among the statement's alternatives
  double value = 0;
  /// The value of every alternative, in order (the row's reason).
  std::vector<double> alternativeValues;
};

struct MdpResult {
  double value = 0;       ///< the optimum (midpoint of the bracket)
  double errorBound = 0;  ///< half the bracket: |optimum - value| <= errorBound, rounding aside
  std::vector<DecisionRow> strategy;
  uint64_t states = 0;     ///< distinct states in the graph
  uint64_t decisions = 0;  ///< decision nodes met
  ExactScenarioResult counts;
};

bool solveMdp(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
              const std::atomic<bool>* cancel, const MdpRequest& request, MdpResult& out, SolveError& error);

}  // namespace omen::exact
