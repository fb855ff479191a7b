//===- Worst.h - The worst case over a model's strategy: plain results -------===//
//
// `omen worst FILE --over x,y --maximize REPORT` (docs/reference.md, docs/sensitivity.md):
// the params an adversarial model controls, searched over their declared ranges for the
// value that maximises (or minimises) a report, on common random numbers; then the value
// found is re-estimated on fresh streams, because the search's own estimate at its optimum
// is biased toward the extreme (the optimizer's curse). Plain data, as Results.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "omen/Results.h"

namespace omen {

struct WorstOptions {
  std::string scenario;            ///< empty: the file's only scenario
  std::vector<std::string> over;   ///< params searched, each with a declared range
  std::string report;              ///< label of a P(…) or E(…) report
  bool maximize = true;
  uint64_t evaluations = 200;      ///< runs the search may make (global search, then polish)
  /// `--exact`: the optimum over every adaptive strategy of a scenario with `choose`, by
  /// backward induction in the exact engine (docs/exact.md), instead of a search over params.
  bool exact = false;
  uint64_t maxStates = 1'000'000;  ///< as ExactOptions::maxStates
};

/// One `choose` statement's part of the optimal strategy: what it sees (`columns`), and per
/// state seen, the alternative to take. Values are as their types print: bools 0/1.
struct WorstChoice {
  std::string name;
  uint32_t line = 0, column = 0;
  std::vector<std::string> columns;
  std::vector<char> columnTypes;  ///< 'b', 'i' or 'r', per column
  char choiceType = 'b';
  struct Row {
    std::vector<double> seen;
    double choice = 0;
    double value = 0;                      ///< the report's optimum from here
    std::vector<double> alternativeValues; ///< each alternative's, in the order written
  };
  std::vector<double> alternatives;  ///< as met first (a range's values may vary by state)
  std::vector<Row> rows;
};

/// `worst --exact`: the optimum, exactly, and its strategy replayed by Monte Carlo.
struct WorstExact {
  double value = 0;
  double errorBound = 0;  ///< |optimum - value| <= errorBound (the mass left out), rounding aside
  std::vector<WorstChoice> strategy;
  uint64_t states = 0, decisions = 0, steps = 0;
  double seconds = 0;
  ReportResult replay;  ///< the report under the strategy, by Monte Carlo (--trials, --seed)
  bool replayed = false;
  /// Interrupted before the optimum was found: where ("at step 12 of phase grow, …").
  std::string stoppedAt;
};

/// One searched param at the optimum.
struct WorstParam {
  std::string name;
  double lo = 0, hi = 0;  ///< its declared range
  double value = 0;       ///< the value found (an int param: whole)
};

struct WorstResult : RunHeader {
  std::string report;
  bool maximize = true;
  /// The seed of the re-estimate: fresh streams, independent of the search's.
  uint64_t freshSeed = 0;
  std::vector<WorstParam> at;
  uint64_t evaluations = 0;  ///< runs the search made
  /// The search's estimate at the optimum (on the search's streams: biased toward the
  /// extreme), and the re-estimate on fresh streams, unbiased for the value found.
  double searchEstimate = 0;
  ReportResult fresh;
  /// As declared (every searched param at its declared value), on the fresh streams.
  ReportResult declared;
  std::string algorithm;  ///< e.g. "NLOPT_GN_DIRECT_L, then NLOPT_LN_SBPLX"
  /// Interrupted (Ctrl-C): `at` and searchEstimate are the best point of the runs that
  /// finished (none if found is false), and `fresh`/`declared` were not re-estimated.
  bool found = true;
  /// Set when the request was --exact: then `at`, `fresh`, `declared` are unused.
  bool exact = false;
  WorstExact exactResult;
};

using WorstOutcome = Outcome<WorstResult>;

}  // namespace omen
