//===- ScenarioInfo.cpp - What the runtime needs to know of a lowered scenario =//
#include "backend/ScenarioInfo.h"

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
  return info;
}

}  // namespace omen::backend
