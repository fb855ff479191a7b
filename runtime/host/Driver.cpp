//===- Driver.cpp - The Monte Carlo driver: run a kernel, get estimates ----===//

#include "runtime/host/Driver.h"

#include <chrono>

#include "runtime/host/DriverSupport.h"
#include "runtime/host/Expectation.h"
#include "runtime/host/StateCodec.h"

namespace omen::rt {

bool pinParam(const ScenarioInfo& info, std::string_view name, Value value,
              std::vector<Override>& overrides) {
  for (const ParamInfo& p : info.params) {
    if (p.name != name) continue;
    overrides.push_back({p.slot, value});
    if (p.uncertain) {
      Value flag;
      flag.i = 1;
      overrides.push_back({p.pinnedSlot, flag});
    }
    return true;
  }
  return false;
}

namespace {
struct Block {
  std::vector<ReportAccumulator> reports;
};
}  // namespace

ScenarioResult run(const Kernel& kernel, const DriverOptions& options) {
  auto start = std::chrono::steady_clock::now();
  const ScenarioInfo& info = kernel.info();
  ScenarioResult result;
  result.name = info.name;

  std::vector<Value> globals;
  if (auto error = detail::prepareGlobals(kernel, options.overrides, globals)) {
    result.error = error;
    result.seconds = detail::secondsSince(start);
    return result;
  }
  result.params = detail::paramsAsUsed(info, globals);

  ThreadPool pool(detail::workerCount(options));
  std::vector<std::vector<double>> outcomes(pool.size());
  std::vector<ReportAccumulator> totals = detail::makeAccumulators(info, options.exactQuantileCap, options.trials);
  Progress progress(options.trials, options.progress);

  ScheduleOutcome outcome = scheduleBlocks<Block>(
      options.trials, pool, options.cancel,
      [&](uint64_t first, uint32_t count, unsigned worker, Block& block) -> std::optional<BlockFailure> {
        block.reports = detail::makeAccumulators(info, options.exactQuantileCap, options.trials);
        std::optional<RunError> error = detail::runInChunks(first, count, progress, [&](uint64_t from, uint32_t n) {
          std::optional<RunError> error = detail::runAndCheck(kernel, globals, options.seed, options.firstTrial + from, n,
                                                              outcomes[worker], options.cancel);
          if (error) error->trial -= options.firstTrial;  // the scheduler counts from the run's first trial
          // A cancelled chunk keeps the trials before the cut (DriverScheduler.h).
          detail::accumulate(block.reports, outcomes[worker].data(), detail::trialsBefore(error, from, n));
          return error;
        });
        if (error) return BlockFailure(*error);
        return std::nullopt;
      },
      [&](Block&& block) { detail::mergeAccumulators(totals, std::move(block.reports)); },
      [&](uint64_t merged) {
        return (options.precision && targetsMet(options.targets, totals, info, merged)) ||
               (options.expectAlpha > 0 && expectationsDecided(totals, info, options.expectAlpha));
      },
      BlockCodec<Block>{
          [](ByteWriter& w, const Block& block) { StateCodec::put(w, block.reports); },
          [&](ByteReader& r, Block& block) {
            block.reports = detail::makeAccumulators(info, options.exactQuantileCap, options.trials);
            StateCodec::get(r, block.reports);
          },
          [&](ByteWriter& w) { StateCodec::put(w, totals); },
          [&](ByteReader& r) { StateCodec::get(r, totals); }},
      options.acrossRanks);
  progress.finish();

  result.trialsCompleted = outcome.trialsMerged;
  if (outcome.error) {
    result.error = outcome.error;
  } else {
    result.partial = !outcome.stoppedEarly && outcome.trialsMerged < options.trials;
    if (options.precision)
      result.precision = precisionOutcome(options.targets, options.trials, totals, info, outcome.trialsMerged);
    result.reports = detail::finishReports(info, totals);
    if (options.expectAlpha > 0)
      for (size_t r = 0; r < info.reports.size(); ++r)
        if (info.reports[r].expectation)
          result.reports[r].verdict = sequentialVerdict(*info.reports[r].expectation, totals[r], options.expectAlpha,
                                                        info.weighted ? &totals.back().weighted() : nullptr);
    result.evidence = detail::finishEvidence(info, totals);
  }
  result.seconds = detail::secondsSince(start);
  return result;
}

}  // namespace omen::rt
