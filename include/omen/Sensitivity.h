//===- Sensitivity.h - Which assumption moves the answer: plain results -----===//
//
// What `omen sensitivity` computes (docs/reference.md, docs/sensitivity.md): a one-at-a-time
// tornado of every param on common random numbers, and first-order and total Sobol' indices
// of the uncertain params for one report's per-trial value. Plain data, as Results.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "omen/Results.h"

namespace omen {

struct SensitivityOptions {
  std::string scenario;  ///< empty: the file's only scenario (more than one: an error)
  std::string report;    ///< label; empty: the scenario's first report
  bool tornado = true;
  bool sobol = true;
  /// Rows N of the Saltelli design: N·(k + 3) trials for k uncertain params.
  uint64_t rows = 8192;
  unsigned resamples = 100;  ///< bootstrap replicates of the Sobol' half-widths
  double level = 0.95;       ///< confidence level of every interval
};

/// One bar: a param moved from low to high, every other param as the scenario has it.
struct TornadoBar {
  std::string param;
  bool uncertain = false;
  /// Where low and high come from: "5%" / "95%" quantiles of an uncertain param's draws, or
  /// "range" for a fixed param's declared range.
  std::string lowFrom, highFrom;
  double low = 0, high = 0;
  double atLow = 0, atHigh = 0;  ///< the report's estimate at each end
  /// atHigh − atLow on common random numbers, its paired standard error and interval.
  double swing = 0, stdError = 0, ciLow = 0, ciHigh = 0;
};

/// Indices of one input: an uncertain param, or "(trial)", the trial's own randomness (the
/// stream of draws after the params), treated as one more input of the design.
struct SobolIndex {
  std::string input;
  double first = 0, firstHalfWidth = 0;
  double total = 0, totalHalfWidth = 0;
};

struct SensitivityResult : RunHeader {
  std::string report;
  double level = 0.95;
  ReportResult base;  ///< the report as `omen run` gives it
  std::vector<TornadoBar> tornado;  ///< widest swing first
  /// Params left out of the tornado, each with the reason.
  std::vector<std::pair<std::string, std::string>> notVaried;
  uint64_t rows = 0;       ///< Saltelli design rows N (0: no Sobol' indices computed)
  unsigned resamples = 0;
  double outputMean = 0, outputVariance = 0;  ///< of the per-trial value over f(A) ∪ f(B)
  std::vector<SobolIndex> sobol;
  /// Interrupted (Ctrl-C): what finished is reported and nothing else; `base` rests on
  /// baseTrials trials (fewer than `trials` if the run as declared was cut), the tornado
  /// holds the bars that finished of `tornadoPlanned`, and the Sobol' indices are empty
  /// unless their design finished.
  uint64_t baseTrials = 0;
  size_t tornadoPlanned = 0;
  bool sobolInterrupted = false;
};

using SensitivityOutcome = Outcome<SensitivityResult>;

}  // namespace omen
