//===- AnalysisSides.h - The scenario(s) a sweep or solve runs at every point ===//
//
// A sweep or solve runs one scenario, or a comparison (omen/Analysis.h, ComparisonRequest):
// scenario A against scenario B, or one scenario at two settings. Both sides run at every
// point on the same trials and streams, so their difference is paired, as in `omen compare`.
// This chooses the sides, checks that each declares the varied params, and pins each side's
// settings (--set, then its own --set-a or --set-b).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "omen/Analysis.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"
#include "runtime/host/Driver.h"
#include "runtime/host/Precision.h"

namespace omen::rt {

struct AnalysisSide {
  size_t index = 0;  ///< the scenario in the source
  const Kernel* kernel = nullptr;
  std::vector<const ParamInfo*> varied;  ///< this side's declaration of each varied param
  std::vector<Override> base;            ///< every setting of this side, pinned
  std::vector<ReportTarget> targets;     ///< --precision resolved against its reports
  std::string name;                      ///< as the output names it
};

/// Side A alone, or A and B for a comparison. Failure::None, or the failure with `error`.
Failure analysisSides(ScenarioSource& source, const std::string& scenario, const ComparisonRequest& comparison,
                      const std::vector<std::string>& varied, const RunOptions& options,
                      std::vector<AnalysisSide>& sides, std::string& error);

/// A comparison point's precision (--precision): both sides' targets, each named with its
/// side; met when both are.
PrecisionOutcome bothSides(const PrecisionOutcome& a, const PrecisionOutcome& b, const std::vector<AnalysisSide>& sides);

}  // namespace omen::rt
