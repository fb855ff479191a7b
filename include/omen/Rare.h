//===- Rare.h - Rare events by importance sampling: plain results ------------===//
//
// `omen rare FILE --event LABEL` (docs/rare-events.md): the probability of a P(…) report too
// small for plain Monte Carlo, estimated by importance sampling on the scenario's own draws.
// Pilot rounds tune a tilt of each bernoulli / `with probability`, normal and uniform draw
// site by the cross-entropy method; a final run with the tilt weights each trial by its
// likelihood ratio. Plain data, as Results.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "omen/Results.h"

namespace omen {

struct RareOptions {
  std::string scenario;   ///< empty: the file's only scenario
  std::string event;      ///< label of an unconditional P(…) report
  uint64_t pilot = 10000; ///< trials per cross-entropy round
  uint64_t rounds = 10;   ///< at most this many pilot rounds
};

/// One pilot round: its trials, how many reached the event, and whether it drew with the
/// widened start (bernoulli choices at 1/2, normal scores with sd 3) because the untilted
/// round reached no event.
struct RareRound {
  uint64_t trials = 0, hits = 0;
  bool widened = false;
};

/// How one draw site was tilted in the final run.
struct RareTilt {
  std::string where;  ///< "line:col"
  std::string kind;   ///< "bernoulli", "normal" or "uniform"
  /// bernoulli: the logit shift (q = p e^a / (1 - p + p e^a)) and the mean q drawn with;
  /// normal: the score's mean and sd (N(0, 1) untilted);
  /// uniform: the exponential tilt eta of the position (0 untilted) and its mean.
  double a = 0, b = 0;
  double uses = 0;  ///< draws per trial of the final run, on average
};

struct RareResult : RunHeader {
  std::string event;
  /// false: no estimate, only the rounds that finished: Ctrl-C came during the pilot rounds,
  /// or before a final trial that reached the event (or with weights too degenerate to use);
  /// `partial` is then set and `noEstimate` says why. The numbers below are then 0.
  bool estimated = false;
  std::string stoppedIn;   ///< partial: "pilot round 3 of at most 10" or "the final run"
  std::string noEstimate;  ///< partial and not estimated: why
  double estimate = 0, stdError = 0, ciLow = 0, ciHigh = 0;
  double relError = 0;  ///< stdError / estimate
  double ess = 0;       ///< Kish's effective sample size of the trials that reached the event
  double khat = 0;      ///< Pareto k-hat of their weights (NaN: too few to fit)
  uint64_t hits = 0;    ///< final-run trials that reached the event
  uint64_t simulated = 0;  ///< every trial run, pilots included
  std::vector<RareRound> rounds;
  std::vector<RareTilt> tilts;
  std::vector<std::string> warnings;
};

using RareOutcome = Outcome<RareResult>;

}  // namespace omen
