//===- Results.h - What a run produces, as plain data ----------------------===//
//
// The driver fills these; omen/Format.h prints them as text, JSON or CSV; the public API
// hands them to embedders. Plain structs with no behaviour so that every consumer reads the
// same numbers. Self-contained: the types of values and reports are defined here, and the
// kernel's error record (a C struct) in omen/ErrorRecord.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "omen/ErrorRecord.h"
#include "omen/Version.h"

namespace omen {

/// Every global slot is 8 bytes: a real, an int, or a bool stored as int 0/1.
union Value {
  double r;
  int64_t i;
};

enum class ValueType : uint8_t { Bool, Int, Real };
enum class ReportKind : uint8_t { Probability, Mean, Quantiles };

/// One requested quantile: probability level and its value.
struct QuantilePoint {
  double p = 0;
  double value = 0;
  /// A distribution-free 95% interval: the order statistics at ranks n p -+ z sqrt(n p (1-p))
  /// (run results only; a difference in `omen compare` has none).
  double ciLow = 0, ciHigh = 0;
};

/// `expect REPORT < b` (or <=, >, >=) or `expect REPORT in [lo, hi]`: what a P or E report
/// must satisfy (docs/reference.md, "Expectations").
struct Expectation {
  enum class Op : uint8_t { Less, LessEqual, Greater, GreaterEqual, Within };
  Op op = Op::Less;
  /// The bound of < <= > >= (in `hi` for < <=, in `lo` for > >=; the other is infinite), or
  /// the closed interval of `in`.
  double lo = 0, hi = 0;
  std::string bound;  ///< as written after the report: "< 1%", "in [100, 300]"
};

enum class Verdict : uint8_t { Pass, Fail, Undecided };

/// How an expectation stood: decided on an interval that lies inside its region (pass) or
/// outside it (fail), or neither (undecided).
struct ExpectationVerdict {
  Verdict verdict = Verdict::Undecided;
  /// The interval the verdict rests on: `omen test`'s confidence sequence (valid under
  /// optional stopping), or `omen run`'s 95% interval at the run's trials (not sequential).
  double low = 0, high = 0;
  bool hasInterval = false;  ///< false: too few values for one yet (e.g. the condition never held)
  bool sequential = false;
  /// The error rate the interval is stated at (0.05 for the 95% interval of a run).
  double alpha = 0.05;
};

/// One report's estimate.
struct ReportResult {
  std::string label;
  ReportKind kind = ReportKind::Probability;
  bool conditional = false;
  /// Trials the estimate rests on: all trials, or those where the condition held.
  uint64_t n = 0;
  /// n == 0: the condition never held, there is no estimate (never a NaN).
  bool undefined = false;
  /// Probability and mean reports.
  double estimate = 0;
  double stdError = 0;
  double ciLow = 0;
  double ciHigh = 0;
  /// False for a mean over a single value: no spread to estimate a standard error from,
  /// so stdError and the interval are absent rather than a misleading 0.
  bool hasSpread = true;
  /// Quantile reports: the 5/25/50/75/95% points, or the levels the report chose.
  std::vector<QuantilePoint> quantiles;
  /// Quantiles came from the sketch (more than 10^7 values); rankError is then a proven
  /// upper bound on the rank error of each quantile as a fraction of n (e.g. 0.0003).
  bool sketched = false;
  double rankError = 0;
  /// The scenario observes and its weights vary: the estimate is the self-normalised
  /// weighted one (the posterior), its se the delta method's, and `ess` Kish's effective
  /// sample size of the n trials. Otherwise ess == n.
  bool weighted = false;
  double ess = 0;
  /// An `expect` statement's report: what it must satisfy and how it stood.
  std::optional<Expectation> expectation;
  ExpectationVerdict verdict;
};

/// What a scenario that observes says about its observations (docs/evidence.md).
struct Evidence {
  uint64_t n = 0;             ///< trials
  double estimate = 0;        ///< the mean weight: P(observations), or their density
  double stdError = 0;
  double ciLow = 0, ciHigh = 0;
  double logEstimate = 0;     ///< log of the estimate (finite even where it underflows)
  double logStdError = 0;     ///< se / estimate
  double ess = 0;             ///< Kish's effective sample size of all trials
  double maxWeightShare = 0;  ///< the largest weight over the sum of weights
  /// The Pareto k-hat of the weights' tail (Vehtari et al. 2024); absent with too few
  /// distinct large weights (e.g. weights 0 and 1 only).
  std::optional<double> paretoK;
  bool weightsVary = false;   ///< false: every estimate is the plain one
  /// Diagnostics that failed, as sentences (ESS share, largest weight, k-hat).
  std::vector<std::string> warnings;
};

/// A param as the run used it.
struct ParamValue {
  std::string name;
  ValueType type = ValueType::Real;
  /// An uncertain param that was not pinned with `--set`: drawn per trial, no one value.
  bool drawn = false;
  Value value{};
};

/// The first runtime error of a run: the lowest failing trial.
struct RunError {
  OmenError error{};
  uint64_t trial = 0;
  /// >= 0 when the driver itself rejected an outcome (a non-finite report value), naming
  /// the report index; -1 when the kernel reported the error (error.site says where).
  int report = -1;
  /// initGlobals failed (no trial ran; `trial` is meaningless).
  bool inGlobals = false;
};

/// How one targeted report stood when a precision-targeted run stopped.
struct ReportPrecision {
  std::string label;
  std::string target;     ///< e.g. "se <= 0.001"
  bool met = false;
  double stdError = 0;    ///< the standard error the rule checked
  double trialsNeeded = 0;  ///< unmet: about this many trials would meet it (0: unknown)
  std::string note;       ///< unmet: why, e.g. "no event yet"
};

/// The outcome of `--precision` / `--rel-precision` for one scenario.
struct PrecisionOutcome {
  bool met = false;   ///< every target held (at trialsCompleted)
  uint64_t cap = 0;   ///< the most trials the run could take
  std::vector<ReportPrecision> reports;
};

/// The auto engine's account of a run: trials run on the interpreter and on the JIT kernel.
struct EngineSplit {
  uint64_t interpreted = 0, compiled = 0;
};

struct ScenarioResult {
  std::string name;
  double seconds = 0;  ///< running the trials
  /// Compiling this scenario's kernel; the first scenario of a run also counts checking and
  /// lowering the program. 0 for a built executable (compiled by `omen build`).
  double compileSeconds = 0;
  /// Engine auto only: where the trials ran (the JIT kernel may take over mid-run).
  std::optional<EngineSplit> engineSplit;
  std::vector<ParamValue> params;
  std::vector<ReportResult> reports;
  /// The scenario observes (`observe`): its evidence and the weights' diagnostics.
  std::optional<Evidence> evidence;
  /// Interrupted (SIGINT): the reports rest on the first `trialsCompleted` trials only.
  bool partial = false;
  uint64_t trialsCompleted = 0;
  std::optional<RunError> error;
  /// Set when the run was precision-targeted; trialsCompleted is then the trials it took.
  std::optional<PrecisionOutcome> precision;
};

/// What every run's and every analysis's result starts with: where it came from and how it
/// ran. One struct, so a field added here is in every result.
struct RunHeader {
  std::string file;
  std::string scenario;  ///< the one scenario an analysis ran; "" for a run of several
  std::string engine;
  uint64_t seed = 1;
  uint64_t trials = 0;  ///< asked for (per world for a two-level run)
  unsigned threads = 1;
  double seconds = 0;  ///< wall time of the run
  /// Interrupted (SIGINT): the result rests on what finished, `trialsCompleted` trials.
  bool partial = false;
  uint64_t trialsCompleted = 0;
  std::string version = OMEN_VERSION;  ///< of the omen that ran it
};

struct RunResult : RunHeader {
  std::vector<ScenarioResult> scenarios;
};

/// The paired difference A - B of one report shared by both scenarios.
struct Comparison {
  std::string label;
  ReportKind kind = ReportKind::Probability;
  ReportResult a, b;
  /// Trials in the pairing (all trials run; conditional reports weight them by `given`).
  uint64_t n = 0;
  /// A or B has no estimate (its condition never held): no difference either.
  bool undefined = false;
  double difference = 0;
  double stdError = 0;
  double ciLow = 0;
  double ciHigh = 0;
  /// Quantile reports: A's quantile minus B's at each level (no standard error).
  std::vector<QuantilePoint> quantileDifferences;
};

struct CompareResult : RunHeader {
  double compileSeconds = 0;  ///< as ScenarioResult::compileSeconds, for both kernels
  /// Each scenario's own full result (every report, shared or not).
  ScenarioResult a, b;
  /// Reports present in both (same label and kind), in A's order.
  std::vector<Comparison> comparisons;
  std::optional<RunError> error;
  /// Which scenario failed: 'A' or 'B' (when error is set).
  char failedScenario = 0;
  /// Both scenarios observe: Z_A / Z_B on the same trials, the delta method with the
  /// covariance of the paired weights; the interval is exp of log BF -+ 1.96 se(log BF).
  struct BayesFactor {
    double estimate = 0, logEstimate = 0, logStdError = 0, ciLow = 0, ciHigh = 0;
  };
  std::optional<BayesFactor> bayesFactor;
};

/// Why a run did not complete: the program failed at run time (exit status 1), or the
/// options were wrong for this program, e.g. `--set` of an unknown param (exit status 2).
enum class Failure { None, Runtime, Options };

/// What a run or an analysis produced. On failure `error` holds the rendered message
/// (`file:line:col: runtime error: …`, the source line and a caret); `result` still holds
/// what completed before it.
template <typename Result>
struct Outcome {
  Failure failure = Failure::None;
  std::string error;
  Result result;
  bool ok() const { return failure == Failure::None; }
};

using RunOutcome = Outcome<RunResult>;
using CompareOutcome = Outcome<CompareResult>;

}  // namespace omen
