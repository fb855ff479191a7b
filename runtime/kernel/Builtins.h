//===- Builtins.h - C declarations of every runtime builtin ----------------===//
//
// One function per entry of core/Builtins.def, with the signature that file documents:
//   RET symbol(OmenTrialContext* ctx, uint32_t site, ARGS...)
// R -> double, I -> int64_t, B -> bool; an N builtin (OMEN_OVERLOADED) has a double form
// `symbol` and an int64_t form `symbol_i`; the variadic categorical takes (const double* weights, int64_t count).
// Invalid arguments record an error through omen_rt_fail (codes in TrialContext.h) and return 0.
// Distributions read uniforms only through omen_rt_next_uniform.
//
// Written out rather than generated: the preprocessor cannot turn the table's type strings
// into C types. tests/unit/runtime/BuiltinsTest.cpp checks every declaration against the table.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "runtime/kernel/TrialContext.h"

#ifdef __cplusplus
extern "C" {
#endif

// Math
double omen_rt_exp(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_log(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_sin(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_cos(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_log10(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_sqrt(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_abs(OmenTrialContext* ctx, uint32_t site, double x);
int64_t omen_rt_abs_i(OmenTrialContext* ctx, uint32_t site, int64_t x);
double omen_rt_min(OmenTrialContext* ctx, uint32_t site, double a, double b);
int64_t omen_rt_min_i(OmenTrialContext* ctx, uint32_t site, int64_t a, int64_t b);
double omen_rt_max(OmenTrialContext* ctx, uint32_t site, double a, double b);
int64_t omen_rt_max_i(OmenTrialContext* ctx, uint32_t site, int64_t a, int64_t b);
double omen_rt_clamp(OmenTrialContext* ctx, uint32_t site, double x, double lo, double hi);
int64_t omen_rt_clamp_i(OmenTrialContext* ctx, uint32_t site, int64_t x, int64_t lo, int64_t hi);
int64_t omen_rt_floor(OmenTrialContext* ctx, uint32_t site, double x);
int64_t omen_rt_ceil(OmenTrialContext* ctx, uint32_t site, double x);
int64_t omen_rt_round(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_pow(OmenTrialContext* ctx, uint32_t site, double base, double exponent);
double omen_rt_mod(OmenTrialContext* ctx, uint32_t site, double a, double b);
int64_t omen_rt_mod_i(OmenTrialContext* ctx, uint32_t site, int64_t a, int64_t b);
double omen_rt_logistic(OmenTrialContext* ctx, uint32_t site, double x);
double omen_rt_logit(OmenTrialContext* ctx, uint32_t site, double p);

// Distributions
bool omen_rt_bernoulli(OmenTrialContext* ctx, uint32_t site, double p);
double omen_rt_uniform(OmenTrialContext* ctx, uint32_t site, double a, double b);
double omen_rt_normal(OmenTrialContext* ctx, uint32_t site, double mu, double sigma);
double omen_rt_lognormal(OmenTrialContext* ctx, uint32_t site, double mu, double sigma);
double omen_rt_beta(OmenTrialContext* ctx, uint32_t site, double a, double b);
double omen_rt_gamma(OmenTrialContext* ctx, uint32_t site, double shape, double scale);
double omen_rt_exponential(OmenTrialContext* ctx, uint32_t site, double rate);
double omen_rt_triangular(OmenTrialContext* ctx, uint32_t site, double lo, double mode, double hi);
double omen_rt_pert(OmenTrialContext* ctx, uint32_t site, double lo, double mode, double hi);
double omen_rt_loguniform(OmenTrialContext* ctx, uint32_t site, double a, double b);
int64_t omen_rt_poisson(OmenTrialContext* ctx, uint32_t site, double lambda);
int64_t omen_rt_binomial(OmenTrialContext* ctx, uint32_t site, int64_t n, double p);
int64_t omen_rt_geometric(OmenTrialContext* ctx, uint32_t site, double p);
int64_t omen_rt_categorical(OmenTrialContext* ctx, uint32_t site, const double* weights,
                            int64_t count);
double omen_rt_to(OmenTrialContext* ctx, uint32_t site, double lo, double hi);
/// w_j = sum_k row[k] z_k over the trial's copula normals (SamplersCopula.cpp).
double omen_rt_copula_score(OmenTrialContext* ctx, uint32_t site, const double* row, int64_t count);
double omen_rt_normal_cdf(OmenTrialContext* ctx, uint32_t site, double x);
/// args = (support, lo, hi, a1, ..., ak) as core/Metalog.h defines them.
double omen_rt_metalog(OmenTrialContext* ctx, uint32_t site, const double* args, int64_t count);

// Log densities and masses (observe x ~ D(...)): Densities.cpp
double omen_rt_bernoulli_logpdf(OmenTrialContext* ctx, uint32_t site, bool x, double p);
double omen_rt_uniform_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double a, double b);
double omen_rt_normal_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double mu, double sigma);
double omen_rt_lognormal_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double mu, double sigma);
double omen_rt_beta_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double a, double b);
double omen_rt_gamma_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double shape, double scale);
double omen_rt_exponential_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double rate);
double omen_rt_triangular_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double lo, double mode, double hi);
double omen_rt_pert_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double lo, double mode, double hi);
double omen_rt_loguniform_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double a, double b);
double omen_rt_poisson_logpdf(OmenTrialContext* ctx, uint32_t site, int64_t k, double lambda);
double omen_rt_binomial_logpdf(OmenTrialContext* ctx, uint32_t site, int64_t k, int64_t n, double p);
double omen_rt_geometric_logpdf(OmenTrialContext* ctx, uint32_t site, int64_t k, double p);
/// values = (k, weights...): the observed index first, then categorical's own arguments.
double omen_rt_categorical_logpdf(OmenTrialContext* ctx, uint32_t site, const double* values, int64_t count);
double omen_rt_to_logpdf(OmenTrialContext* ctx, uint32_t site, double x, double lo, double hi);

// The rejection samplers' variants for a trial run speculatively in vector lanes: one try,
// and OMEN_ERR_LANE_RETRY when it is rejected (SamplersContinuous.cpp). A JIT kernel calls
// `SYMBOL_lanes` for the builtin `SYMBOL` in its lanes loop when the runtime has one.
double omen_rt_beta_lanes(OmenTrialContext* ctx, uint32_t site, double a, double b);
double omen_rt_gamma_lanes(OmenTrialContext* ctx, uint32_t site, double shape, double scale);
double omen_rt_pert_lanes(OmenTrialContext* ctx, uint32_t site, double lo, double mode, double hi);

#ifdef __cplusplus
}
#endif
