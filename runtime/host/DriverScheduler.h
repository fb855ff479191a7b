//===- DriverScheduler.h - Fixed blocks, any threads, in-order merging -----===//
//
// The heart of the driver's determinism. Trials are cut into blocks by one fixed sequence of
// block sizes (never dependent on the thread count, nor on the trial count); workers pull block indices in increasing order, fill one
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

#include "runtime/host/Progress.h"
#include "omen/Results.h"
#include "runtime/host/ThreadPool.h"

namespace omen::rt {

/// The largest block. Block b holds min(kBlockSize, 16 · 2^(b div 32)) trials: 32 blocks of
/// 16, 32 of 32, …, 32 of 2,048 (130,560 trials in 256 blocks), then blocks of 4,096. Small
/// blocks first let a run of few, heavy trials use every core (4,000 trials make 100
/// blocks); large ones later keep the merging cheap. The sequence is part of the language's
/// semantics (it fixes the rounding of merged results): the same for every run, trial
/// count, thread count and engine, so a run cut short after k blocks equals a run of that
/// many trials.
inline constexpr uint32_t kBlockSize = 4096;
inline constexpr uint64_t kGrowingBlocks = 256;       ///< blocks before they reach kBlockSize
inline constexpr uint64_t kGrowingTrials = 130'560;  ///< trials in those blocks

inline uint32_t blockSize(uint64_t b) {
  return b >= kGrowingBlocks ? kBlockSize : uint32_t(16) << (b / 32);
}
/// The first trial of block b.
inline uint64_t blockStart(uint64_t b) {
  if (b >= kGrowingBlocks) return kGrowingTrials + (b - kGrowingBlocks) * kBlockSize;
  uint64_t start = 0;
  for (uint64_t group = 0; group < b / 32; ++group) start += 32 * (uint64_t(16) << group);
  return start + (b % 32) * blockSize(b);
}
/// How many blocks hold `trials` trials (the last one may be partly filled).
inline uint64_t blockCount(uint64_t trials) {
  if (trials >= kGrowingTrials) return kGrowingBlocks + (trials - kGrowingTrials + kBlockSize - 1) / kBlockSize;
  uint64_t b = 0;
  while (blockStart(b + 1) <= trials - (trials > 0)) ++b;
  return trials == 0 ? 0 : b + 1;
}

struct ScheduleOutcome {
  uint64_t trialsMerged = 0;
  bool cancelled = false;  ///< stopped early by the cancel flag (no error)
  std::optional<RunError> error;
  uint64_t errorBlock = 0;
};

/// `runBlock(first, count, worker, block)` fills `block` (a default-constructed Block) and
/// returns a RunError on failure; `merge(Block&&)` folds a block into the run's totals.
template <class Block, class RunFn, class MergeFn>
ScheduleOutcome scheduleBlocks(uint64_t trials, ThreadPool& pool,
                               const std::atomic<bool>* cancel, Progress& progress,
                               RunFn&& runBlock, MergeFn&& merge) {
  const uint64_t blocks = blockCount(trials);
  const uint64_t window = 4 * static_cast<uint64_t>(pool.size()) + 4;
  std::mutex mutex;
  std::condition_variable progressed;
  uint64_t next = 0, frontier = 0, stopAt = blocks;
  std::map<uint64_t, std::unique_ptr<Block>> finished;
  ScheduleOutcome out;

  auto blockTrials = [&](uint64_t b) {
    return static_cast<uint32_t>(std::min<uint64_t>(blockSize(b), trials - blockStart(b)));
  };

  pool.runOnAll([&](unsigned worker) {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      progressed.wait(lock, [&] {
        return next >= stopAt || out.cancelled || (cancel && cancel->load()) ||
               next < frontier + window;
      });
      if (cancel && cancel->load() && !out.error) out.cancelled = true;
      if (out.cancelled || next >= stopAt) break;
      uint64_t b = next++;
      lock.unlock();

      auto block = std::make_unique<Block>();
      uint32_t count = blockTrials(b);
      std::optional<RunError> error = runBlock(blockStart(b), count, worker, *block);

      lock.lock();
      if (error) {
        if (!out.error || b < out.errorBlock) {
          out.error = *error;
          out.errorBlock = b;
        }
        stopAt = std::min(stopAt, b);
      } else if (!out.error) {
        finished.emplace(b, std::move(block));
        for (auto it = finished.find(frontier); it != finished.end();
             it = finished.find(frontier)) {
          merge(std::move(*it->second));
          out.trialsMerged += blockTrials(frontier);
          finished.erase(it);
          ++frontier;
        }
        progress.update(out.trialsMerged);
      }
      progressed.notify_all();
    }
    progressed.notify_all();
  });
  if (out.error) out.cancelled = false;
  // Blocks finished beyond a gap (cancellation) are dropped with `finished`.
  return out;
}

}  // namespace omen::rt
