//===- Tilt.cpp - Tilted draws for importance sampling ---------------------===//
//
// In an importance-sampling run (`omen rare`) a draw site can be told to draw from another
// distribution q of the same family as the p it was written with; the trial then carries
// the likelihood ratio p/q of its draws, which makes the weighted estimate unbiased
// (Owen, Monte Carlo theory, methods and examples, 2013, ch. 9). Each draw is a function of
// the same one uniform the untilted sampler uses, so a trial's stream is read the same way.
// The sums each site adds are what the cross-entropy update of its parameters needs
// (Rubinstein and Kroese, The Cross-Entropy Method, 2004): per slot [uses, a, b] with
//   bernoulli: a = successes, b = sum of the q drawn with;
//   normal:    a = sum of the tilted scores, b = sum of their squares;
//   uniform:   a = sum of the positions in (0, 1), b = 0.
// Compiled to bitcode too: <cmath> only.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "runtime/kernel/Samplers.h"
#include "runtime/kernel/TrialContext.h"

namespace {

/// The site's params, or null where the tilt leaves it (or its draws of `kind`) alone.
inline const double* tiltOf(const OmenTilt* tilt, uint32_t site, int kind) {
  if (site >= tilt->siteCount) return nullptr;
  const double* p = tilt->params + static_cast<uint64_t>(site) * OMEN_TILT_PARAMS;
  return p[0] == kind ? p : nullptr;
}

/// Adds a draw's log likelihood ratio and sums to the trial's row.
inline void record(const OmenTilt* tilt, uint64_t trial, const double* params, double logRatio, double a, double b) {
  double* row = tilt->stats + (trial - tilt->firstTrial) * tilt->stride;
  row[0] += logRatio;
  double* sums = row + 1 + static_cast<uint64_t>(params[1]) * OMEN_TILT_STATS;
  sums[0] += 1;
  sums[1] += a;
  sums[2] += b;
}

}  // namespace

extern "C" {

int32_t omen_rt_tilt_bernoulli(const OmenTilt* tilt, uint64_t trial, uint32_t site, double p, double u) {
  const double* params = tiltOf(tilt, site, OMEN_TILT_BERNOULLI);
  // p of 0 or 1 has nothing to tilt: every q would put weight where p has none.
  if (!params || p <= 0 || p >= 1) return u < p;
  const double logitQ = std::log(p) - std::log1p(-p) + params[2];
  const double q = 1.0 / (1.0 + std::exp(-logitQ));
  const bool x = u < q;
  const double logRatio = x ? std::log(p) - std::log(q) : std::log1p(-p) - std::log1p(-q);
  record(tilt, trial, params, logRatio, x ? 1.0 : 0.0, q);
  return x;
}

double omen_rt_tilt_normal(const OmenTilt* tilt, uint64_t trial, uint32_t site, double u) {
  const double z = omen::rt::normalQuantile(u);
  const double* params = tiltOf(tilt, site, OMEN_TILT_NORMAL);
  if (!params) return z;
  const double shift = params[2], scale = params[3];
  const double tilted = shift + scale * z;
  // log phi(tilted) - log(phi(z) / scale)
  record(tilt, trial, params, 0.5 * (z * z - tilted * tilted) + std::log(scale), tilted, tilted * tilted);
  return tilted;
}

double omen_rt_tilt_uniform(const OmenTilt* tilt, uint64_t trial, uint32_t site, double u) {
  const double* params = tiltOf(tilt, site, OMEN_TILT_UNIFORM);
  if (!params) return u;
  const double eta = params[2];
  if (eta == 0) {
    record(tilt, trial, params, 0.0, u, 0.0);
    return u;
  }
  // Inversion of q(x) = eta e^(eta x) / (e^eta - 1) on (0, 1).
  double x = std::log1p(u * std::expm1(eta)) / eta;
  x = x < 0 ? 0 : x > 1 ? 1 : x;
  record(tilt, trial, params, std::log(std::expm1(eta) / eta) - eta * x, x, 0.0);
  return x;
}

}  // extern "C"
