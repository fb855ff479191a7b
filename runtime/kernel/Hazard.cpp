//===- Hazard.cpp - The geometric wait for the next success of failed choices ---===//
//
// Compiled to bitcode too: <cmath> only. log, log1p and expm1 keep full relative precision
// for probabilities down to the smallest doubles, where 1 - p would round to 1.
//
//===----------------------------------------------------------------------===//
#include "runtime/kernel/Hazard.h"

#include <cmath>

extern "C" int64_t omen_rt_hazard_wait(OmenTrialContext* ctx, const double* p, uint32_t count, int64_t remaining,
                                       int64_t* pick) {
  *pick = -1;
  // An importance-sampling run tilts each choice as it is drawn (Tilt.cpp): no jump, the
  // phase goes on step by step.
  if (ctx->tilt) return 0;
  double logSurvival = 0;  // log of the chance that one step's choices all fail
  for (uint32_t i = 0; i < count; ++i) logSurvival += std::log1p(-p[i]);
  if (remaining <= 0 || logSurvival == 0) return remaining > 0 ? remaining : 0;
  // U < 1, so log U < 0 and the quotient is positive; it is huge (or +inf) when no choice
  // can succeed within the phase, which a double comparison handles before any conversion.
  const double wait = std::floor(std::log(omen_rt_next_uniform(ctx)) / logSurvival);
  if (!(wait < static_cast<double>(remaining))) return remaining;
  if (count == 1) {
    *pick = 0;
    return static_cast<int64_t>(wait);
  }
  const double threshold = omen_rt_next_uniform(ctx) * -std::expm1(logSurvival);
  double partial = 0;
  for (uint32_t i = 0; i < count; ++i) {
    partial += std::log1p(-p[i]);
    // The last choice with p > 0 brings the partial sum to the total (the same additions in
    // the same order): it is chosen at the latest, whatever the rounding of the comparison.
    if (-std::expm1(partial) > threshold || partial == logSurvival) {
      *pick = i;
      break;
    }
  }
  return static_cast<int64_t>(wait);
}
