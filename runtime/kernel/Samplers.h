//===- Samplers.h - Pieces the samplers share, visible to tests ------------===//
//
// The extern "C" samplers themselves are declared in runtime/Builtins.h; these are the exact
// numerical building blocks underneath, exposed so that tests can check them directly.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

#include "runtime/kernel/TrialContext.h"

namespace omen::rt {

/// The standard normal quantile for p in (0, 1): Wichura's algorithm AS 241 (PPND16), relative
/// accuracy about 1e-16.
double normalQuantile(double p);

/// fc(k) = log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi)/2], the Stirling series tail,
/// for a whole number k >= 0. Lets log-pmf differences be taken without subtracting two
/// huge log-factorials (the samplers support n and lambda up to 2^53).
double stirlingTail(double k);

/// A draw of Gamma(shape, 1) for shape > 0, as base * exp(logBoost): Marsaglia and Tsang's
/// method, and for shape < 1 their boost Gamma(shape + 1) * U^(1/shape) kept in log form
/// (logBoost = log(U) / shape) so that beta() with tiny shapes does not compute 0 / 0.
/// logBoost is 0 for shape >= 1.
struct GammaDraw {
  double base;
  double logBoost;
};
GammaDraw standardGamma(OmenTrialContext* ctx, double shape);

/// Checks categorical weights as the sampler and the mass function both need them: finite,
/// >= 0 and summing to 1 within 1e-9. On failure records the error (argCount 3 = (sum,
/// 1-based position, weight) for an invalid weight; argCount 1 = (sum) for a sum that is not
/// 1) and returns false; otherwise stores the sum, which both use to scale the weights.
bool categoricalWeights(OmenTrialContext* ctx, uint32_t site, const double* weights, int64_t count,
                        double* sum);

}  // namespace omen::rt
