//===- DriverPaired.cpp - Two scenarios on common random numbers -----------===//
//
// Block b of both kernels covers the same trials of the same seed, so trial i of A and of B
// read the same Philox stream. Each kernel keeps its own accumulators (its full result),
// and each report both share by label and kind feeds a PairedMoments.
//
//===----------------------------------------------------------------------===//

#include <chrono>
#include <cmath>

#include "runtime/host/Driver.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/Paired.h"
#include "runtime/host/StateCodec.h"

namespace omen::rt {

namespace {
struct PairedBlock {
  std::vector<ReportAccumulator> a, b;
  std::vector<PairedMoments> paired;
  PairedWeights weights;  ///< both scenarios observe: the Bayes factor
};

void putPaired(ByteWriter& w, const PairedBlock& block) {
  StateCodec::put(w, block.a);
  StateCodec::put(w, block.b);
  for (const PairedMoments& m : block.paired) StateCodec::put(w, m);
  StateCodec::put(w, block.weights);
}

void getPaired(ByteReader& r, PairedBlock& block) {
  StateCodec::get(r, block.a);
  StateCodec::get(r, block.b);
  for (PairedMoments& m : block.paired) StateCodec::get(r, m);
  StateCodec::get(r, block.weights);
}

struct SharedReport {
  size_t a, b;
};

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

Comparison compare(const ReportResult& a, const ReportResult& b, const PairedMoments& moments) {
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
}  // namespace

CompareResult runPaired(const Kernel& kernelA, const Kernel& kernelB, const DriverOptions& options) {
  auto start = std::chrono::steady_clock::now();
  const ScenarioInfo& infoA = kernelA.info();
  const ScenarioInfo& infoB = kernelB.info();
  CompareResult result;
  result.seed = options.seed;
  result.trials = options.trials;
  result.threads = options.threads == 0 ? defaultThreadCount() : options.threads;
  result.a.name = infoA.name;
  result.b.name = infoB.name;

  auto fail = [&](const RunError& error, char which) {
    result.error = error;
    result.failedScenario = which;
    if (which == 'A')
      result.a.error = error;
    else
      result.b.error = error;
    result.seconds = detail::secondsSince(start);
    result.a.seconds = result.b.seconds = result.seconds;
  };

  std::vector<Value> globalsA, globalsB;
  if (auto error = detail::prepareGlobals(kernelA, options.overrides, globalsA)) {
    fail(*error, 'A');
    return result;
  }
  if (auto error = detail::prepareGlobals(kernelB, options.overridesB, globalsB)) {
    fail(*error, 'B');
    return result;
  }
  result.a.params = detail::paramsAsUsed(infoA, globalsA);
  result.b.params = detail::paramsAsUsed(infoB, globalsB);

  std::vector<SharedReport> shared = sharedReports(infoA, infoB);
  const size_t widthA = outcomeWidth(infoA);
  const size_t widthB = outcomeWidth(infoB);
  const bool bothWeighted = infoA.weighted && infoB.weighted;

  ThreadPool pool(detail::workerCount(options));
  std::vector<std::vector<double>> outA(pool.size()), outB(pool.size());
  PairedBlock totals;
  totals.a = detail::makeAccumulators(infoA, options.exactQuantileCap, options.trials);
  totals.b = detail::makeAccumulators(infoB, options.exactQuantileCap, options.trials);
  totals.paired.resize(shared.size());
  Progress progress(options.trials, options.progress);

  ScheduleOutcome outcome = scheduleBlocks<PairedBlock>(
      options.trials, pool, options.cancel,
      [&](uint64_t first, uint32_t count, unsigned worker, PairedBlock& block) -> std::optional<BlockFailure> {
        block.a = detail::makeAccumulators(infoA, options.exactQuantileCap, options.trials);
        block.b = detail::makeAccumulators(infoB, options.exactQuantileCap, options.trials);
        block.paired.resize(shared.size());
        char failedSide = 0;
        std::optional<RunError> failure = detail::runInChunks(first, count, progress, [&](uint64_t from, uint32_t n) {
          auto errorA = detail::runAndCheck(kernelA, globalsA, options.seed, from, n, outA[worker], options.cancel);
          auto errorB = detail::runAndCheck(kernelB, globalsB, options.seed, from, n, outB[worker], options.cancel);
          // The lowest failing trial wins; a program error over a cut on a tie, then A.
          auto key = [](const RunError& e) { return std::make_pair(e.trial, e.error.code == OMEN_ERR_CANCELLED); };
          bool useA = errorA && (!errorB || key(*errorA) <= key(*errorB));
          std::optional<RunError> error = useA ? errorA : errorB;
          if (error) failedSide = useA ? 'A' : 'B';
          uint32_t done = detail::trialsBefore(error, from, n);
          detail::accumulate(block.a, outA[worker].data(), done);
          detail::accumulate(block.b, outB[worker].data(), done);
          for (uint32_t j = 0; j < done; ++j) {
            const double* rowA = outA[worker].data() + j * widthA;
            const double* rowB = outB[worker].data() + j * widthB;
            for (size_t s = 0; s < shared.size(); ++s) {
              const double* a = rowA + shared[s].a * kOutcomeWidth;
              const double* b = rowB + shared[s].b * kOutcomeWidth;
              block.paired[s].add(a[0], a[1], b[0], b[1]);
            }
            if (bothWeighted) block.weights.add(logWeightOf(infoA, rowA), logWeightOf(infoB, rowB));
          }
          return error;
        });
        if (failure) return BlockFailure(*failure, static_cast<uint64_t>(failedSide));
        return std::nullopt;
      },
      [&](PairedBlock&& block) {
        detail::mergeAccumulators(totals.a, std::move(block.a));
        detail::mergeAccumulators(totals.b, std::move(block.b));
        for (size_t s = 0; s < shared.size(); ++s) totals.paired[s].merge(block.paired[s]);
        totals.weights.merge(block.weights);
      },
      [&](uint64_t merged) {
        return options.precision && targetsMet(options.targets, totals.a, infoA, merged) &&
               targetsMet(options.targetsB, totals.b, infoB, merged);
      },
      BlockCodec<PairedBlock>{
          [](ByteWriter& w, const PairedBlock& block) { putPaired(w, block); },
          [&](ByteReader& r, PairedBlock& block) {
            block.a = detail::makeAccumulators(infoA, options.exactQuantileCap, options.trials);
            block.b = detail::makeAccumulators(infoB, options.exactQuantileCap, options.trials);
            block.paired.resize(shared.size());
            getPaired(r, block);
          },
          [&](ByteWriter& w) { putPaired(w, totals); },
          [&](ByteReader& r) { getPaired(r, totals); }});
  progress.finish();

  result.trialsCompleted = result.a.trialsCompleted = result.b.trialsCompleted =
      outcome.trialsMerged;
  if (outcome.error) {
    fail(*outcome.error, static_cast<char>(outcome.errorWhich));
    return result;
  }
  result.partial = result.a.partial = result.b.partial =
      !outcome.stoppedEarly && outcome.trialsMerged < options.trials;
  if (options.precision) {
    result.a.precision = precisionOutcome(options.targets, options.trials, totals.a, infoA, outcome.trialsMerged);
    result.b.precision = precisionOutcome(options.targetsB, options.trials, totals.b, infoB, outcome.trialsMerged);
  }
  result.a.reports = detail::finishReports(infoA, totals.a);
  result.b.reports = detail::finishReports(infoB, totals.b);
  result.a.evidence = detail::finishEvidence(infoA, totals.a);
  result.b.evidence = detail::finishEvidence(infoB, totals.b);
  double logBf = 0, se = 0;
  if (bothWeighted && totals.weights.logBayesFactor(logBf, se))
    result.bayesFactor = CompareResult::BayesFactor{std::exp(logBf), logBf, se, std::exp(logBf - kZ95 * se),
                                                    std::exp(logBf + kZ95 * se)};
  for (size_t s = 0; s < shared.size(); ++s)
    result.comparisons.push_back(compare(result.a.reports[shared[s].a],
                                         result.b.reports[shared[s].b], totals.paired[s]));
  result.seconds = detail::secondsSince(start);
  result.a.seconds = result.b.seconds = result.seconds;
  return result;
}

}  // namespace omen::rt
