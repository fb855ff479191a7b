//===- ScenarioInfo.cpp - What the runtime needs to know of a lowered scenario =//
#include "backend/ScenarioInfo.h"

#include <algorithm>
#include <set>

namespace omen::backend {
namespace {

ValueType valueType(Type t) {
  return t == Type::Bool ? ValueType::Bool : t == Type::Int ? ValueType::Int : ValueType::Real;
}

ReportKind reportKind(ir::ReportKind k) {
  switch (k) {
    case ir::ReportKind::Probability: return ReportKind::Probability;
    case ir::ReportKind::Mean: return ReportKind::Mean;
    case ir::ReportKind::Quantiles: return ReportKind::Quantiles;
  }
  return ReportKind::Mean;
}

/// The draw sites a block reaches directly (functions are walked once each, by the caller).
class DrawSites {
 public:
  explicit DrawSites(const ir::Module& program) : program_(program) {}
  void block(const ir::Block& b) {
    for (const ir::StmtPtr& s : b) {
      if (s->kind == ir::StmtKind::WithProbability) add(s->site, OMEN_TILT_BERNOULLI);
      if (s->value) expr(*s->value);
      if (s->subscript) expr(*s->subscript);
      if (s->bound) expr(*s->bound);
      block(s->thenBlock);
      block(s->elseBlock);
    }
  }
  void expr(const ir::Expr& e) {
    if (e.kind == ir::ExprKind::CallBuiltin) {
      if (e.builtin == BuiltinId::Bernoulli) add(e.site, OMEN_TILT_BERNOULLI);
      if (e.builtin == BuiltinId::Normal) add(e.site, OMEN_TILT_NORMAL);
      if (e.builtin == BuiltinId::Uniform) add(e.site, OMEN_TILT_UNIFORM);
    }
    for (const ir::ExprPtr& o : e.operands) expr(*o);
  }
  std::vector<rt::DrawSite> sorted() {
    std::sort(out_.begin(), out_.end(), [](const rt::DrawSite& a, const rt::DrawSite& b) { return a.site < b.site; });
    return std::move(out_);
  }

 private:
  void add(uint32_t site, int kind) {
    if (site == ir::kNoSite || !seen_.insert(site).second) return;
    const SourceRange& r = program_.sites.at(site).range;
    out_.push_back({site, kind, std::to_string(r.begin.line) + ":" + std::to_string(r.begin.col)});
  }
  const ir::Module& program_;
  std::set<uint32_t> seen_;
  std::vector<rt::DrawSite> out_;
};

}  // namespace

rt::ScenarioInfo scenarioInfo(const ir::Module& program, const ir::Scenario& s) {
  rt::ScenarioInfo info;
  info.name = s.name;
  info.globalCount = program.globalCount(s);
  info.weighted = s.weighted;
  for (const ir::Param& p : s.params) {
    info.params.push_back({p.name, valueType(p.type), p.uncertain, p.global, p.pinned, p.support.low, p.support.high});
    info.params.back().hasRange = p.hasRange;
    info.params.back().lo = p.lo;
    info.params.back().hi = p.hi;
    info.params.back().epistemic = p.epistemic;
    info.params.back().correlated = p.correlated;
  }
  for (const ir::Report& r : s.reports) info.reports.push_back({r.label, reportKind(r.kind), r.given != nullptr, r.levels, r.expectation});
  DrawSites draws(program);
  draws.block(s.trialInit);
  for (const ir::Phase& p : s.phases) {
    for (const ir::ExprPtr* e : {&p.count, &p.cond, &p.limit})
      if (*e) draws.expr(**e);
    draws.block(p.body);
  }
  for (const ir::Function& f : program.functions) draws.block(f.body);
  info.drawSites = draws.sorted();
  return info;
}

}  // namespace omen::backend
