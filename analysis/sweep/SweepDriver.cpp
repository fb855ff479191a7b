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
  auto start = std::chrono::steady_clock::now();
  const ScenarioInfo& info = kernel.info();
  const size_t reports = info.reports.size();
  const size_t width = outcomeWidth(info);
  SweepRun result;

  std::vector<std::vector<Value>> globals(points.size());
  for (size_t k = 0; k < points.size(); ++k)
    if (auto error = detail::prepareGlobals(kernel, points[k].overrides, globals[k])) {
      result.error = error;
      result.failedPoint = k;
      result.seconds = detail::secondsSince(start);
      return result;
    }
  if (!points.empty()) result.params = detail::paramsAsUsed(info, globals[0]);

  // The quantile budget of one run bounds the whole sweep's: each point keeps its share, and
  // past it a sketch sized to stay within that share (makeAccumulators), so that the memory
  // stays flat in the number of points (bench/memory.py) at the cost of a wider stated rank
  // error when a sweep has very many points and trials.
  const uint64_t cap = options.exactQuantileCap / std::max<size_t>(1, points.size());
  auto fresh = [&] {
    SweepBlock b;
    for (size_t k = 0; k < points.size(); ++k) {
      b.points.push_back(detail::makeAccumulators(info, cap, options.trials));
      b.steps.emplace_back(points[k].pairsWithPrevious ? reports : 0);
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
            if (auto error = detail::runAndCheck(kernel, globals[k], options.seed, from, n, current[worker],
                                                 options.cancel)) {
              if (error->error.code == OMEN_ERR_CANCELLED) return cut();
              failedPoint = k;
              return error;
            }
            detail::accumulate(chunk.points[k], current[worker].data(), n);
            if (!points[k].pairsWithPrevious || k == 0) continue;
            for (uint32_t j = 0; j < n; ++j) {
              const double* now = current[worker].data() + j * width;
              const double* before = previous[worker].data() + j * width;
              for (size_t r = 0; r < reports; ++r)
                if (info.reports[r].kind != ReportKind::Quantiles)
                  chunk.steps[k][r].add(now[r * kOutcomeWidth], now[r * kOutcomeWidth + 1], before[r * kOutcomeWidth],
                                        before[r * kOutcomeWidth + 1]);
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
        for (const std::vector<ReportAccumulator>& point : totals.points)
          if (!targetsMet(options.targets, point, info, merged)) return false;
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
      if (options.precision) result.precision.push_back(precisionOutcome(options.targets, options.trials, totals.points[k], info, outcome.trialsMerged));
      result.reports.push_back(detail::finishReports(info, totals.points[k]));
      std::vector<PairedDifference> steps;
      for (size_t r = 0; r < totals.steps[k].size(); ++r) {
        steps.push_back(info.reports[r].kind == ReportKind::Quantiles ? PairedDifference{true}
                                                                      : pairedDifference(totals.steps[k][r]));
      }
      result.steps.push_back(std::move(steps));
    }
  }
  result.seconds = detail::secondsSince(start);
  return result;
}

}  // namespace omen::rt
