//===- Exact.h - Exact answers of finite scenarios: plain results -----------===//
//
// `omen run FILE --engine exact` (docs/exact.md): for a scenario whose draws are all
// discrete, the distribution over its states is carried step by step instead of sampled,
// so every report comes out as a number with a numerical error bound, not an estimate with
// a standard error. Plain data, as Results.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "omen/Results.h"

namespace omen {

struct ExactOptions {
  /// Distinct states alive at one step beyond which the engine stops with an error.
  uint64_t maxStates = 1'000'000;
  /// An `until` phase is followed until the probability still inside it is at most this;
  /// that mass is then left out and counted in every report's error bound.
  double residual = 1e-15;
};

/// One report, exactly.
struct ExactReport {
  std::string label;
  ReportKind kind = ReportKind::Probability;
  bool conditional = false;
  /// The condition has probability 0: there is no answer (never a NaN).
  bool undefined = false;
  double value = 0;       ///< P or E (conditional: given the condition)
  /// |true answer - value| <= errorBound, rounding aside: the probability left out (the
  /// tails of unbounded draws, an `until` phase's residual) over P(condition); for E, times
  /// twice the largest |value| seen (the left-out trials assumed within that range).
  double errorBound = 0;
  double conditionProbability = 1;  ///< P(given); 1 when unconditional
  /// Quantile reports: the levels' values (the smallest x with P(X <= x) >= level).
  std::vector<QuantilePoint> quantiles;
  /// Quantile reports: the whole distribution, value -> probability, by value.
  std::vector<std::pair<double, double>> distribution;
};

struct ExactScenarioResult {
  std::string name;
  std::vector<ParamValue> params;
  std::vector<ExactReport> reports;
  uint64_t peakStates = 0;     ///< the most distinct states alive at one step
  uint64_t visitedStates = 0;  ///< state-steps taken (one state through one step)
  uint64_t steps = 0;          ///< steps propagated, all phases
  double leftOutMass = 0;      ///< probability left out (see ExactReport::errorBound)
  double seconds = 0;
  /// Interrupted (Ctrl-C) before its answer: no reports; `stoppedAt` says where
  /// ("at step 12 of phase grow, 3400 states alive").
  bool partial = false;
  std::string stoppedAt;
};

struct ExactResult {
  std::string file;
  /// The scenarios answered, in order; interrupted, the last is the one cut short (partial)
  /// and the later ones did not run.
  std::vector<ExactScenarioResult> scenarios;
  bool partial = false;
};

struct ExactOutcome {
  Failure failure = Failure::None;
  std::string error;
  ExactResult result;
  bool ok() const { return failure == Failure::None; }
};

}  // namespace omen
