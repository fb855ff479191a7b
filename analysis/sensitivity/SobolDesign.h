//===- SobolDesign.h - A Saltelli design evaluated through a kernel ---------===//
//
// Rows of A and B are independent draws of the k uncertain params from the scenario's own
// distributions (ParamDraws.h: A = design rows [0, N), B = [N, 2N)); SALib instead maps a
// Sobol' sequence through each inverse CDF, which omen cannot do for a user-defined prior.
// The estimators are SALib's (SobolEstimators.h).
//
// A scenario is a stochastic simulator: a trial's value depends on the params and on the
// rest of its stream ω. The design treats ω as input k + 1 ("(trial)"): row j of A runs
// trial j with A's params, row j of B trial N + j with B's; A_B^i keeps A's trial j (and
// A's other params), and A_B^ω has A's params on B's trial N + j. So S_i is the share of
// Var E[Y | X_i], ST_i includes X_i's interactions with ω, and ST_(trial) is the share the
// params do not explain. Every row pins all k params and runs one trial directly on the
// kernel (runBlock with count 1), in parallel over rows; each row writes its own slot, so
// the result does not depend on the thread count. Under mpirun the evaluations are cut into
// chunks of 1024, chunk c runs on rank c mod N, and the ranks swap their values
// (cluster::allGather): every rank then holds the same outputs and computes the same indices.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "omen/Sensitivity.h"
#include "runtime/host/Driver.h"

namespace omen::rt {

struct SobolDesignInput {
  const Kernel* kernel = nullptr;
  const Kernel* paramKernel = nullptr;
  DriverOptions driver;  ///< seed, threads, cancel and the `--set` overrides
  std::vector<size_t> inputs;  ///< indices into kernel->info().params: the uncertain params varied
  size_t report = 0;           ///< a report of kernel without `| given`
  uint64_t rows = 0;
  unsigned resamples = 100;
  double level = 0.95;
};

/// Fills result.sobol, rows, resamples, outputMean and outputVariance; a run error on failure.
std::optional<RunError> sobolDesign(const SobolDesignInput& in, SensitivityResult& result);

}  // namespace omen::rt
