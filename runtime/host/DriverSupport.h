//===- DriverSupport.h - Pieces run() and runPaired() share -----------------===//
//
// Internal to the driver: globals set-up, the params as used, running one kernel over one
// block with the outcome check, and the reports' block accumulators.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "runtime/host/Driver.h"
#include "runtime/host/Paired.h"
#include "runtime/host/Progress.h"
#include "runtime/host/StatisticsReport.h"

namespace omen::rt::detail {

/// Fills `globals` via initGlobals with `overrides` applied; an error result on failure.
std::optional<RunError> prepareGlobals(const Kernel& kernel, const std::vector<Override>& overrides,
                                       std::vector<Value>& globals);

/// Each param of `info` with the value the run uses (or `drawn`).
std::vector<ParamValue> paramsAsUsed(const ScenarioInfo& info, const std::vector<Value>& globals);

/// Runs trials [first, first + count) into `outcomes` (resized as needed) and checks them:
/// a kernel error, or a report value that is NaN or infinite where its condition held
/// (whichever comes at the lower trial), is returned. A run cancelled inside the block
/// returns an OMEN_ERR_CANCELLED error whose `trial` is the first trial that did not finish.
/// `tilt`: an importance-sampling run's (Kernel::runBlock).
std::optional<RunError> runAndCheck(const Kernel& kernel, const std::vector<Value>& globals,
                                    uint64_t seed, uint64_t first, uint32_t count,
                                    std::vector<double>& outcomes,
                                    const std::atomic<bool>* cancel = nullptr, const OmenTilt* tilt = nullptr);

/// Trials of a block that finished before `error` (count if there is none).
inline uint32_t trialsBefore(const std::optional<RunError>& error, uint64_t first, uint32_t count) {
  return error ? static_cast<uint32_t>(std::min<uint64_t>(error->trial - first, count)) : count;
}

/// How a block's chunks grow. A caller that folds every chunk's trials into the block in
/// order gets the same bits whatever the chunks, so its chunks may follow the clock; a caller
/// that merges per-chunk accumulators (the sweep) needs chunks that do not depend on time,
/// or engines and runs would differ in the last bits with the machine's load.
enum class ChunkGrowth { WhileFast, Fixed };

/// Chunks of a ChunkGrowth::Fixed block double up to this many trials.
inline constexpr uint32_t kFixedChunkCap = 256;

/// Runs a block's trials [first, first + count) as `runChunk(chunkFirst, chunkCount)` calls
/// that start at one trial and double — while a call takes under 20 ms (WhileFast), or up to
/// kFixedChunkCap (Fixed) — so that progress and Ctrl-C are seen after the first trial even
/// when trials are heavy. Stops at the first error; returns it. `runChunk` returns the error
/// (if any) and the trials it finished.
template <class ChunkFn>
std::optional<RunError> runInChunks(uint64_t first, uint32_t count, Progress& progress, ChunkFn&& runChunk,
                                    ChunkGrowth growth = ChunkGrowth::WhileFast) {
  uint32_t chunk = 1;
  for (uint32_t done = 0; done < count;) {
    uint32_t n = std::min(chunk, count - done);
    auto start = std::chrono::steady_clock::now();
    std::optional<RunError> error = runChunk(first + done, n);
    uint32_t finished = trialsBefore(error, first + done, n);
    progress.add(finished);
    if (error) return error;
    done += n;
    if (growth == ChunkGrowth::Fixed)
      chunk = std::min(2 * chunk, kFixedChunkCap);
    else if (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(20))
      chunk = std::min(2 * chunk, count);
  }
  return std::nullopt;
}

/// A fresh accumulator per report of `info`; the quantiles reports share `exactCap` values,
/// sketch included, for a run of up to `trials` trials.
/// A weighted scenario's list ends with one more, of Weighting::Evidence: the weights of
/// all trials, keeping the largest few for the Pareto k-hat of a run of `trials`.
std::vector<ReportAccumulator> makeAccumulators(const ScenarioInfo& info, uint64_t exactCap, uint64_t trials);

/// Adds `count` trials of outcomes (trial-major, [given, value] per report, then a weighted
/// scenario's [log weight, 0]: one pair per accumulator).
void accumulate(std::vector<ReportAccumulator>& reports, const double* outcomes, uint32_t count);

/// Folds `later` into `into`, report by report.
void mergeAccumulators(std::vector<ReportAccumulator>& into, std::vector<ReportAccumulator>&& later);

/// The estimates of every report.
std::vector<ReportResult> finishReports(const ScenarioInfo& info,
                                        std::vector<ReportAccumulator>& reports);

/// A weighted scenario's evidence and diagnostics (none for others).
std::optional<Evidence> finishEvidence(const ScenarioInfo& info, const std::vector<ReportAccumulator>& reports);

/// Seconds since `start`.
double secondsSince(std::chrono::steady_clock::time_point start);

/// Worker count for `options` and a run of `trials` (no more workers than blocks).
unsigned workerCount(const DriverOptions& options);

/// A report both scenarios have (same label and kind): its index in each.
struct SharedReport {
  size_t a, b;
};

/// The reports of `a` that `b` has too, in `a`'s order.
std::vector<SharedReport> sharedReports(const ScenarioInfo& a, const ScenarioInfo& b);

/// The difference a - b of one shared report from the paired moments of its trials
/// (quantiles: level by level, no standard error; a posterior: the independent-samples se).
Comparison pairedComparison(const ReportResult& a, const ReportResult& b, const PairedMoments& moments);

}  // namespace omen::rt::detail
