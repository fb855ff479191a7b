//===- Reports.h - Reports over the distribution of finished trials ---------===//
#pragma once

#include <vector>

#include "backend/exact/StateSpace.h"
#include "backend/exact/Solve.h"

namespace omen::exact {

/// Evaluates every report of `s` over `finished` (each finished trial's state and its
/// probability): `given` first, then the value where it holds, as the kernels do, with any
/// draws in them enumerated. `leftOut` is the probability missing from `finished`.
bool computeReports(Evaluator& ev, const StateLayout& layout, const ir::Scenario& s, const Distribution& finished,
                    double leftOut, std::vector<ExactReport>& out, SolveError& error);

}  // namespace omen::exact
