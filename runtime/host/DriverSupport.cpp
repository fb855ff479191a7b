//===- DriverSupport.cpp - Pieces run() and runPaired() share ---------------===//

#include "runtime/host/DriverSupport.h"
#include "runtime/host/Expectation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace omen::rt::detail {

std::optional<RunError> prepareGlobals(const Kernel& kernel, const std::vector<Override>& overrides,
                                       std::vector<Value>& globals) {
  const ScenarioInfo& info = kernel.info();
  globals.assign(info.globalCount, Value{});
  std::vector<uint8_t> overridden(info.globalCount, 0);
  for (const Override& o : overrides) {
    if (o.slot >= info.globalCount) continue;
    globals[o.slot] = o.value;
    overridden[o.slot] = 1;
  }
  OmenError error{};
  if (!kernel.initGlobals(globals.data(), overridden.data(), error)) {
    RunError e;
    e.error = error;
    e.inGlobals = true;
    return e;
  }
  // initGlobals skips overridden slots; writing them again costs nothing and does not rely
  // on every engine honouring that for pinned flags of uncertain params.
  for (const Override& o : overrides)
    if (o.slot < info.globalCount) globals[o.slot] = o.value;
  return std::nullopt;
}

std::vector<ParamValue> paramsAsUsed(const ScenarioInfo& info, const std::vector<Value>& globals) {
  std::vector<ParamValue> out;
  for (const ParamInfo& p : info.params) {
    ParamValue v;
    v.name = p.name;
    v.type = p.type;
    bool pinned = p.uncertain && p.pinnedSlot < globals.size() && globals[p.pinnedSlot].i != 0;
    v.drawn = p.uncertain && !pinned;
    if (!v.drawn && p.slot < globals.size()) v.value = globals[p.slot];
    out.push_back(v);
  }
  return out;
}

std::optional<RunError> runAndCheck(const Kernel& kernel, const std::vector<Value>& globals,
                                    uint64_t seed, uint64_t first, uint32_t count,
                                    std::vector<double>& outcomes, const std::atomic<bool>* cancel,
                                    const OmenTilt* tilt) {
  size_t width = outcomeWidth(kernel.info());
  size_t reports = kernel.info().reports.size(), pairs = width / kOutcomeWidth;
  if (outcomes.size() < count * width) outcomes.resize(count * width);
  OmenError error{};
  uint64_t failedTrial = 0;
  bool ok = kernel.runBlock(globals.data(), seed, first, count, outcomes.data(), error, failedTrial, cancel, tilt);
  uint64_t checked = ok ? count : std::min<uint64_t>(failedTrial - first, count);
  // A branch-free scan first (it vectorises); the loop below finds the first bad row only
  // when there is one. Kernels already fail a trial whose real report is not finite, so
  // this is a second line of defence that should cost next to nothing.
  bool anyBad = false;
  // (A weighted row's last pair, [log weight, 0], never counts: its value is 0.)
  for (uint64_t k = 0; k < checked * pairs; ++k) {
    double given = outcomes[k * kOutcomeWidth], value = outcomes[k * kOutcomeWidth + 1];
    anyBad |= (given != 0) & !(std::fabs(value) <= std::numeric_limits<double>::max());
  }
  for (uint64_t j = 0; anyBad && j < checked; ++j) {
    const double* row = outcomes.data() + j * width;
    for (size_t r = 0; r < reports; ++r) {
      double given = row[r * kOutcomeWidth], value = row[r * kOutcomeWidth + 1];
      if (given != 0 && !std::isfinite(value)) {
        RunError e;
        e.error.code = OMEN_ERR_NOT_FINITE;
        e.error.argCount = 1;
        e.error.args[0] = value;
        e.trial = first + j;
        e.report = static_cast<int>(r);
        return e;
      }
    }
  }
  if (ok) return std::nullopt;
  RunError e;
  e.error = error;
  e.trial = failedTrial;
  return e;
}

std::vector<ReportAccumulator> makeAccumulators(const ScenarioInfo& info, uint64_t exactCap, uint64_t trials) {
  // The cap bounds the memory of the whole run, not of each report: a scenario with many
  // quantiles reports shares it, so that 50 of them at 10^7 trials need 80 MB, not 4 GB.
  uint64_t quantileReports = 0;
  for (const ReportInfo& r : info.reports) quantileReports += r.kind == ReportKind::Quantiles;
  // Past its share a report's sketch stays within the share too (QuantileSketch::capacityWithin),
  // so that the share, not the default sketch size, bounds it.
  uint64_t perReport = exactCap / std::max<uint64_t>(1, quantileReports);
  uint32_t sketchCapacity = QuantileSketch::capacityWithin(perReport, trials);
  std::vector<ReportAccumulator> out;
  out.reserve(info.reports.size());
  const Weighting weighting = info.weighted ? Weighting::Report : Weighting::None;
  for (const ReportInfo& r : info.reports) out.emplace_back(r.kind, perReport, r.levels, weighting, 0, sketchCapacity);
  if (info.weighted) out.emplace_back(ReportKind::Mean, 0, std::vector<double>{}, Weighting::Evidence, paretoTailSize(trials));
  return out;
}

