//===- StatisticsRows.cpp - A block's outcomes into one report's accumulator ---===//
//
// The driver's per-trial cost on cheap kernels (point_estimates: a few ns per trial) is as
// large as the kernel's, so a block's rows are folded in one report at a time with the
// dispatch on the report's kind hoisted out of the trial loop. Counts are integers and may
// be summed in any order (the compiler vectorises this loop); moments and quantile samples
// are added in trial order, as add() would, so every result keeps its bits.
//
//===----------------------------------------------------------------------===//
#include "runtime/host/StatisticsReport.h"

namespace omen::rt {
namespace {

/// Given and successful trials among `count` rows. `Stride` is a compile-time constant for
/// the usual one or two reports, so that the loop vectorises; 0 means `stride`.
template <size_t Stride>
ProbabilityCount countRows(const double* pairs, size_t stride, uint32_t count) {
  if (Stride) stride = Stride;
  uint64_t n = 0, k = 0;
  for (uint32_t j = 0; j < count; ++j) {
    const double* p = pairs + j * stride;
    uint64_t given = p[0] != 0;
    n += given;
    k += given & uint64_t(p[1] != 0);
  }
  return {n, k};
}

}  // namespace

void ReportAccumulator::addRows(const double* pairs, size_t stride, uint32_t count) {
  switch (kind_) {
    case ReportKind::Probability:
      count_.merge(stride == 2   ? countRows<2>(pairs, stride, count)
                   : stride == 4 ? countRows<4>(pairs, stride, count)
                                 : countRows<0>(pairs, stride, count));
      return;
    case ReportKind::Mean:
      for (uint32_t j = 0; j < count; ++j) {
        const double* p = pairs + j * stride;
        if (p[0] != 0) moments_.add(p[1]);
      }
      return;
    case ReportKind::Quantiles:
      for (uint32_t j = 0; j < count; ++j) {
        const double* p = pairs + j * stride;
        if (p[0] != 0) quantiles_.add(p[1]);
      }
      return;
  }
}

void ReportAccumulator::addWeightedRows(const double* pairs, const double* logWeights, size_t stride,
                                        uint32_t count) {
  if (weighting_ == Weighting::Evidence) {
    for (uint32_t j = 0; j < count; ++j) weighted_.add(logWeights[j * stride], 0.0);
    return;
  }
  addRows(pairs, stride, count);
  for (uint32_t j = 0; j < count; ++j) {
    const double* p = pairs + j * stride;
    if (p[0] == 0) continue;
    const double logWeight = logWeights[j * stride];
    weighted_.add(logWeight, p[1]);
    if (kind_ == ReportKind::Quantiles) weightedValues_.emplace_back(p[1], logWeight);
  }
}

}  // namespace omen::rt
