//===- TiltedRun.cpp - Trials under an importance-sampling tilt, summed -----===//

#include "analysis/rare/TiltedRun.h"

#include <cmath>

#include "runtime/host/DriverScheduler.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/StateCodec.h"

namespace omen::rt {

void WeightedSums::add(double logWeight, const double* values) {
  if (logWeight == -std::numeric_limits<double>::infinity()) return;
  if (logWeight > maxLog_) {
    const double f = maxLog_ == -std::numeric_limits<double>::infinity() ? 0.0 : std::exp(maxLog_ - logWeight);
    for (double& s : sums_) s *= f;
    maxLog_ = logWeight;
  }
  const double w = std::exp(logWeight - maxLog_);
  for (size_t k = 0; k < sums_.size(); ++k) sums_[k] += w * values[k];
}

void WeightedSums::merge(const WeightedSums& later) {
  if (later.maxLog_ == -std::numeric_limits<double>::infinity()) return;
  if (later.maxLog_ > maxLog_) {
    const double f = maxLog_ == -std::numeric_limits<double>::infinity() ? 0.0 : std::exp(maxLog_ - later.maxLog_);
    for (double& s : sums_) s *= f;
    maxLog_ = later.maxLog_;
  }
  const double f = std::exp(later.maxLog_ - maxLog_);
  for (size_t k = 0; k < sums_.size(); ++k) sums_[k] += f * later.sums_[k];
}

TiltedTotals::TiltedTotals(size_t slots, uint64_t trials)
    : weights(paretoTailSize(trials)), elite(slots * OMEN_TILT_STATS), plain(slots * OMEN_TILT_STATS, 0.0) {}

void TiltedTotals::merge(TiltedTotals&& later) {
  trials += later.trials;
  hits += later.hits;
  weights.merge(later.weights);
  elite.merge(later.elite);
  for (size_t k = 0; k < plain.size(); ++k) plain[k] += later.plain[k];
}

/// How a block's totals travel between MPI ranks.
struct TiltedTotalsCodec {
  static void put(ByteWriter& w, const TiltedTotals& t) {
    w.put(t.trials);
    w.put(t.hits);
    StateCodec::put(w, t.weights);
    w.put(t.elite.maxLog_);
    w.putDoubles(t.elite.sums_);
    w.putDoubles(t.plain);
  }
  static void get(ByteReader& r, TiltedTotals& t) {
    t.trials = r.get<uint64_t>();
    t.hits = r.get<uint64_t>();
    StateCodec::get(r, t.weights);
    t.elite.maxLog_ = r.get<double>();
    t.elite.sums_ = r.getDoubles();
    t.plain = r.getDoubles();
  }
};

TiltedRunOutcome runTilted(const Kernel& kernel, const std::vector<Value>& globals, const TiltedRunRequest& request) {
  const ScenarioInfo& info = kernel.info();
  const size_t width = outcomeWidth(info);
  const uint32_t stride = 1 + OMEN_TILT_STATS * request.slots;
  const size_t statsWidth = size_t(request.slots) * OMEN_TILT_STATS;
  ThreadPool pool(std::max(1u, std::min<unsigned>(request.threads, static_cast<unsigned>(blockCount(request.trials)))));
  std::vector<std::vector<double>> outcomes(pool.size()), stats(pool.size());
  TiltedRunOutcome out;
  out.totals = TiltedTotals(request.slots, request.trials);
  auto fresh = [&] { return TiltedTotals(request.slots, request.trials); };

  ScheduleOutcome schedule = scheduleBlocks<TiltedTotals>(
      request.trials, pool, request.cancel,
      [&](uint64_t first, uint32_t count, unsigned worker, TiltedTotals& block) -> std::optional<BlockFailure> {
        block = fresh();
        std::vector<double>& rows = stats[worker];
        rows.assign(size_t(count) * stride, 0.0);
        OmenTilt tilt{request.params.data(), static_cast<uint32_t>(request.params.size() / OMEN_TILT_PARAMS), stride,
                      rows.data(), request.firstTrial + first, nullptr};
        std::optional<RunError> error = detail::runAndCheck(kernel, globals, request.seed, request.firstTrial + first,
                                                            count, outcomes[worker], request.cancel, &tilt);
        if (error) {
          error->trial -= request.firstTrial;
          return BlockFailure(*error);
        }
        for (uint32_t j = 0; j < count; ++j) {
          const double* row = outcomes[worker].data() + size_t(j) * width;
          const double* trial = rows.data() + size_t(j) * stride;
          const bool hit = row[request.eventReport * kOutcomeWidth + 1] != 0;
          ++block.trials;
          block.hits += hit;
          block.weights.add(hit ? trial[0] : -std::numeric_limits<double>::infinity(), 1.0);
          if (hit) block.elite.add(trial[0], trial + 1);
          for (size_t k = 0; k < statsWidth; ++k) block.plain[k] += trial[1 + k];
        }
        return std::nullopt;
      },
      [&](TiltedTotals&& block) { out.totals.merge(std::move(block)); }, [](uint64_t) { return false; },
      BlockCodec<TiltedTotals>{[](ByteWriter& w, const TiltedTotals& t) { TiltedTotalsCodec::put(w, t); },
                               [&](ByteReader& r, TiltedTotals& t) {
                                 t = fresh();
                                 TiltedTotalsCodec::get(r, t);
                               },
                               [&](ByteWriter& w) { TiltedTotalsCodec::put(w, out.totals); },
                               [&](ByteReader& r) { TiltedTotalsCodec::get(r, out.totals); }});
  out.error = schedule.error;
  out.cancelled = schedule.cancelled;
  return out;
}

}  // namespace omen::rt
