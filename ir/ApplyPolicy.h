//===- ApplyPolicy.h - A strategy compiled into the scenario it was found for ===//
//
// A Monte Carlo engine cannot decide for the modelled agent, so a scenario with `choose`
// runs under a policy (`--policy FILE`, as `omen worst --exact` writes it): each Choose
// statement becomes a Let of a lookup of what it sees (ir/ChoiceKey.h) in the policy's
// table. The lookup is a decision tree of Select expressions over the key's columns, split
// on a column only where the rows still disagree, so every engine runs it as ordinary IR
// and the engines stay bit-identical. A state the table lacks takes the choice of the rows
// it agrees with on the columns tested (the table lists every state the strategy can reach,
// so only a trial past an `until` phase's exact-engine residual meets one).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ir/Module.h"

namespace omen::ir {

/// One Choose statement's table: rows of what it sees and the value it then takes (the
/// bits of an int, bool or real Value).
struct ChoiceTable {
  std::vector<std::vector<int64_t>> seen;
  std::vector<int64_t> choice;
};

/// Replaces every Choose of `s` by its table's lookup (`tables` by site). Returns an error
/// naming a Choose without a table, or "".
std::string applyPolicy(Scenario& s, const std::map<uint32_t, ChoiceTable>& tables);

/// A deep copy of `s` (to apply a policy to without touching the module's).
Scenario copyScenario(const Scenario& s);

}  // namespace omen::ir
