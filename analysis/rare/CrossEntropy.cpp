//===- CrossEntropy.cpp - Tuning an importance-sampling tilt by cross entropy ===//

#include "analysis/rare/CrossEntropy.h"

#include <algorithm>
#include <cmath>

namespace omen::rt {
namespace {

// Bounds that keep a tilt from running away on a noisy pilot: a logit shift of 20 takes
// p = 1e-9 to q = 1/2; normal scores within 50 sd and sd within [0.05, 20].
constexpr double kMaxShift = 20, kMaxScore = 50, kMinSd = 0.05, kMaxSd = 20, kMaxEta = 50;
constexpr double kProbabilityFloor = 1e-9;
constexpr double kMinEffectiveUses = 10, kMinRarerOutcomes = 5;

double logit(double p) { return std::log(p) - std::log1p(-p); }

double uniformMean(double eta) {
  // Near 0 the closed form loses its digits to cancellation; its series is exact there.
  if (std::fabs(eta) < 1e-2) return 0.5 + eta / 12 - eta * eta * eta / 720;
  return 1.0 / -std::expm1(-eta) - 1.0 / eta;
}

}  // namespace

std::vector<SiteTilt> untilted(const ScenarioInfo& info) {
  std::vector<SiteTilt> out;
  for (const DrawSite& d : info.drawSites) out.push_back({d.site, d.kind, d.where, 0.0, d.kind == OMEN_TILT_NORMAL ? 1.0 : 0.0});
  return out;
}

std::vector<double> tiltParams(const std::vector<SiteTilt>& tilts) {
  uint32_t sites = 0;
  for (const SiteTilt& t : tilts) sites = std::max(sites, t.site + 1);
  std::vector<double> params(size_t(sites) * OMEN_TILT_PARAMS, 0.0);
  for (size_t k = 0; k < tilts.size(); ++k) {
    double* p = params.data() + size_t(tilts[k].site) * OMEN_TILT_PARAMS;
    p[0] = tilts[k].kind;
    p[1] = static_cast<double>(k);
    p[2] = tilts[k].a;
    p[3] = tilts[k].b;
  }
  return params;
}

void widen(std::vector<SiteTilt>& tilts, const std::vector<double>& plain) {
  for (size_t k = 0; k < tilts.size(); ++k) {
    const double* s = plain.data() + k * OMEN_TILT_STATS;
    SiteTilt& t = tilts[k];
    if (t.kind == OMEN_TILT_BERNOULLI && s[0] > 0) {
      const double p = std::clamp(s[2] / s[0], kProbabilityFloor, 1 - kProbabilityFloor);
      t.a = std::clamp(t.a - logit(p), -kMaxShift, kMaxShift);
    }
    if (t.kind == OMEN_TILT_NORMAL) t.b = 3;
  }
}

double crossEntropyUpdate(std::vector<SiteTilt>& tilts, const std::vector<double>& elite, double eliteWeight,
                          double eliteEss) {
  double change = 0;
  for (size_t k = 0; k < tilts.size(); ++k) {
    const double* s = elite.data() + k * OMEN_TILT_STATS;
    const double n = s[0];
    if (!(n > 0) || !(eliteWeight > 0)) continue;
    const double effectiveUses = n / eliteWeight * eliteEss;
    if (effectiveUses < kMinEffectiveUses) continue;
    SiteTilt& t = tilts[k];
    const double a = t.a, b = t.b;
    switch (t.kind) {
      case OMEN_TILT_BERNOULLI: {
        // Match the weighted share of successes. For a site whose p never varies this is the
        // closed form q = successes / uses; where p varies, the one shift that moves the
        // mean q drawn with to that share.
        const double share = std::clamp(s[1] / n, kProbabilityFloor, 1 - kProbabilityFloor);
        const double drawnWith = std::clamp(s[2] / n, kProbabilityFloor, 1 - kProbabilityFloor);
        if (effectiveUses * std::min(drawnWith, 1 - drawnWith) < kMinRarerOutcomes) continue;
        t.a = std::clamp(a + logit(share) - logit(drawnWith), -kMaxShift, kMaxShift);
        break;
      }
      case OMEN_TILT_NORMAL: {
        const double mean = s[1] / n;
        t.a = std::clamp(mean, -kMaxScore, kMaxScore);
        t.b = std::clamp(std::sqrt(std::max(0.0, s[2] / n - mean * mean)), kMinSd, kMaxSd);
        break;
      }
      case OMEN_TILT_UNIFORM: t.a = uniformTiltForMean(s[1] / n); break;
    }
    change = std::max({change, std::fabs(t.a - a), std::fabs(t.b - b)});
  }
  return change;
}

double uniformTiltForMean(double mean) {
  if (!(mean > uniformMean(-kMaxEta))) return -kMaxEta;
  if (!(mean < uniformMean(kMaxEta))) return kMaxEta;
  double lo = -kMaxEta, hi = kMaxEta;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (uniformMean(mid) < mean ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace omen::rt