void accumulate(std::vector<ReportAccumulator>& reports, const double* outcomes, uint32_t count) {
  // Report by report: each accumulator sees its trials in the same order as row by row.
  size_t width = reports.size() * kOutcomeWidth;
  if (reports.empty() || reports.back().weighting() != Weighting::Evidence) {
    for (size_t r = 0; r < reports.size(); ++r) reports[r].addRows(outcomes + r * kOutcomeWidth, width, count);
    return;
  }
  const double* logWeights = outcomes + (reports.size() - 1) * kOutcomeWidth;
  for (size_t r = 0; r < reports.size(); ++r)
    reports[r].addWeightedRows(outcomes + r * kOutcomeWidth, logWeights, width, count);
}

void mergeAccumulators(std::vector<ReportAccumulator>& into, std::vector<ReportAccumulator>&& later) {
  for (size_t r = 0; r < into.size() && r < later.size(); ++r) into[r].merge(std::move(later[r]));
}

std::vector<ReportResult> finishReports(const ScenarioInfo& info,
                                        std::vector<ReportAccumulator>& reports) {
  std::vector<ReportResult> out;
  const WeightedStats* weights = info.weighted ? &reports.back().weighted() : nullptr;
  for (size_t r = 0; r < info.reports.size(); ++r) {
    out.push_back(reports[r].finish(info.reports[r], weights));
    if (const std::optional<Expectation>& e = info.reports[r].expectation) {
      out.back().expectation = e;
      out.back().verdict = fixedVerdict(*e, out.back());
    }
  }
  return out;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

unsigned workerCount(const DriverOptions& options) {
  unsigned threads = options.threads == 0 ? defaultThreadCount() : options.threads;
  uint64_t blocks = blockCount(options.trials);
  return static_cast<unsigned>(std::max<uint64_t>(1, std::min<uint64_t>(threads, blocks)));
}

std::vector<SharedReport> sharedReports(const ScenarioInfo& a, const ScenarioInfo& b) {
  std::vector<SharedReport> out;
  for (size_t i = 0; i < a.reports.size(); ++i)
    for (size_t j = 0; j < b.reports.size(); ++j)
      if (a.reports[i].label == b.reports[j].label && a.reports[i].kind == b.reports[j].kind) {
        out.push_back({i, j});
        break;
      }
  return out;
}

Comparison pairedComparison(const ReportResult& a, const ReportResult& b, const PairedMoments& moments) {
  Comparison c;
  c.label = a.label;
  c.kind = a.kind;
  c.a = a;
  c.b = b;
  c.n = moments.count();
  if (a.kind == ReportKind::Quantiles) {
    c.undefined = a.undefined || b.undefined;
    if (!c.undefined)
      // Levels compared pairwise while they agree (`as` labels can pair reports whose
      // chosen levels differ).
      for (size_t q = 0; q < a.quantiles.size() && q < b.quantiles.size() && a.quantiles[q].p == b.quantiles[q].p; ++q)
        c.quantileDifferences.push_back({a.quantiles[q].p, a.quantiles[q].value - b.quantiles[q].value});
    return c;
  }
  if (a.weighted || b.weighted) {
    // Posteriors are ratio estimates: their paired covariance is not tracked, so the
    // difference takes the independent-samples se, which common random numbers (positively
    // correlated sides) can only make conservative.
    c.undefined = a.undefined || b.undefined;
    c.difference = a.estimate - b.estimate;
    c.stdError = std::sqrt(a.stdError * a.stdError + b.stdError * b.stdError);
    Interval ci = normalInterval(c.difference, c.stdError);
    c.ciLow = ci.low;
    c.ciHigh = ci.high;
    return c;
  }
  PairedDifference d = pairedDifference(moments);
  c.undefined = d.undefined;
  c.difference = d.difference;
  c.stdError = d.stdError;
  c.ciLow = d.ci.low;
  c.ciHigh = d.ci.high;
  return c;
}
}  // namespace omen::rt::detail
