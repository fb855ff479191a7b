//===- ApplyPolicy.cpp - A strategy compiled into the scenario --------------===//
#include "ir/ApplyPolicy.h"

#include <cstring>

#include "ir/ChoiceKey.h"

namespace omen::ir {
namespace {

ExprPtr constantOf(Type t, int64_t bits) {
  switch (t) {
    case Type::Bool: return makeBool(bits != 0);
    case Type::Real: {
      double r;
      std::memcpy(&r, &bits, sizeof r);
      return makeReal(r);
    }
    case Type::Int:
    case Type::Unknown: return makeInt(bits);
  }
  return makeInt(bits);
}

ExprPtr columnOf(const ChoiceColumn& c) {
  switch (c.kind) {
    case ChoiceColumn::Clock: return makeClock(Clock::GlobalStep);
    case ChoiceColumn::Slot: return makeLoadSlot(c.index, c.type);
    case ChoiceColumn::Event: return makeEventHappened(c.index);
  }
  return makeClock(Clock::GlobalStep);
}

class Lookup {
 public:
  Lookup(const std::vector<ChoiceColumn>& columns, const ChoiceTable& table, Type type)
      : columns_(columns), table_(table), type_(type) {}

  ExprPtr build(const std::vector<size_t>& rows, size_t column) const {
    bool same = true;
    for (size_t r : rows) same &= table_.choice[r] == table_.choice[rows[0]];
    if (same || column >= columns_.size()) return constantOf(type_, table_.choice[rows[0]]);
    // The rows' values in this column, in first-seen order; each value's rows go on.
    std::vector<int64_t> values;
    std::map<int64_t, std::vector<size_t>> groups;
    for (size_t r : rows) {
      auto [it, fresh] = groups.try_emplace(table_.seen[r][column]);
      if (fresh) values.push_back(table_.seen[r][column]);
      it->second.push_back(r);
    }
    if (values.size() == 1) return build(rows, column + 1);
    ExprPtr chain = build(groups[values.back()], column + 1);
    for (size_t k = values.size() - 1; k-- > 0;) {
      const ChoiceColumn& c = columns_[column];
      ExprPtr test = makeBinary(BinaryOp::Eq, columnOf(c), constantOf(c.type, values[k]));
      chain = makeSelect(std::move(test), build(groups[values[k]], column + 1), std::move(chain));
    }
    return chain;
  }

 private:
  const std::vector<ChoiceColumn>& columns_;
  const ChoiceTable& table_;
  Type type_;
};

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
      std::vector<size_t> rows(found->second.choice.size());
      for (size_t r = 0; r < rows.size(); ++r) rows[r] = r;
      Lookup lookup(columns, found->second, s.slots[st->index].type);
      st = makeLet(st->index, lookup.build(rows, 0));
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
  for (const Phase& p : s.phases)
    out.phases.push_back({p.name, p.form, copy(p.count), copy(p.cond), copy(p.limit), cloneBlock(p.body), p.site,
                          p.skipQuiescent, p.quiescence});
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
