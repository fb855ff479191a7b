//===- SweepDriver.cpp - One kernel at many settings, on common random numbers ===//
#include "analysis/sweep/SweepDriver.h"

#include <algorithm>
#include <chrono>
#include <mutex>

#include "runtime/host/DriverSupport.h"
#include "runtime/host/StateCodec.h"

namespace omen::rt {

namespace {
struct SweepBlock {
  std::vector<std::vector<ReportAccumulator>> points;
  std::vector<std::vector<PairedMoments>> steps;
};
// Under MPI a block travels to rank 0 as bytes, and the totals back (DriverScheduler.h).
void putSweep(ByteWriter& w, const SweepBlock& block) {
  for (const std::vector<ReportAccumulator>& point : block.points) StateCodec::put(w, point);
  for (const std::vector<PairedMoments>& step : block.steps)
    for (const PairedMoments& m : step) StateCodec::put(w, m);
}

void mergeSweep(SweepBlock& into, SweepBlock&& later) {
  for (size_t k = 0; k < into.points.size(); ++k) {
    detail::mergeAccumulators(into.points[k], std::move(later.points[k]));
    for (size_t r = 0; r < into.steps[k].size(); ++r) into.steps[k][r].merge(later.steps[k][r]);
  }
}

void getSweep(ByteReader& r, SweepBlock& block) {
  for (std::vector<ReportAccumulator>& point : block.points) StateCodec::get(r, point);
  for (std::vector<PairedMoments>& step : block.steps)
    for (PairedMoments& m : step) StateCodec::get(r, m);
}
}  // namespace

SweepRun runSweep(const Kernel& kernel, const DriverOptions& options, const std::vector<SweepPointSettings>& points) {
  return runSweep({SweepKernel{&kernel, options.targets}}, options, points);
}

SweepRun runSweep(const std::vector<SweepKernel>& kernels, const DriverOptions& options,
                  const std::vector<SweepPointSettings>& points) {
  auto start = std::chrono::steady_clock::now();
  auto kernelOf = [&](size_t k) -> const Kernel& { return *kernels[points[k].kernel].kernel; };
  auto infoOf = [&](size_t k) -> const ScenarioInfo& { return kernelOf(k).info(); };
  SweepRun result;

  // The reports point k pairs with point k - 1, by label and kind.
  std::vector<std::vector<detail::SharedReport>> shared(points.size());
  for (size_t k = 1; k < points.size(); ++k)
    if (points[k].pairsWithPrevious) shared[k] = detail::sharedReports(infoOf(k), infoOf(k - 1));

  std::vector<std::vector<Value>> globals(points.size());
  for (size_t k = 0; k < points.size(); ++k)
    if (auto error = detail::prepareGlobals(kernelOf(k), points[k].overrides, globals[k])) {
      result.error = error;
      result.failedPoint = k;
      result.seconds = detail::secondsSince(start);
      return result;
    }
  // The params as the first point of the first kernel (side A of a comparison) used them,
  // but only those every point of that kernel used the same way (a param computed from a
  // varied one differs from point to point: it is no constant of the sweep).
  std::vector<ParamValue> used;
  std::vector<bool> varies;
  for (size_t k = 0; k < points.size(); ++k) {
    if (points[k].kernel != 0) continue;
    std::vector<ParamValue> at = detail::paramsAsUsed(infoOf(k), globals[k]);
    if (used.empty()) {
      used = at;
      varies.assign(used.size(), false);
      continue;
    }
    for (size_t p = 0; p < at.size(); ++p) {
      bool same = at[p].drawn == used[p].drawn &&
                  (at[p].type == ValueType::Real ? at[p].value.r == used[p].value.r : at[p].value.i == used[p].value.i);
      varies[p] = varies[p] || !same;
    }
  }
  for (size_t p = 0; p < used.size(); ++p)
    if (!varies[p]) result.params.push_back(used[p]);

  // The quantile budget of one run bounds the whole sweep's: each point keeps its share, and
  // past it a sketch sized to stay within that share (makeAccumulators), so that the memory
  // stays flat in the number of points (bench/memory.py) at the cost of a wider stated rank
  // error when a sweep has very many points and trials.
  const uint64_t cap = options.exactQuantileCap / std::max<size_t>(1, points.size());
  auto fresh = [&] {
    SweepBlock b;
    for (size_t k = 0; k < points.size(); ++k) {
      b.points.push_back(detail::makeAccumulators(infoOf(k), cap, options.trials));
      b.steps.emplace_back(shared[k].size());
    }
    return b;
  };

  ThreadPool pool(detail::workerCount(options));
  // Two outcome buffers per worker: the point being run and the one before it.
  std::vector<std::vector<double>> current(pool.size()), previous(pool.size());
  SweepBlock totals = fresh();
  Progress progress(options.trials, options.progress);

  ScheduleOutcome outcome = scheduleBlocks<SweepBlock>(
      options.trials, pool, options.cancel,
      [&](uint64_t first, uint32_t count, unsigned worker, SweepBlock& block) -> std::optional<BlockFailure> {
        block = fresh();
        size_t failedPoint = 0;
        // Every point runs the same chunk of trials before the next chunk starts, into the
        // chunk's own accumulators, merged into the block only once every point has run it
        // (so the chunks must not follow the clock: detail::ChunkGrowth::Fixed). Ctrl-C is seen
        // inside a trial too: a cut chunk is dropped whole (its first trial is the cut), so
        // all points keep the same trials.
        std::optional<RunError> failure =
            detail::runInChunks(first, count, progress, [&](uint64_t from, uint32_t n) -> std::optional<RunError> {
          auto cut = [&] {
            RunError e;
            e.error.code = OMEN_ERR_CANCELLED;
            e.trial = from;
            return e;
          };
          if (options.cancel && options.cancel->load()) return cut();
          SweepBlock chunk = fresh();
          for (size_t k = 0; k < points.size(); ++k) {
            std::swap(current[worker], previous[worker]);
            if (auto error = detail::runAndCheck(kernelOf(k), globals[k], options.seed, from, n, current[worker],
                                                 options.cancel)) {
              if (error->error.code == OMEN_ERR_CANCELLED) return cut();
              failedPoint = k;
              return error;
            }
            detail::accumulate(chunk.points[k], current[worker].data(), n);
            if (shared[k].empty()) continue;
            const size_t width = outcomeWidth(infoOf(k)), widthBefore = outcomeWidth(infoOf(k - 1));
            for (uint32_t j = 0; j < n; ++j) {
              const double* now = current[worker].data() + j * width;
              const double* before = previous[worker].data() + j * widthBefore;
              for (size_t s = 0; s < shared[k].size(); ++s) {
                if (infoOf(k).reports[shared[k][s].a].kind == ReportKind::Quantiles) continue;
                const double* a = now + shared[k][s].a * kOutcomeWidth;
                const double* b = before + shared[k][s].b * kOutcomeWidth;
                chunk.steps[k][s].add(a[0], a[1], b[0], b[1]);
              }
            }
          }
          mergeSweep(block, std::move(chunk));
          return std::nullopt;
        }, detail::ChunkGrowth::Fixed);
        if (failure) return BlockFailure(*failure, failedPoint);
        return std::nullopt;
      },
      [&](SweepBlock&& block) { mergeSweep(totals, std::move(block)); },
      [&](uint64_t merged) {
        if (!options.precision) return false;
        for (size_t k = 0; k < points.size(); ++k)
          if (!targetsMet(kernels[points[k].kernel].targets, totals.points[k], infoOf(k), merged)) return false;
        return true;
      },
      BlockCodec<SweepBlock>{[](ByteWriter& w, const SweepBlock& block) { putSweep(w, block); },
                             [&](ByteReader& r, SweepBlock& block) {
                               block = fresh();
                               getSweep(r, block);
                             },
                             [&](ByteWriter& w) { putSweep(w, totals); },
                             [&](ByteReader& r) { getSweep(r, totals); }});
  progress.finish();

  result.trialsCompleted = outcome.trialsMerged;
  if (outcome.error) {
    result.error = outcome.error;
    result.failedPoint = static_cast<size_t>(outcome.errorWhich);
  } else {
    result.partial = !outcome.stoppedEarly && outcome.trialsMerged < options.trials;
    for (size_t k = 0; k < points.size(); ++k) {
      if (options.precision)
        result.precision.push_back(precisionOutcome(kernels[points[k].kernel].targets, options.trials,
                                                    totals.points[k], infoOf(k), outcome.trialsMerged));
      result.reports.push_back(detail::finishReports(infoOf(k), totals.points[k]));
      result.evidence.push_back(detail::finishEvidence(infoOf(k), totals.points[k]));
      std::vector<Comparison> steps;
      for (size_t s = 0; s < shared[k].size(); ++s)
        steps.push_back(detail::pairedComparison(result.reports[k][shared[k][s].a],
                                                 result.reports[k - 1][shared[k][s].b], totals.steps[k][s]));
      result.steps.push_back(std::move(steps));
    }
  }
  result.seconds = detail::secondsSince(start);
  return result;
}

}  // namespace omen::rt
