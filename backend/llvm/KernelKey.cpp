//===- KernelKey.cpp - A scenario reduced to what its machine code depends on =//
#include "backend/llvm/KernelKey.h"

#include <unordered_map>

#include "ir/Printer.h"

namespace omen::llvmgen {
namespace {

class Renumber {
 public:
  Renumber(const ir::Module& program, NormalizedScenario& out) : program_(program), out_(out) {}

  void site(uint32_t& s) {
    if (s == ir::kNoSite) return;
    auto [it, added] = local_.emplace(s, uint32_t(out_.sites.size()));
    if (added) {
      out_.sites.push_back(s);
      // No source range: where the scenario was written must not change its kernel.
      out_.module->sites.push_back({SourceRange{}, program_.sites.at(s).what});
    }
    s = it->second;
  }
  void expr(ir::Expr& e) {
    site(e.site);
    for (ir::ExprPtr& o : e.operands) expr(*o);
  }
  void block(ir::Block& b) {
    for (ir::StmtPtr& s : b) {
      site(s->site);
      if (s->value) expr(*s->value);
      if (s->subscript) expr(*s->subscript);
      if (s->bound) expr(*s->bound);
      block(s->thenBlock);
      block(s->elseBlock);
    }
  }
  void maybe(ir::ExprPtr& e) {
    if (e) expr(*e);
  }

 private:
  const ir::Module& program_;
  NormalizedScenario& out_;
  std::unordered_map<uint32_t, uint32_t> local_;
};

ir::Global withoutInit(const ir::Global& g) { return {g.name, g.type, g.kind, nullptr, g.pins}; }

}  // namespace

NormalizedScenario normalizeScenario(const ir::Module& program, const ir::Scenario& scenario) {
  NormalizedScenario out;
  out.module = std::make_unique<ir::Module>();
  ir::Module& m = *out.module;
  Renumber renumber(program, out);
  for (const ir::Global& g : program.consts) m.consts.push_back(withoutInit(g));
  for (const ir::Function& f : program.functions) {
    m.functions.push_back({f.name, f.returnType, f.argCount, f.slots, ir::cloneBlock(f.body)});
    renumber.block(m.functions.back().body);
  }
  ir::Scenario s;
  s.name = "kernel";
  for (const ir::Global& g : scenario.globals) s.globals.push_back(withoutInit(g));
  s.params = scenario.params;
  s.slots = scenario.slots;
  s.events = scenario.events;
  for (const ir::Array& a : scenario.arrays) {
    s.arrays.push_back({a.name, a.type, a.length ? a.length->clone() : nullptr, a.site});
    renumber.site(s.arrays.back().site);
    renumber.maybe(s.arrays.back().length);
  }
  s.trialInit = ir::cloneBlock(scenario.trialInit);
  renumber.block(s.trialInit);
  for (const ir::Phase& p : scenario.phases) {
    ir::Phase q = ir::clonePhase(p);
    renumber.site(q.site);
    renumber.maybe(q.count);
    renumber.maybe(q.cond);
    renumber.maybe(q.limit);
    renumber.block(q.body);
    s.phases.push_back(std::move(q));
  }
  for (const ir::Report& r : scenario.reports) {
    ir::Report q{r.kind, r.label, r.value ? r.value->clone() : nullptr, r.given ? r.given->clone() : nullptr, r.site,
                 r.levels};
    renumber.site(q.site);
    renumber.maybe(q.value);
    renumber.maybe(q.given);
    s.reports.push_back(std::move(q));
  }
  s.runsInLanes = scenario.runsInLanes;
  s.trialLanes = scenario.trialLanes;
  s.weighted = scenario.weighted;
  m.scenarios.push_back(std::move(s));
  out.text = ir::toString(m);
  return out;
}

}  // namespace omen::llvmgen
