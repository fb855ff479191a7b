//===- SamplersMetalog.cpp - metalog: inversion of a fitted quantile function ===//
//
// The frontend fits the coefficients at compile time (core/MetalogFit.h) and passes
// (support, lo, hi, a1, ..., ak); a draw is the quantile function at one uniform, so every
// engine gives the same value bit for bit. Compiled to bitcode too: <cmath> only.
//
//===----------------------------------------------------------------------===//
#include <cmath>

#include "core/Metalog.h"
#include "runtime/kernel/Builtins.h"

extern "C" double omen_rt_metalog(OmenTrialContext* ctx, uint32_t site, const double* args, int64_t count) {
  using omen::metalog::Support;
  const int64_t terms = count - 3;
  const double kind = count > 0 ? args[0] : -1;
  // The frontend only builds valid calls; this guards the runtime against anything else.
  if (!(terms >= 1 && terms <= omen::metalog::kMaxTerms && (kind == 0 || kind == 1 || kind == 2))) {
    omen_rt_fail(ctx, OMEN_ERR_DIST_ARGS, site, 1, static_cast<double>(count), 0, 0);
    return 0;
  }
  const double y = omen_rt_next_uniform(ctx);
  const double x = omen::metalog::quantile(static_cast<Support>(static_cast<int>(kind)), args[1], args[2],
                                           args + 3, static_cast<int>(terms), y);
  if (!std::isfinite(x)) {
    omen_rt_fail(ctx, OMEN_ERR_NOT_FINITE, site, 1, x, 0, 0);
    return 0;
  }
  return x;
}
