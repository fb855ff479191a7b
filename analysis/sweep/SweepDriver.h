//===- SweepDriver.h - One kernel at many settings, on common random numbers ===//
//
// The driver loop of a sweep: block b of every point covers the same trials of the same seed,
// so point k and point k+1 see the same streams and differ only by their settings. Each
// point keeps its own accumulators; a point marked `pairsWithPrevious` also feeds a paired
// accumulator with the previous point, trial by trial, for the difference of each
// probability and mean report. Blocks merge in order (DriverScheduler.h), so the result does
// not depend on the thread count, and every point costs one kernel run per block: no more
// than separate runs would.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <vector>

#include "runtime/host/Driver.h"
#include "runtime/host/Paired.h"

namespace omen::rt {

struct SweepPointSettings {
  std::vector<Override> overrides;
  bool pairsWithPrevious = false;
};

struct SweepRun {
  /// Per point, per report.
  std::vector<std::vector<ReportResult>> reports;
  /// Per point, per report: the difference point - previous (empty where not paired;
  /// undefined for quantiles reports).
  std::vector<std::vector<PairedDifference>> steps;
  /// Per point, a precision-targeted sweep's standing (the sweep stops at the first block
  /// boundary where every point meets every target; empty without targets).
  std::vector<PrecisionOutcome> precision;
  std::vector<ParamValue> params;  ///< as the first point used them
  uint64_t trialsCompleted = 0;
  bool partial = false;
  std::optional<RunError> error;
  size_t failedPoint = 0;
  double seconds = 0;
};

/// Runs `kernel` at each of `points` on common random numbers (options.overrides is ignored;
/// each point carries all of its own).
SweepRun runSweep(const Kernel& kernel, const DriverOptions& options, const std::vector<SweepPointSettings>& points);

}  // namespace omen::rt
