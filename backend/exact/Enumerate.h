//===- Enumerate.h - Every outcome of a block or expression, with its probability ===//
//
// Runs the evaluator from the same start with ever longer scripts (Evaluator.h), depth
// first, until every path has finished: each finished path is handed to `emit` with the
// memory it ended in, its probability and its status. The probability of the outcomes left
// out at each branch (the far tails of unbounded draws), times the probability of reaching
// that branch, is added to `droppedMass`.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <vector>

#include "backend/exact/Evaluator.h"
#include "backend/exact/StrategyGraph.h"

namespace omen::exact {

/// `run(memory, script)` runs the evaluator on `memory` (a fresh copy of the start) and
/// returns its status; `emit(memory, probability, status)` takes each finished path and
/// returns false to stop (an error).
///
/// With a StrategyGraph (Evaluator::graph), every branch is recorded at its path (the
/// graph's `path` on entry, then the script), and `emit` runs with the graph's `path` set to
/// its own, so that what it adds (StrategyGraph::arrive) or enumerates lands under it.
template <class Run, class Emit>
bool enumerate(Evaluator& ev, const TrialMemory& start, double mass, double& droppedMass, Run&& run, Emit&& emit) {
  std::vector<std::vector<uint32_t>> stack(1);
  TrialMemory memory;
  StrategyGraph* graph = ev.graph();
  const std::vector<uint32_t> base = graph ? graph->path : std::vector<uint32_t>{};
  auto full = [&](const std::vector<uint32_t>& script) {
    std::vector<uint32_t> f = base;
    f.insert(f.end(), script.begin(), script.end());
    return f;
  };
  while (!stack.empty()) {
    std::vector<uint32_t> script = std::move(stack.back());
    stack.pop_back();
    memory = start;
    Evaluator::Status st = run(memory, script);
    if (st == Evaluator::Status::Branch) {
      const Branch& b = ev.branch();
      if (graph) graph->branch(full(script), b);
      droppedMass += mass * ev.pathProbability() * b.droppedMass;
      for (size_t i = b.outcomes.size(); i-- > 0;) {
        stack.push_back(script);
        stack.back().push_back(uint32_t(i));
      }
      continue;
    }
    if (graph) graph->path = full(script);
    bool ok = emit(memory, mass * ev.pathProbability(), st);
    if (graph) graph->path = base;
    if (!ok) return false;
  }
  return true;
}

}  // namespace omen::exact
