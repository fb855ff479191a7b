//===- Precision.cpp - The stopping rule of precision-targeted runs ---------===//
#include "runtime/host/Precision.h"

#include <cmath>

#include <fmt/format.h>

namespace omen::rt {

std::vector<ReportTarget> resolveTargets(const std::vector<PrecisionTarget>& targets,
                                         const ScenarioInfo& info) {
  std::vector<ReportTarget> out;
  for (const PrecisionTarget& t : targets)
    for (size_t r = 0; r < info.reports.size(); ++r) {
      const ReportInfo& report = info.reports[r];
      if (report.kind == ReportKind::Quantiles) continue;
      if (t.label.empty() || t.label == report.label) out.push_back({r, t});
    }
  return out;
}

std::string checkTargets(const std::vector<PrecisionTarget>& targets,
                         const std::vector<const ScenarioInfo*>& scenarios) {
  for (const PrecisionTarget& t : targets) {
    if (t.label.empty()) continue;
    bool found = false, quantiles = false;
    std::vector<std::string> labels;
    for (const ScenarioInfo* info : scenarios)
      for (const ReportInfo& r : info->reports) {
        if (r.label == t.label) (r.kind == ReportKind::Quantiles ? quantiles : found) = true;
        if (r.kind != ReportKind::Quantiles) labels.push_back("'" + r.label + "'");
      }
    if (found) continue;
    if (quantiles)
      return fmt::format("report '{}' is a quantiles report: it has no standard error to target "
                         "(--precision and --rel-precision apply to P and E reports)", t.label);
    return fmt::format("no P or E report is labelled '{}'{}{}", t.label,
                       labels.empty() ? "" : "; the reports are ", fmt::join(labels, ", "));
  }
  return "";
}

ReportPrecision checkTarget(const ReportTarget& target, const ReportAccumulator& report,
                            const ReportInfo& info, uint64_t trials) {
  ReportPrecision out;
  out.label = info.label;
  out.target = describePrecision(target.target);
  ReportAccumulator::Moments m = report.moments();
  if (m.n < 2) {
    out.note = m.n == 0 ? "its condition never held" : "its condition held only once";
    return out;
  }
  double n = static_cast<double>(m.n);
  double variance = m.variance;
  if (report.kind() == ReportKind::Probability) variance += 1 / n;  // Chow-Robbins
  out.stdError = std::sqrt(variance / n);
  double limit = target.target.relative ? target.target.value * std::fabs(m.estimate) : target.target.value;
  if (report.kind() == ReportKind::Mean && m.variance == 0) {
    out.note = "no spread yet (every value so far is the same)";
    return out;
  }
  if (limit == 0) {
    out.note = report.kind() == ReportKind::Probability ? "no event yet: a relative target needs some"
                                                         : "the estimate is 0: a relative target cannot hold";
    return out;
  }
  // se shrinks as 1/sqrt(trials): the trials that would bring it to the limit.
  out.trialsNeeded = std::ceil(static_cast<double>(trials) * (out.stdError / limit) * (out.stdError / limit));
  out.met = out.stdError <= limit && trials >= kPrecisionMinTrials;
  if (out.met) out.trialsNeeded = 0;
  return out;
}

bool targetsMet(const std::vector<ReportTarget>& targets,
                const std::vector<ReportAccumulator>& reports, const ScenarioInfo& info,
                uint64_t trials) {
  if (trials < kPrecisionMinTrials) return false;
  for (const ReportTarget& t : targets)
    if (!checkTarget(t, reports[t.report], info.reports[t.report], trials).met) return false;
  return true;
}

PrecisionOutcome precisionOutcome(const std::vector<ReportTarget>& targets, uint64_t cap,
                                   const std::vector<ReportAccumulator>& reports, const ScenarioInfo& info,
                                   uint64_t trials) {
  PrecisionOutcome out;
  out.cap = cap;
  out.met = trials >= kPrecisionMinTrials;
  for (const ReportTarget& t : targets) {
    out.reports.push_back(checkTarget(t, reports[t.report], info.reports[t.report], trials));
    out.met = out.met && out.reports.back().met;
  }
  return out;
}

}  // namespace omen::rt
