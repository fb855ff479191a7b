//===- DriverScheduler.h - Fixed blocks, any threads, in-order merging -----===//
//
// The heart of the driver's determinism. Trials are cut into blocks of kBlockSize (never
// dependent on the thread count); workers pull block indices in increasing order, fill one
// Block each, and hand it in; whoever hands in a block merges every finished block at the
// in-order frontier. So the merged result is the same fold over blocks 0, 1, 2, ... whatever
// the thread count, and at most `window` finished blocks wait in memory at any time.
//
// A failing block stops the handing-out of later blocks; earlier blocks (already handed out)
// still finish, so the error reported is the one at the lowest failing trial. Cancellation
// stops the handing-out; in-flight blocks finish and the contiguous prefix is kept.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "omen/Results.h"
#include "runtime/host/ThreadPool.h"

namespace omen::rt {

/// Trials per block. A constant of the language's semantics: changing it changes the
/// rounding of merged results, so it is fixed for every run, thread count and engine.
inline constexpr uint32_t kBlockSize = 4096;

struct ScheduleOutcome {
  uint64_t trialsMerged = 0;
  bool cancelled = false;  ///< stopped early by the cancel flag (no error)
  std::optional<RunError> error;
  uint64_t errorBlock = 0;
};

/// `runBlock(first, count, worker, block)` fills `block` (a default-constructed Block) and
/// returns a RunError on failure; `merge(Block&&)` folds a block into the run's totals.
///
/// Cancellation (the `cancel` flag) stops the handing-out of blocks, and kernels poll it
/// inside trials: a block cut there returns an OMEN_ERR_CANCELLED error whose `trial` is the
/// first trial that did not finish, with the trials before it in `block`. The merged result
/// is then the first cut block's finished trials after every block before it: exactly the
/// result of a complete run of `trialsMerged` trials, so a partial result is still
/// reproducible. An error at a trial beyond the cut is not reported.
template <class Block, class RunFn, class MergeFn>
ScheduleOutcome scheduleBlocks(uint64_t trials, ThreadPool& pool,
                               const std::atomic<bool>* cancel, RunFn&& runBlock, MergeFn&& merge) {
  const uint64_t blocks = (trials + kBlockSize - 1) / kBlockSize;
  const uint64_t window = 4 * static_cast<uint64_t>(pool.size()) + 4;
  std::mutex mutex;
  std::condition_variable progressed;
  uint64_t next = 0, frontier = 0, stopAt = blocks;
  uint64_t cutBlock = blocks;  // the lowest block cut inside by cancellation
  struct Finished {
    std::unique_ptr<Block> block;
    uint32_t trials;
  };
  std::map<uint64_t, Finished> finished;
  ScheduleOutcome out;

  auto blockTrials = [&](uint64_t b) {
    return static_cast<uint32_t>(std::min<uint64_t>(kBlockSize, trials - b * kBlockSize));
  };

  pool.runOnAll([&](unsigned worker) {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      progressed.wait(lock, [&] {
        return next >= stopAt || out.cancelled || (cancel && cancel->load()) ||
               next < frontier + window;
      });
      if (cancel && cancel->load()) out.cancelled = true;
      if (out.cancelled || next >= stopAt) break;
      uint64_t b = next++;
      lock.unlock();

      auto block = std::make_unique<Block>();
      uint32_t count = blockTrials(b);
      std::optional<RunError> error = runBlock(b * kBlockSize, count, worker, *block);

      lock.lock();
      if (error && error->error.code == OMEN_ERR_CANCELLED) {
        out.cancelled = true;
        cutBlock = std::min(cutBlock, b);
        stopAt = std::min(stopAt, b + 1);
        count = static_cast<uint32_t>(std::min<uint64_t>(error->trial - b * kBlockSize, count));
        error.reset();
      }
      if (error) {
        if (!out.error || b < out.errorBlock) {
          out.error = *error;
          out.errorBlock = b;
        }
        stopAt = std::min(stopAt, b);
      } else if (b < stopAt) {
        finished.emplace(b, Finished{std::move(block), count});
        for (auto it = finished.find(frontier); it != finished.end() && frontier < stopAt;
             it = finished.find(frontier)) {
          merge(std::move(*it->second.block));
          out.trialsMerged += it->second.trials;
          bool cut = it->second.trials < blockTrials(frontier);
          finished.erase(it);
          ++frontier;
          if (cut) stopAt = frontier;  // nothing after a cut block counts
        }
      }
      progressed.notify_all();
    }
    progressed.notify_all();
  });
  if (out.error && out.errorBlock > cutBlock) out.error.reset();  // beyond the cut
  if (out.error) out.cancelled = false;
  // Blocks finished beyond a gap or a cut are dropped with `finished`.
  return out;
}

}  // namespace omen::rt
