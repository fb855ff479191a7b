//===- StmtTraits.h - What each statement kind does, for the IR analyses ------===//
//
// Quiescence.h and TrialLanes.h ask the same few questions of every statement: does it draw,
// does it leave its block, does it loop, does it write an array element. The answers are
// written once here, in a switch with no `default:`, so a new StmtKind does not compile until
// it answers them, and the analyses follow without an `==` chain to update.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Stmt.h"

namespace omen::ir {

struct StmtTraits {
  bool draws = false;          ///< draws a uniform itself (`with probability`)
  bool leaves = false;         ///< leaves its block: end, stop, return
  bool loops = false;          ///< runs its body repeatedly
  bool writesElement = false;  ///< changes an array element
  bool decides = false;        ///< the modelled agent's choice (Choose)
};

constexpr StmtTraits traitsOf(StmtKind kind) {
  switch (kind) {
    case StmtKind::Let:
    case StmtKind::Store:
    case StmtKind::If:
    case StmtKind::Trigger:
    case StmtKind::Factor: return {};  // changes the trial's weight: Quiescence.cpp refuses to skip it
    case StmtKind::WithProbability: return {.draws = true};
    case StmtKind::End:
    case StmtKind::Stop:
    case StmtKind::Return: return {.leaves = true};
    case StmtKind::StoreElement:
    case StmtKind::TriggerElement: return {.writesElement = true};
    case StmtKind::For: return {.loops = true};
    case StmtKind::Choose: return {.decides = true};
    // May switch the trial's stream and may end it (runtime/kernel/Split.cpp).
    case StmtKind::SplitPoint: return {.draws = true, .leaves = true};
  }
  return {};
}

}  // namespace omen::ir
