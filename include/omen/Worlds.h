//===- Worlds.h - Two-level runs: a report's distribution across worlds -----===//
//
// `omen run FILE --worlds W --trials N` (docs/reference.md): each world draws the
// epistemic params once (`epistemic x ~ …`), then runs N trials in which the other uncertain
// params are drawn afresh; every report is estimated per world, and summarised across
// worlds next to the pooled value. Plain data, as Results.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "omen/Results.h"

namespace omen {

/// P(world's estimate > threshold): the fraction of worlds above it, with the 95% Wilson
/// interval of a share of W independent worlds.
struct Exceedance {
  double threshold = 0;
  double fraction = 0;
  double ciLow = 0, ciHigh = 0;
  /// The inner trials' noise puts worlds near the threshold on either side: the expected
  /// share of worlds whose estimate and true value lie on different sides (each world's
  /// Φ(−|estimate − threshold| / its se)). `tooNoisy` when it exceeds half the interval's
  /// half-width: the share is then biased by more than its sampling error; raise --trials.
  double misclassified = 0;
  bool tooNoisy = false;
};

struct WorldReport {
  std::string label;
  ReportKind kind = ReportKind::Probability;
  bool conditional = false;
  /// The value over every trial of every world: the mean of the worlds' estimates (weighted
  /// by each world's n for a conditional report), with the standard error of a clustered
  /// sample (between-world spread / √worlds) and its 95% interval.
  double pooled = 0, pooledStdError = 0, pooledLow = 0, pooledHigh = 0;
  /// Worlds in which the report has an estimate (a condition may never hold in some).
  uint64_t worlds = 0;
  /// Across worlds: mean and standard deviation of the per-world estimate; the mean inner
  /// variance (each world's squared standard error); and the epistemic standard deviation,
  /// √max(0, sd² − inner), the spread with the inner trials' noise taken out.
  double mean = 0, sd = 0, innerVariance = 0, epistemicSd = 0;
  /// 5/25/50/75/95% of the per-world estimates (these include the inner noise).
  std::vector<QuantilePoint> quantiles;
  std::vector<Exceedance> exceed;
  /// Each world's estimate, in world order (a quantiles report: its median); empty for a
  /// world without one is left out, so values.size() == worlds.
  std::vector<double> values;
  /// The scenario observes: the worlds weighted by their evidence (docs/evidence.md). The
  /// posterior across worldviews, sum Z_w v_w / sum Z_w, and the posterior share of worlds
  /// above each threshold; absent otherwise.
  bool evidenceWeighted = false;
  double posterior = 0;
  std::vector<Exceedance> posteriorExceed;
};

struct WorldsScenario {
  std::string name;
  /// The epistemic params (those not pinned with --set) and their value in each world.
  std::vector<std::string> epistemic;
  std::vector<std::vector<double>> epistemicValues;  ///< [param][world]
  std::vector<WorldReport> reports;
  /// The scenario observes: each world's log evidence, in world order (empty otherwise).
  std::vector<double> logEvidence;
  /// The scenario observes: each world's evidence (the mean weight of its trials, `values`
  /// in world order) summarised across worlds like a report, labelled "evidence"; its pooled
  /// value is the evidence under the prior over worldviews. Absent otherwise.
  std::optional<WorldReport> evidence;
  uint64_t worldsCompleted = 0;
  bool partial = false;  ///< interrupted: only the first worldsCompleted worlds
  double seconds = 0;
};

/// `trials` is per world.
struct WorldsResult : RunHeader {
  uint64_t worlds = 0;
  std::vector<WorldsScenario> scenarios;
};

using WorldsOutcome = Outcome<WorldsResult>;

}  // namespace omen
