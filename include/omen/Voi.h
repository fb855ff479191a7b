//===- Voi.h - Value of information: plain results --------------------------===//
//
// `omen voi FILE --decide d --maximize REPORT` (docs/beliefs.md): d is a fixed param with a
// declared range (its options: every whole value of an int range, else a grid), the
// epistemic params are what is uncertain. One two-level run per option, all on the same
// worlds and trials (common random numbers), gives each option's value in each world; from
// them the best option under current uncertainty, the expected value of perfect information
// (EVPI: knowing every epistemic param before deciding) and of partial perfect information
// for each epistemic param (EVPPI: knowing that one), each with a bootstrap interval over
// worlds. Plain data, as Results.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "omen/Results.h"

namespace omen {

struct VoiOptions {
  std::string scenario;   ///< empty: the file's only scenario
  std::string decide;     ///< a fixed int or real param with a declared range
  std::string report;     ///< label of an unconditional P(…) or E(…) report
  bool maximize = true;
  uint64_t options = 11;  ///< grid points of a real decision (an int takes each whole value, at most 101)
  uint64_t resamples = 200;  ///< bootstrap resamples of the worlds for the intervals
};

/// A value of information with its 95% bootstrap interval (percentiles of the resamples).
struct VoiValue {
  std::string name;  ///< "all" for EVPI, else the epistemic param
  double value = 0, low = 0, high = 0;
};

struct VoiResult : RunHeader {
  std::string report, decide;
  bool maximize = true;
  uint64_t worlds = 0;
  std::vector<double> options;                ///< the decision's values tried
  std::vector<double> expected;               ///< each option's value averaged over worlds
  size_t best = 0;                            ///< index of the best option now
  VoiValue evpi;
  std::vector<VoiValue> evppi;  ///< one per epistemic param, in declaration order
};

using VoiOutcome = Outcome<VoiResult>;

}  // namespace omen
