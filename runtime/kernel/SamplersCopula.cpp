//===- SamplersCopula.cpp - The normal scores of correlate(a, b, rho) -------===//
//
// `correlate` (frontend/sema/Copula.cpp) draws each correlated param through its quantile
// function at Phi(w_j), w_j = sum_k L_jk z_k: L the Cholesky factor of the params' Pearson
// correlations, z_k independent standard normals. z_k is read from the trial's copula
// stream: Philox blocks keyed by the seed at counters (trial, 2^63 + k / 2), which a trial's
// own draws never reach. So every param of a group reads the same z's without any state
// between them, whatever order or engine evaluates them, and a pinned param (--set) shifts
// nothing. Compiled to bitcode too: <cmath> only.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/Philox.h"
#include "runtime/kernel/Samplers.h"

namespace {

constexpr uint64_t kCopulaBlocks = uint64_t(1) << 63;

// A uniform on the stream's grid ((w >> 12) + 0.5) * 2^-52 (Stream.cpp): never 0 or 1.
double copulaUniform(const OmenStream& s, uint64_t k) {
  const uint64_t block = kCopulaBlocks + k / 2;
  const uint32_t counter[4] = {static_cast<uint32_t>(s.trial), static_cast<uint32_t>(s.trial >> 32),
                               static_cast<uint32_t>(block), static_cast<uint32_t>(block >> 32)};
  uint32_t out[4];
  omen::rt::philox4x32_10(counter, s.key, out);
  const uint64_t word = k % 2 == 0 ? (out[0] | (static_cast<uint64_t>(out[1]) << 32))
                                   : (out[2] | (static_cast<uint64_t>(out[3]) << 32));
  return (static_cast<double>(word >> 12) + 0.5) * 0x1p-52;
}

}  // namespace

extern "C" {

double omen_rt_copula_score(OmenTrialContext* ctx, uint32_t site, const double* row, int64_t count) {
  double w = 0;
  for (int64_t k = 0; k < count; ++k) w += row[k] * omen::rt::normalQuantile(copulaUniform(ctx->rng, k));
  return w;
}

double omen_rt_normal_cdf(OmenTrialContext* ctx, uint32_t site, double x) {
  return 0.5 * std::erfc(-x * 0.70710678118654752440);
}

}  // extern "C"
