//===- Driver.h - The Monte Carlo driver: run a kernel, get estimates ------===//
//
// run() evaluates a kernel's globals once, runs its trials in fixed blocks on a pool of
// threads and merges each block's statistics in block order, so the result depends on the
// seed and the trial count only (docs/reference.md section 10). runPaired() does the same for two
// kernels on common random numbers: block b of A and of B covers the same trial indices of
// the same seed, and each shared report feeds a paired accumulator.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/host/DriverScheduler.h"
#include "runtime/host/Kernel.h"
#include "runtime/host/Precision.h"
#include "omen/Results.h"
#include "runtime/host/StatisticsQuantiles.h"

namespace omen::rt {

/// A global slot set from the command line (`--set`).
struct Override {
  uint32_t slot;
  Value value;
};

struct DriverOptions {
  uint64_t trials = 100000;
  uint64_t seed = 1;
  /// Worker threads; 0 means std::thread::hardware_concurrency(). Results do not depend
  /// on it.
  unsigned threads = 0;
  /// Slots of the (first) kernel to pin before initGlobals; see pinParam().
  std::vector<Override> overrides;
  /// runPaired only: the overrides of kernel B (its slots differ from A's).
  std::vector<Override> overridesB;
  /// Draw a progress bar on stderr (only if it is a terminal and the run takes > 1 s).
  bool progress = false;
  /// Set (e.g. from a SIGINT handler) to stop early; the result is then `partial`.
  const std::atomic<bool>* cancel = nullptr;
  /// run() only: trial t of the run reads the stream of trial index firstTrial + t (a
  /// two-level run puts world w's trials at w·N; docs/reference.md section 10).
  uint64_t firstTrial = 0;
  /// Values a quantiles report keeps exactly before it switches to the sketch.
  uint64_t exactQuantileCap = kExactQuantileCap;
  /// A precision-targeted run: `trials` is the cap, and the run stops at the first block
  /// boundary where every target holds (Precision.h); runPaired needs both kernels' targets
  /// (`targetsB` for kernel B) to hold, so each side of a comparison meets them.
  bool precision = false;
  std::vector<ReportTarget> targets, targetsB;
  /// run() only: a sequential test of the expectations (`omen test`): `trials` is the cap,
  /// and the run stops at the first block boundary where every expectation is decided at
  /// this error rate (Expectation.h), their verdicts then the sequential ones. 0: no test.
  double expectAlpha = 0;
  /// run() only: under mpirun, share the blocks out over the ranks (false: this process
  /// runs every block, as a short world of a two-level run does on its own rank).
  bool acrossRanks = true;
};

/// Adds the overrides that pin param `name` of `info` to `value`: the param's slot and, for
/// an uncertain param, its pinned flag (so the kernel reads the slot instead of drawing).
/// Returns false if the scenario has no such param.
bool pinParam(const ScenarioInfo& info, std::string_view name, Value value,
              std::vector<Override>& overrides);

/// Runs `kernel`. The result carries the error of the lowest failing trial (or of
/// initGlobals) instead of estimates if the run fails.
ScenarioResult run(const Kernel& kernel, const DriverOptions& options);

/// Runs `a` and `b` on common random numbers and pairs every report whose label and kind
/// both have. file/engine/threads of the result are left for the caller to fill.
CompareResult runPaired(const Kernel& a, const Kernel& b, const DriverOptions& options);

}  // namespace omen::rt
