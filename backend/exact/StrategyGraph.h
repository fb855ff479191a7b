//===- StrategyGraph.h - Every state and step a trial can take, under any strategy ===//
//
// For `omen worst --exact` (Mdp.h) the solver of Solve.h runs once with every alternative
// of every `choose` followed (each with probability 1), and records what it sees here: each
// state it takes a step from (a *source*: the trial's start, a phase's entry, a state
// between steps) gets the tree of that step, whose inner nodes are the draws (chance: each
// outcome with its probability) and the choices (decision: each alternative), and whose
// leaves are the states the step ends in. Paths through the tree are the replay scripts of
// Enumerate.h, prefixed by the path of an enclosing enumeration (an `until` phase's
// condition, then its step). Sources are recorded in the order they are stepped from, which
// is a topological order (every step moves `t`, the step or the phase forward), so a
// backward pass over it is backward induction.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "backend/exact/StateSpace.h"

namespace omen::exact {

inline constexpr uint32_t kNoNode = UINT32_MAX;

struct TreeNode {
  enum Kind : uint8_t { Leaf, Chance, Decision } kind = Leaf;
  uint32_t target = kNoNode;           ///< Leaf: the state the step ends in
  std::vector<uint32_t> children;      ///< Chance, Decision: one per outcome or alternative
  std::vector<double> probability;     ///< Chance: each outcome's
  double dropped = 0;                  ///< Chance: the probability of outcomes left out (tails)
  uint32_t site = 0;                   ///< Decision: the Choose statement's site
  std::vector<int64_t> seen;           ///< Decision: what it sees (ir/ChoiceKey.h)
  std::vector<Value> alternatives;     ///< Decision: the values it can take
};

struct GraphState {
  std::vector<TreeNode> tree;  ///< tree[0] is the root; empty: never stepped from
};

class StrategyGraph {
 public:
  uint32_t nodeOf(const StateKey& key);
  /// The next steps recorded are from `key`.
  void beginSource(const StateKey& key);
  /// The enumeration at path `full` (prefix included) met `b`.
  void branch(const std::vector<uint32_t>& full, const Branch& b);
  /// The path `path` ends in `key`.
  void arrive(const StateKey& key);

  std::vector<uint32_t> path;  ///< the prefix of the enumeration now running
  std::vector<StateKey> keys;
  std::vector<GraphState> states;
  std::vector<uint32_t> order;  ///< sources, in the order stepped from
  uint32_t root = kNoNode;      ///< the trial's start

 private:
  uint32_t treeNode(const std::vector<uint32_t>& full);
  std::unordered_map<StateKey, uint32_t, StateKeyHash> ids_;
  uint32_t current_ = kNoNode;
  std::map<std::vector<uint32_t>, uint32_t> treeIndex_;
};

}  // namespace omen::exact
