//===- ChoiceKey.cpp - What the agent sees at a `choose` --------------------===//
#include "ir/ChoiceKey.h"

namespace omen::ir {

std::vector<ChoiceColumn> choiceColumns(const Scenario& s, const Stmt& choose) {
  std::vector<ChoiceColumn> out;
  out.push_back({ChoiceColumn::Clock, 0, "t", Type::Int});
  for (uint32_t i = 0; i < s.slots.size(); ++i)
    if (s.slots[i].kind == SlotKind::Param || s.slots[i].kind == SlotKind::State)
      out.push_back({ChoiceColumn::Slot, i, s.slots[i].name, s.slots[i].type});
  for (uint32_t e = 0; e < s.events.size(); ++e) out.push_back({ChoiceColumn::Event, e, s.events[e], Type::Bool});
  for (uint32_t v : choose.visible) out.push_back({ChoiceColumn::Slot, v, s.slots[v].name, s.slots[v].type});
  return out;
}

namespace {

void collect(const Block& b, std::vector<const Stmt*>& out) {
  for (const StmtPtr& st : b) {
    if (st->kind == StmtKind::Choose) out.push_back(st.get());
    collect(st->thenBlock, out);
    collect(st->elseBlock, out);
  }
}

}  // namespace

std::vector<const Stmt*> chooseStatements(const Scenario& s) {
  std::vector<const Stmt*> out;
  for (const Phase& p : s.phases) collect(p.body, out);
  return out;
}

}  // namespace omen::ir
