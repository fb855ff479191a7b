//===- ApplyPolicy.cpp - A strategy compiled into the scenario --------------===//
#include "ir/ApplyPolicy.h"

#include <algorithm>

#include "ir/ChoiceKey.h"

namespace omen::ir {
namespace {

ExprPtr columnOf(const ChoiceColumn& c) {
  switch (c.kind) {
    case ChoiceColumn::Clock: return makeClock(Clock::GlobalStep);
    case ChoiceColumn::Slot: return makeLoadSlot(c.index, c.type);
    case ChoiceColumn::Event: return makeEventHappened(c.index);
  }
  return makeClock(Clock::GlobalStep);
}

// The table's rows sorted by what they saw, for omen_rt_lookup's binary search; "" or why not.
std::string sortedTable(const ChoiceTable& table, uint32_t width, LookupTable& out) {
  std::vector<size_t> order(table.choice.size());
  for (size_t r = 0; r < order.size(); ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return table.seen[a] < table.seen[b]; });
  out.width = width;
  out.cells.reserve(order.size() * (size_t(width) + 1));
  for (size_t k = 0; k < order.size(); ++k) {
    const std::vector<int64_t>& seen = table.seen[order[k]];
    if (k > 0 && seen == table.seen[order[k - 1]]) return "lists the same state twice";
    out.cells.insert(out.cells.end(), seen.begin(), seen.end());
    out.cells.push_back(table.choice[order[k]]);
  }
  return "";
}

std::string rewrite(const Scenario& s, Block& b, const std::map<uint32_t, ChoiceTable>& tables) {
  for (StmtPtr& st : b) {
    if (st->kind == StmtKind::Choose) {
      auto found = tables.find(st->site);
      if (found == tables.end() || found->second.choice.empty()) {
        // No trial reaches it (the strategy's table lists every state that can meet it):
        // any alternative will do, and the first is the one that needs no lookup.
        ExprPtr first = st->choices.empty() ? std::move(st->value) : std::move(st->choices[0]);
        st = makeLet(st->index, std::move(first));
        continue;
      }
      std::vector<ChoiceColumn> columns = choiceColumns(s, *st);
      for (const std::vector<int64_t>& row : found->second.seen)
        if (row.size() != columns.size())
          return "the policy's rows for `choose " + s.slots[st->index].name + "` do not match what it sees";
      auto table = std::make_shared<LookupTable>();
      if (std::string why = sortedTable(found->second, uint32_t(columns.size()), *table); !why.empty())
        return "the policy's table for `choose " + s.slots[st->index].name + "` " + why;
      std::vector<ExprPtr> key;
      for (const ChoiceColumn& c : columns) key.push_back(columnOf(c));
      st = makeLet(st->index, makeLookup(std::move(table), std::move(key), s.slots[st->index].type));
      continue;
    }
    std::string why = rewrite(s, st->thenBlock, tables);
    if (why.empty()) why = rewrite(s, st->elseBlock, tables);
    if (!why.empty()) return why;
  }
  return "";
}

}  // namespace

Scenario copyScenario(const Scenario& s) {
  auto copy = [](const ExprPtr& e) { return e ? e->clone() : nullptr; };
  Scenario out;
  out.name = s.name;
  for (const Array& a : s.arrays) out.arrays.push_back({a.name, a.type, copy(a.length), a.site});
  for (const Global& g : s.globals) out.globals.push_back({g.name, g.type, g.kind, copy(g.init), g.pins});
  out.params = s.params;
  out.slots = s.slots;
  out.events = s.events;
  out.trialInit = cloneBlock(s.trialInit);
  for (const Phase& p : s.phases) out.phases.push_back(clonePhase(p));
  for (const Report& r : s.reports) out.reports.push_back({r.kind, r.label, copy(r.value), copy(r.given), r.site, r.levels});
  out.runsInLanes = s.runsInLanes;
  out.trialLanes = s.trialLanes;
  out.exact = s.exact;
  out.exactness = s.exactness;
  out.priorMeans = s.priorMeans;
  out.exactPins = s.exactPins;
  out.weighted = s.weighted;
  return out;
}

std::string applyPolicy(Scenario& s, const std::map<uint32_t, ChoiceTable>& tables) {
  for (Phase& p : s.phases) {
    std::string why = rewrite(s, p.body, tables);
    if (!why.empty()) return why;
  }
  return "";
}

}  // namespace omen::ir
