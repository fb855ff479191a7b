//===- ParamDraws.h - Draws of a scenario's uncertain params ----------------===//
//
// The analyses sample params from the scenario's own distributions through its param kernel
// (ir/ParamScenario.h). Those draws read design streams: row j reads the stream of trial
// index kDesignStreams + j of the run's seed. Trials of a run never reach 2^63 (at most
// 10^12), so a param draw never shares uniforms with a trial.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "runtime/host/Driver.h"

namespace omen::rt {

inline constexpr uint64_t kDesignStreams = uint64_t(1) << 63;

/// Rows [first, first + count) of `paramKernel`'s draws under `overrides` (the run's
/// `--set`): `out[r][j]` is the r-th uncertain param's value in row j. A kernel error is
/// returned with its trial index.
std::optional<RunError> drawParams(const Kernel& paramKernel, const std::vector<Override>& overrides,
                                   uint64_t seed, uint64_t first, uint64_t count,
                                   std::vector<std::vector<double>>& out);

/// The q-quantile of `values` (linear interpolation between order statistics, numpy's
/// default), sorted in place.
double sampleQuantile(std::vector<double>& values, double q);

}  // namespace omen::rt
