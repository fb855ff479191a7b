//===- Expectation.h - Deciding an `expect` statement ---------------------===//
//
// An expectation is decided on an interval: pass once the interval lies inside the region
// the expectation names (`< 1%`, `in [100, 300]`), fail once it lies wholly outside it,
// undecided while it straddles the edge.
//
// `omen test` looks after every block and stops as soon as every expectation is decided,
// so its interval must hold at every look at once (a confidence sequence), or peeking would
// raise the error rate. With probability at least 1 - alpha the sequence covers the true
// value at every trial count, so a true expectation fails with probability at most alpha,
// however long the test runs and wherever it stops (Ville's inequality):
//   P(...)  Robbins' beta-binomial mixture martingale with a Beta(1/2, 1/2) mixing
//           distribution: the set of p where the mixture's likelihood ratio against p stays
//           below 1/alpha (exact for Bernoulli trials; Howard, Ramdas, McAuliffe and Sekhon,
//           "Time-uniform, nonparametric, nonasymptotic confidence sequences", Ann. Statist.
//           49(2), 2021, section 3.3, after Robbins 1970).
//   E(...)  the asymptotic confidence sequence of Robbins' normal mixture with the sample
//           variance (Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas, "Time-uniform central
//           limit theory and asymptotic confidence sequences", Ann. Statist. 52(6), 2024,
//           Theorem 2.2), tuned to be tightest at kExpectTunedTrials trials; valid as the
//           trial count grows (finite variance), so no decision before kExpectMinTrials.
//   a posterior (a scenario that observes, weights that vary): theta = E[w f] / E[w] is no
//           mean of the trials, but for a candidate theta0 the trials' Y = w (f - theta0)
//           (0 where the condition fails) are, and E[Y] = 0 exactly when theta0 = theta. The
//           E(...) sequence of Y covers 0 at every look for the true theta, so the set of
//           theta0 whose sequence covers 0 (Fieller's set: a quadratic inequality in theta0)
//           covers theta at every look; used for P and E reports alike. It needs Var(Y) finite,
//           so no decision while the weights' Pareto k-hat exceeds 0.5 (infinite variance).
// `omen run` decides at its own trial count on the report's 95% interval, once, and says it
// is not sequential.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <vector>

#include "omen/Results.h"
#include "runtime/host/Kernel.h"
#include "runtime/host/StatisticsReport.h"

namespace omen::rt {

/// E(...) expectations rest on a central limit: none is decided on fewer values.
inline constexpr uint64_t kExpectMinTrials = 1000;
/// The trial count at which the E(...) sequence is tightest (its mixing variance).
inline constexpr double kExpectTunedTrials = 10000;

/// Where an interval [low, high] leaves expectation `e`.
Verdict decide(const Expectation& e, double low, double high);

/// `omen run`'s verdict: the finished report's 95% interval, at the run's trials.
ExpectationVerdict fixedVerdict(const Expectation& e, const ReportResult& report);

/// The confidence sequence at error rate `alpha` of a P (`successes` of `n`) or E report.
struct SequenceInterval {
  bool usable = false;  ///< false: too few values (or no spread yet) to state one
  double low = 0, high = 0;
};
SequenceInterval bernoulliSequence(uint64_t successes, uint64_t n, double alpha);
SequenceInterval meanSequence(uint64_t n, double mean, double variance, double alpha);
/// The posterior's sequence from a report's weighted sums over `trials` trials (all of them,
/// the condition's or not); `paretoK` of all trials' weights (NaN: not known).
SequenceInterval weightedSequence(const WeightedStats::Sums& sums, uint64_t trials, double paretoK, double alpha);
/// Weights' Pareto k-hat above this: their variance is infinite, no posterior is decided.
inline constexpr double kExpectMaxParetoK = 0.5;

/// `omen test`'s verdict on `report` (of kind P or E) after the trials it has seen.
/// `evidence`: the scenario's weights when it observes (null otherwise).
ExpectationVerdict sequentialVerdict(const Expectation& e, const ReportAccumulator& report, double alpha,
                                     const WeightedStats* evidence = nullptr);

/// Every expectation of `info` is decided (the stopping rule of `omen test`).
bool expectationsDecided(const std::vector<ReportAccumulator>& reports, const ScenarioInfo& info, double alpha);

}  // namespace omen::rt
