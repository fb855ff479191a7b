//===- DriverSupport.h - Pieces run() and runPaired() share -----------------===//
//
// Internal to the driver: globals set-up, the params as used, running one kernel over one
// block with the outcome check, and the reports' block accumulators.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <vector>

#include "runtime/host/Driver.h"
#include "runtime/host/StatisticsReport.h"

namespace omen::rt::detail {

/// Fills `globals` via initGlobals with `overrides` applied; an error result on failure.
std::optional<RunError> prepareGlobals(const Kernel& kernel, const std::vector<Override>& overrides,
                                       std::vector<Value>& globals);

/// Each param of `info` with the value the run uses (or `drawn`).
std::vector<ParamValue> paramsAsUsed(const ScenarioInfo& info, const std::vector<Value>& globals);

/// Runs trials [first, first + count) into `outcomes` (resized as needed) and checks them:
/// a kernel error, or a report value that is NaN or infinite where its condition held
/// (whichever comes at the lower trial), is returned.
std::optional<RunError> runAndCheck(const Kernel& kernel, const std::vector<Value>& globals,
                                    uint64_t seed, uint64_t first, uint32_t count,
                                    std::vector<double>& outcomes);

/// A fresh accumulator per report of `info`; the quantiles reports share `exactCap` values.
std::vector<ReportAccumulator> makeAccumulators(const ScenarioInfo& info, uint64_t exactCap);

/// Adds `count` trials of outcomes (trial-major, [given, value] per report).
void accumulate(std::vector<ReportAccumulator>& reports, const double* outcomes, uint32_t count);

/// Folds `later` into `into`, report by report.
void mergeAccumulators(std::vector<ReportAccumulator>& into, std::vector<ReportAccumulator>&& later);

/// The estimates of every report.
std::vector<ReportResult> finishReports(const ScenarioInfo& info,
                                        std::vector<ReportAccumulator>& reports);

/// Seconds since `start`.
double secondsSince(std::chrono::steady_clock::time_point start);

/// Worker count for `options` and a run of `trials` (no more workers than blocks).
unsigned workerCount(const DriverOptions& options);

}  // namespace omen::rt::detail
