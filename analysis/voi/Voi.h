//===- Voi.h - `omen voi`: value of information, once for every client -------===//
#pragma once

#include "omen/RunOptions.h"
#include "omen/Voi.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// `options.worlds` worlds of `options.trials` trials each, once per option of the decision.
VoiOutcome valueOfInformation(ScenarioSource& source, const RunOptions& options, const VoiOptions& what);

/// The estimators, on values[option][world] and one epistemic param's values per world
/// (exposed for tests). EVPI = mean_w max_d V - max_d mean_w V. EVPPI regresses each
/// option's value on the param (Strong, Oakley and Brennan, Med. Decis. Making 34(3), 2014:
/// here least squares on a cubic in the param's rank, Eigen) and takes the same difference
/// on the fitted values. Both for maximising; pass values negated to minimise.
double evpi(const std::vector<std::vector<double>>& values, const std::vector<size_t>& worlds);
double evppi(const std::vector<std::vector<double>>& values, const std::vector<double>& param,
             const std::vector<size_t>& worlds);

}  // namespace omen::rt
