//===- ApplyPolicy.h - A strategy compiled into the scenario it was found for ===//
//
// A Monte Carlo engine cannot decide for the modelled agent, so a scenario with `choose`
// runs under a policy (`--policy FILE`, as `omen worst --exact` writes it): each Choose
// statement becomes a Let of a Lookup expression: what it sees (ir/ChoiceKey.h) looked up in
// the policy's table, sorted once here (ir/LookupTable.h) and searched by one runtime
// function on every engine, so the engines stay bit-identical and compiling costs the same
// for any size of table. A state the table lacks takes the choice of the row that agrees with
// it on the most leading columns (`t` first; the table lists every state the strategy can
// reach, so only a trial past an `until` phase's exact-engine residual meets one).
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
