//===- ParamScenario.cpp - A scenario that only draws its uncertain params -===//

#include "ir/ParamScenario.h"

namespace omen::ir {

Scenario paramScenario(const Scenario& s) {
  Scenario out;
  out.name = s.name + ".params";
  for (const Global& g : s.globals) out.globals.push_back({g.name, g.type, g.kind, g.init ? g.init->clone() : nullptr, g.pins});
  out.params = s.params;
  out.slots = s.slots;
  // Lowering puts one `if pinned { slot = value } else { slot = draw }` per uncertain param
  // in trialInit, in declaration order, before any state (after the loops that reset event
  // arrays, which draw nothing): copy exactly those.
  size_t uncertain = 0;
  for (const Param& p : s.params) uncertain += p.uncertain;
  for (const StmtPtr& st : s.trialInit) {
    if (out.trialInit.size() == uncertain) break;
    if (st->kind == StmtKind::If) out.trialInit.push_back(st->clone());
  }
  for (const Param& p : s.params) {
    if (!p.uncertain) continue;
    Report r;
    r.label = p.name;
    if (p.type == Type::Bool) {
      r.kind = ReportKind::Probability;
      r.value = makeLoadSlot(p.slot, Type::Bool);
    } else {
      r.kind = ReportKind::Mean;
      r.value = p.type == Type::Int ? makeIntToReal(makeLoadSlot(p.slot, Type::Int)) : makeLoadSlot(p.slot, Type::Real);
    }
    out.reports.push_back(std::move(r));
  }
  return out;
}

}  // namespace omen::ir
