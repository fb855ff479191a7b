//===- SweepDriver.h - One kernel at many settings, on common random numbers ===//
//
// The driver loop of a sweep: block b of every point covers the same trials of the same seed,
// so point k and point k+1 see the same streams and differ only by their settings (and, in
// a comparison, by their scenario: each point names one of the kernels). Each point keeps
// its own accumulators; a point marked `pairsWithPrevious` also feeds a paired accumulator
// with the previous point, trial by trial, for the difference of each report both have. Blocks merge in order (DriverScheduler.h), so the result does
// not depend on the thread count, and every point costs one kernel run per block: no more
// than separate runs would.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <vector>

#include "runtime/host/Driver.h"
#include "runtime/host/Paired.h"
#include "runtime/host/Precision.h"

namespace omen::rt {

struct SweepPointSettings {
  std::vector<Override> overrides;
  bool pairsWithPrevious = false;
  size_t kernel = 0;  ///< which of the sweep's kernels runs this point
};

/// A kernel of a sweep and its precision targets (resolved against its reports).
struct SweepKernel {
  const Kernel* kernel = nullptr;
  std::vector<ReportTarget> targets;
};

struct SweepRun {
  /// Per point, per report.
  std::vector<std::vector<ReportResult>> reports;
  /// Per point: the difference point - previous of each report both have (by label and
  /// kind, in this point's order; empty where not paired).
  std::vector<std::vector<Comparison>> steps;
  /// Per point, a precision-targeted sweep's standing (the sweep stops at the first block
  /// boundary where every point meets every target; empty without targets).
  std::vector<PrecisionOutcome> precision;
  /// Per point, the evidence of a scenario that observes (absent where it does not).
  std::vector<std::optional<Evidence>> evidence;
  /// The params every point of kernel 0 used the same way, as they used them (a param
  /// computed from a varied one is left out).
  std::vector<ParamValue> params;
  uint64_t trialsCompleted = 0;
  bool partial = false;
  std::optional<RunError> error;
  size_t failedPoint = 0;
  double seconds = 0;
};

/// Runs each of `points` with its kernel on common random numbers (options.overrides and
/// options.targets are ignored: each point carries all of its settings, each kernel its
/// targets).
SweepRun runSweep(const std::vector<SweepKernel>& kernels, const DriverOptions& options,
                  const std::vector<SweepPointSettings>& points);

/// One kernel at every point, with options.targets.
SweepRun runSweep(const Kernel& kernel, const DriverOptions& options, const std::vector<SweepPointSettings>& points);

}  // namespace omen::rt
