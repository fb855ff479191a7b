//===- Precision.h - The stopping rule of precision-targeted runs -----------===//
//
// `--precision SE` and `--rel-precision FRACTION` add blocks of trials until every targeted
// report's standard error is small enough. The rule is asked after each block merged, in
// block order, so where a run stops depends on the seed only (not on threads or ranks).
//
// The rule guards against stopping on a lucky small variance (stopping bias; Chow and
// Robbins 1965, Glynn and Whitt 1992): no stop before kPrecisionMinTrials trials; a
// probability's variance is taken as p(1 - p) + 1/n (Chow and Robbins' term), so 0 events
// in n trials give se = 1/n, not 0; a mean with no spread yet (every value equal so far)
// never meets a target; a relative target is never met at an estimate of 0.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "omen/Results.h"
#include "omen/RunOptions.h"
#include "runtime/host/Kernel.h"
#include "runtime/host/StatisticsReport.h"

namespace omen::rt {

/// A target applied to one report (by index) of a scenario.
struct ReportTarget {
  size_t report = 0;
  PrecisionTarget target;
};

/// The targets of `targets` that apply to `info`'s reports: a labelled one to the P or E
/// report of that label, an unlabelled one to every P and E report (a report named by two
/// targets must meet both).
std::vector<ReportTarget> resolveTargets(const std::vector<PrecisionTarget>& targets,
                                         const ScenarioInfo& info);

/// "" or the usage error: a label no scenario has, or one of a quantiles report.
std::string checkTargets(const std::vector<PrecisionTarget>& targets,
                         const std::vector<const ScenarioInfo*>& scenarios);

/// How `target` stands on `report` after `trials` trials.
ReportPrecision checkTarget(const ReportTarget& target, const ReportAccumulator& report,
                            const ReportInfo& info, uint64_t trials);

/// Every target holds after `trials` trials.
bool targetsMet(const std::vector<ReportTarget>& targets,
                const std::vector<ReportAccumulator>& reports, const ScenarioInfo& info,
                uint64_t trials);

/// How every target stands after `trials` trials of a run capped at `cap`.
PrecisionOutcome precisionOutcome(const std::vector<ReportTarget>& targets, uint64_t cap,
                                   const std::vector<ReportAccumulator>& reports, const ScenarioInfo& info,
                                   uint64_t trials);

}  // namespace omen::rt
