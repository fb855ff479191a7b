//===- CrossEntropy.h - Tuning an importance-sampling tilt by cross entropy --===//
//
// Each tilted draw site has one family of proposals (runtime/kernel/Tilt.cpp): a logit shift
// a of a bernoulli choice; a normal score drawn from N(a, b^2); an exponential tilt a of a
// uniform's position. The cross-entropy method (Rubinstein and Kroese, The Cross-Entropy
// Method, 2004; de Boer et al., Ann. Oper. Res. 134, 2005) picks, from trials that reached
// the event weighted by their likelihood ratios, the member closest to the zero-variance
// proposal (the law of the draws given the event): for these exponential families, the one
// whose mean statistics match the weighted ones.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/host/Kernel.h"

namespace omen::rt {

struct SiteTilt {
  uint32_t site;  ///< program site
  int kind;       ///< OMEN_TILT_BERNOULLI, _NORMAL, _UNIFORM
  std::string where;
  double a = 0, b = 0;  ///< as OmenTilt's params (a normal's b is its sd: 1 untilted)
};

/// Every draw site of `info`, untilted.
std::vector<SiteTilt> untilted(const ScenarioInfo& info);

/// OmenTilt::params for `tilts` (slot k is tilts[k]), indexed by program site.
std::vector<double> tiltParams(const std::vector<SiteTilt>& tilts);

/// The start when untilted trials never reach the event: bernoulli choices at 1/2 (the
/// shift that moves their mean p, from `plain`: an untilted round's unweighted sums, to
/// 1/2) and normal scores with sd 3, so that the event comes within reach of a pilot.
void widen(std::vector<SiteTilt>& tilts, const std::vector<double>& plain);

/// The cross-entropy update from `elite`: per slot, the likelihood-ratio weighted sums
/// [uses, a, b] over trials that reached the event (Tilt.cpp), on the scale where their
/// weights sum to `eliteWeight`; `eliteEss` is those weights' Kish effective sample size. A
/// site keeps its tilt where the elite says too little about it: fewer than 10 effective
/// uses, or for a choice fewer than 5 expected of its rarer outcome (a choice the event does
/// not depend on, drawn at 1e-3 in a few hundred event trials, would otherwise be pushed to
/// q = 0 by the trials that happened not to draw it, and its likelihood ratio p/q would
/// then be unbounded on the trials that do). Returns the largest change of a parameter.
double crossEntropyUpdate(std::vector<SiteTilt>& tilts, const std::vector<double>& elite, double eliteWeight,
                          double eliteEss);

/// The exponential tilt eta whose position on (0, 1) has mean `mean`
/// (1 / (1 - e^-eta) - 1 / eta), found by bisection; 0 at 1/2.
double uniformTiltForMean(double mean);

}  // namespace omen::rt
