//===- Expectation.cpp - Deciding an `expect` statement -------------------===//
#include "runtime/host/Expectation.h"

#include <cmath>

namespace omen::rt {

Verdict decide(const Expectation& e, double low, double high) {
  bool inside = false, outside = false;
  switch (e.op) {
    case Expectation::Op::Less:
      inside = high < e.hi, outside = low >= e.hi;
      break;
    case Expectation::Op::LessEqual:
      inside = high <= e.hi, outside = low > e.hi;
      break;
    case Expectation::Op::Greater:
      inside = low > e.lo, outside = high <= e.lo;
      break;
    case Expectation::Op::GreaterEqual:
      inside = low >= e.lo, outside = high < e.lo;
      break;
    case Expectation::Op::Within:
      inside = e.lo <= low && high <= e.hi, outside = high < e.lo || low > e.hi;
      break;
  }
  return inside ? Verdict::Pass : outside ? Verdict::Fail : Verdict::Undecided;
}

ExpectationVerdict fixedVerdict(const Expectation& e, const ReportResult& report) {
  ExpectationVerdict v;
  v.alpha = 0.05;
  if (report.undefined || !report.hasSpread) return v;
  v.low = report.ciLow;
  v.high = report.ciHigh;
  v.hasInterval = true;
  v.verdict = decide(e, v.low, v.high);
  return v;
}

namespace {

// Beta(1/2, 1/2) mixing: its mass near 0 and 1 suits the small probabilities expectations
// usually bound.
constexpr double kSequenceMixA = 0.5, kSequenceMixB = 0.5;

double sequenceLogBeta(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

// The edge of {p : f(p) < level} between `inside` (f below level) and `outside`, f monotone
// between them; 200 halvings reach the nearest double.
template <typename F>
double sequenceEdge(F f, double level, double inside, double outside) {
  for (int i = 0; i < 200; ++i) {
    double mid = 0.5 * (inside + outside);
    if (mid == inside || mid == outside) break;
    (f(mid) < level ? inside : outside) = mid;
  }
  return inside;
}

}  // namespace

SequenceInterval bernoulliSequence(uint64_t successes, uint64_t n, double alpha) {
  SequenceInterval out;
  if (n == 0) return out;
  double s = static_cast<double>(successes), f = static_cast<double>(n - successes);
  double mixture = sequenceLogBeta(kSequenceMixA + s, kSequenceMixB + f) - sequenceLogBeta(kSequenceMixA, kSequenceMixB);
  // log of the mixture's likelihood ratio against p: convex in p, least at p = s / n, where
  // it is below 0 (a mixture never beats the best p), so s / n is always inside.
  auto logRatio = [&](double p) {
    double at = mixture;
    if (s > 0) at -= s * std::log(p);
    if (f > 0) at -= f * std::log1p(-p);
    return at;
  };
  double level = std::log(1 / alpha), mle = s / static_cast<double>(n);
  out.usable = true;
  out.low = s == 0 ? 0 : sequenceEdge(logRatio, level, mle, 0.0);
  out.high = f == 0 ? 1 : sequenceEdge(logRatio, level, mle, 1.0);
  return out;
}

namespace {
/// The normal mixture sequence's half-width over the standard deviation after n values.
double meanSequenceFactor(uint64_t n, double alpha) {
  double t = static_cast<double>(n);
  double logAlpha = std::log(alpha);
  double rho2 = (-2 * logAlpha + std::log(-2 * logAlpha + 1)) / kExpectTunedTrials;
  return std::sqrt(2 * (t * rho2 + 1) / (t * t * rho2) * std::log(std::sqrt(t * rho2 + 1) / alpha));
}
}  // namespace

SequenceInterval meanSequence(uint64_t n, double mean, double variance, double alpha) {
  SequenceInterval out;
  if (n < kExpectMinTrials || !(variance > 0)) return out;
  double half = std::sqrt(variance) * meanSequenceFactor(n, alpha);
  out.usable = true;
  out.low = mean - half;
  out.high = mean + half;
  return out;
}

SequenceInterval weightedSequence(const WeightedStats::Sums& s, uint64_t trials, double paretoK, double alpha) {
  SequenceInterval out;
  if (trials < kExpectMinTrials || paretoK > kExpectMaxParetoK || !(s.w > 0)) return out;
  // With A = mean w f', B = mean w (f' = f - shift), Y's mean is A - x B at x = theta0 - shift
  // and its variance (w2ff - 2 x w2f + x^2 w2) / N - (A - x B)^2; the sequence covers 0 where
  // (1 + g^2)(A - x B)^2 <= g^2 (w2ff - 2 x w2f + x^2 w2) / N, g its half-width factor.
  const double n = static_cast<double>(trials), g2 = std::pow(meanSequenceFactor(trials, alpha), 2);
  const double A = s.wf / n, B = s.w / n;
  const double a = (1 + g2) * B * B - g2 * s.w2 / n;
  const double b = -2 * (1 + g2) * A * B + 2 * g2 * s.w2f / n;
  const double c = (1 + g2) * A * A - g2 * s.w2ff / n;
  // a <= 0: the set is unbounded (too few effective trials yet). Otherwise it holds x = A / B,
  // where the left side is 0, so the discriminant is not negative but for rounding.
  if (!(a > 0)) return out;
  const double root = std::sqrt(std::max(0.0, b * b - 4 * a * c));
  out.usable = true;
  out.low = s.shift + (-b - root) / (2 * a);
  out.high = s.shift + (-b + root) / (2 * a);
  return out;
}

ExpectationVerdict sequentialVerdict(const Expectation& e, const ReportAccumulator& report, double alpha,
                                     const WeightedStats* evidence) {
  ExpectationVerdict v;
  v.sequential = true;
  v.alpha = alpha;
  ReportAccumulator::Moments m = report.moments();
  SequenceInterval interval;
  if (evidence && !evidence->constant() && report.kind() != ReportKind::Quantiles) {
    const double k = paretoKHat(evidence->largest(), evidence->count());
    interval = weightedSequence(report.weighted().sums(), evidence->count(), std::isfinite(k) ? k : 0.0, alpha);
  } else switch (report.kind()) {
    case ReportKind::Probability:
      interval = bernoulliSequence(static_cast<uint64_t>(std::llround(m.estimate * static_cast<double>(m.n))), m.n,
                                   alpha);
      break;
    case ReportKind::Mean:
      interval = meanSequence(m.n, m.estimate, m.variance, alpha);
      break;
    case ReportKind::Quantiles:  // the frontend refuses `expect quantiles(...)`
      break;
  }
  if (!interval.usable) return v;
  v.low = interval.low;
  v.high = interval.high;
  v.hasInterval = true;
  v.verdict = decide(e, v.low, v.high);
  return v;
}

bool expectationsDecided(const std::vector<ReportAccumulator>& reports, const ScenarioInfo& info, double alpha) {
  for (size_t r = 0; r < info.reports.size(); ++r)
    if (const std::optional<Expectation>& e = info.reports[r].expectation)
      if (sequentialVerdict(*e, reports[r], alpha, info.weighted ? &reports.back().weighted() : nullptr).verdict ==
          Verdict::Undecided)
        return false;
  return true;
}

}  // namespace omen::rt
