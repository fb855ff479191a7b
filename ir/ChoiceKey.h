//===- ChoiceKey.h - What the agent sees at a `choose` ----------------------===//
//
// A decision is made knowing the whole state: `t`, every param and state of the trial, every
// event's flag, and the lets, loop variables and earlier choices in scope at the statement
// (Stmt::visible). These columns, in this order, are the key of a decision in the exact
// engine's strategy (backend/exact/Mdp.h), in the policy file `omen worst --exact` writes,
// and in the lookup ApplyPolicy.h compiles for Monte Carlo engines: one definition for all
// three, so a policy found exactly is followed exactly.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ir/Module.h"

namespace omen::ir {

struct ChoiceColumn {
  enum Kind : uint8_t { Clock, Slot, Event } kind;
  uint32_t index = 0;  ///< the slot or event
  std::string name;    ///< `t`, the slot's name, the event's name
  Type type = Type::Int;
};

std::vector<ChoiceColumn> choiceColumns(const Scenario& s, const Stmt& choose);

/// The Choose statements of a scenario's phases, in source order.
std::vector<const Stmt*> chooseStatements(const Scenario& s);

}  // namespace omen::ir
