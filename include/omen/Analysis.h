//===- Analysis.h - Sweeps and thresholds as plain data ---------------------===//
//
// What `omen sweep` and `omen solve` ask for and produce (docs/reference.md, "Sweeps" and
// "Solve"). Every point of a sweep runs the same compiled kernel with the same seed and
// streams (common random numbers), so neighbouring points differ only by the param, and
// their paired differences carry intervals far narrower than two separate runs would give.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "omen/Format.h"
#include "omen/Results.h"

namespace omen {

/// One varied param as asked for: `--vary NAME[=LO:HI[:N]]`. Bounds left empty take the
/// param's declared range (`param x = … in [lo, hi]`).
struct SweepAxisRequest {
  std::string param;
  std::string lo, hi;   ///< as typed (`0.1%`, `1e-3`, `10`); empty: the declared bound
  uint32_t points = 0;  ///< 0: SweepRequest::defaultPoints
  bool log = false;     ///< geometric grid (needs lo > 0)
};

/// A sweep or solve of a comparison: at every point, scenario A (the analysis's scenario)
/// against `scenarioB`, or one scenario at two settings (`setA`, `setB`, each on top of
/// `--set`), both sides on the same trials and streams, and their paired difference A - B.
/// Nothing given: no comparison.
struct ComparisonRequest {
  std::string scenarioB;  ///< empty: side B is scenario A
  std::vector<std::pair<std::string, std::string>> setA, setB;  ///< name, value as typed
  bool any() const { return !scenarioB.empty() || !setA.empty() || !setB.empty(); }
};

struct SweepRequest {
  std::string scenario;  ///< empty: the one scenario of the file that has every varied param
  std::vector<SweepAxisRequest> axes;  ///< one or two
  uint32_t defaultPoints = 11;
  ComparisonRequest comparison;
};

/// One axis of a finished sweep: the grid actually run (an int param's grid is rounded and
/// repeated values dropped).
struct SweepAxis {
  std::string param;
  ValueType type = ValueType::Real;
  bool log = false;
  std::vector<double> values;
};

/// One grid point: its param values (one per axis) and every report's estimate there.
struct SweepPoint {
  std::vector<double> at;
  std::vector<ReportResult> reports;  ///< every one undefined if the point failed
  /// A runtime error at this point (rendered, with its place and the point's values): the
  /// other points still ran and are reported.
  std::string error;
  /// A precision-targeted sweep (--precision / --rel-precision): how this point stood.
  std::optional<PrecisionOutcome> precision;
  /// A comparison sweep: the paired difference A - B of each probability and mean report
  /// both sides have (with each side's estimate in `a` and `b`); `reports` are side A's.
  std::vector<Comparison> differences;
  /// The scenario observes: the evidence at this point's settings (docs/evidence.md), on the
  /// same trials as every other point. A comparison sweep: side A's.
  std::optional<Evidence> evidence;
};

/// The paired difference `points[to] - points[from]` of each probability and mean report
/// (same trials, same streams), between neighbours along the first axis.
struct SweepStep {
  size_t from = 0, to = 0;
  std::vector<Comparison> differences;  ///< one per report; quantiles reports are left out
};

struct SweepResult : RunHeader {
  std::vector<SweepAxis> axes;
  /// The first axis varies fastest: point (i, j) is points[j * axes[0].values.size() + i].
  std::vector<SweepPoint> points;
  std::vector<SweepStep> steps;
  /// The other params as the run used them (`--set` applied).
  std::vector<ParamValue> params;
  /// A comparison sweep: the sides as the output names them ("online", "s [k=1]"); empty
  /// otherwise. `steps` is then empty: each point's `differences` are its paired result.
  std::string sideA, sideB;
};

using SweepOutcome = Outcome<SweepResult>;

/// `REPORT = VALUE` of `omen solve --where`: a report's label (or its written form such as
/// `P(caught)`) and the target its estimate should reach.
struct SolveRequest {
  std::string scenario;
  std::string param;
  std::string lo, hi;    ///< the bracket as typed; empty: the declared range
  std::string report;
  double target = 0;
  /// Points of the coarse scan that brackets the crossing before the root finder runs.
  uint32_t scanPoints = 17;
  bool log = false;  ///< the scan's points geometrically spaced (needs lo > 0)
  /// Solve for the x at which the paired difference A - B of the report reaches the target.
  ComparisonRequest comparison;
  double z = 1.959963984540054;  ///< the interval's normal quantile (95%)
};

/// `partial`: interrupted, no root is reported.
struct SolveResult : RunHeader {
  std::string param, report;
  ValueType type = ValueType::Real;
  double target = 0;
  double lo = 0, hi = 0;  ///< the bracket searched
  /// The CRN response crosses the target at `root`; `ciLow`..`ciHigh` is every x at which
  /// the target lies inside the report's interval (estimate ± z·stderr).
  double root = 0, ciLow = 0, ciHigh = 0;
  /// An interval end that reached the bracket: the true root may lie beyond it.
  bool ciLowOpen = false, ciHighOpen = false;
  /// The report at the root (its estimate is the CRN response there).
  ReportResult atRoot;
  uint32_t evaluations = 0;  ///< kernel runs, the scan included
  /// The scan, for plots: x, estimate, stderr.
  std::vector<double> scanX, scanEstimate, scanStdError;
  /// Interrupted: scan points with estimates (scanX) of scanPlanned; evaluations is the runs
  /// that finished.
  size_t scanPlanned = 0;
  /// A precision-targeted solve: the scan ran until every scan point met the targets (met
  /// is false if the cap came first), and `trials` is the trials it took, used at every x
  /// after it; the reports are those of the scan point where the response crosses.
  std::optional<PrecisionOutcome> precision;
  bool log = false;  ///< the scan was log-spaced (and its plot has a log x axis)
  /// A solve of a comparison: the sides as the output names them (empty otherwise). The
  /// response is then the paired difference A - B; `atRoot` holds it (estimate, stderr,
  /// interval) and `atRootComparison` each side's estimate there too.
  std::string sideA, sideB;
  Comparison atRootComparison;
};

using SolveOutcome = Outcome<SolveResult>;

std::string formatSweep(const SweepResult& result, OutputFormat format);
std::string formatSolve(const SolveResult& result, OutputFormat format);

/// Draws the sweep (each report's estimate and 95% band over the grid), or the solve's scan
/// with the target and the root's interval, into `path` (.svg or .png) through gnuplot.
/// "" or the error (no gnuplot, an unwritable path).
std::string plotSweepFile(const SweepResult& result, const std::string& path);
std::string plotSolveFile(const SolveResult& result, const std::string& path);

/// A text plot of each report of a one-param sweep (estimate and 95% band) for a terminal,
/// `width` columns of plot area; a two-param sweep gets a shaded grid per report.
std::string plotSweepText(const SweepResult& result, int width = 60, int height = 12);

}  // namespace omen
