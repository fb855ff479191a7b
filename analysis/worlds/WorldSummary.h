//===- WorldSummary.h - A report across worlds, from per-world estimates ---===//
#pragma once

#include <optional>
#include <vector>

#include "omen/Worlds.h"

namespace omen::rt {

/// Summarises per-world results of one report (`perWorld[w]` is world w's estimate) into
/// `out`'s pooled value, spread, quantiles and exceedances. Worlds without an estimate are
/// skipped.
void summariseWorlds(const std::vector<ReportResult>& perWorld, const std::vector<double>& thresholds,
                     WorldReport& out);

/// A world's evidence as a report's estimate (the mean weight and its se), so that the
/// evidence across worlds is summarised as any report is; no evidence: undefined.
ReportResult evidenceAsReport(const std::optional<Evidence>& evidence);

/// A scenario that observes: the worlds weighted by their evidence (`logEvidence[w]`, world
/// order), into out.posterior and out.posteriorExceed. Worlds without an estimate, or with
/// evidence 0, carry no weight.
void weighWorldsByEvidence(const std::vector<ReportResult>& perWorld, const std::vector<double>& logEvidence,
                           const std::vector<double>& thresholds, WorldReport& out);

}  // namespace omen::rt
