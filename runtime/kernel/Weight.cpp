//===- Weight.cpp - The trial's log weight ----------------------------------===//
//
// Weighted trials (observe; importance sampling later) keep the log of the weight, so that a
// product of many small likelihoods neither underflows nor loses precision. One function that
// every engine calls makes the order of additions, and so every bit, the same everywhere.
//
//===----------------------------------------------------------------------===//
#include "runtime/kernel/TrialContext.h"

extern "C" void omen_rt_factor(OmenTrialContext* ctx, uint32_t site, double logWeight) {
  // -inf is weight 0 (a hard observation that failed); NaN or +inf has no meaning as a weight.
  if (logWeight != logWeight || logWeight == __builtin_inf()) {
    omen_rt_fail(ctx, OMEN_ERR_NOT_FINITE, site, 1, logWeight, 0, 0);
    return;
  }
  ctx->logWeight += logWeight;
}
