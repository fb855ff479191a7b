//===- DriverScheduler.h - Fixed blocks, any threads, any ranks, in-order merging ===//
//
// The heart of the driver's determinism. Trials are cut into blocks by one fixed sequence of
// block sizes (never dependent on the thread, rank or trial count). Block b belongs to MPI
// rank b mod N (rank 0 alone without MPI); each rank's workers pull its blocks in increasing
// order. Rank 0 merges every finished block at the in-order frontier: its own, and those the
// other ranks send as bytes (StateCodec). So the merged result is the same fold over blocks
// 0, 1, 2, ... whatever the thread and rank counts, and only a bounded window of blocks
// waits in memory.
//
// A failing block stops the handing-out of later blocks; earlier blocks (already handed out,
// on any rank) still finish, so the error reported is the one at the lowest failing trial.
// `enough(trialsMerged)` is asked after each block merged, in block order: when it says yes
// (a precision target holds), later blocks are not merged, so where a run stops depends on
// the seed only. Cancellation (rank 0's flag) stops the handing-out, and kernels poll it
// inside trials: a block cut there returns an OMEN_ERR_CANCELLED failure whose `trial` is
// the first trial that did not finish, with the trials before it in the block. The merged
// result is then every block before the first cut block plus that block's finished trials:
// exactly a complete run of `trialsMerged` trials, so a partial result is reproducible. At the end rank 0 broadcasts the outcome and the merged totals, so every rank
// returns the same result (an analysis that picks its next run from a result stays in step).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "omen/Results.h"
#include "runtime/host/Cluster.h"
#include "runtime/host/StateCodec.h"
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

/// A block's failure; `which` says where: compare's kernel ('A' or 'B'), a sweep's point
/// index, 0 for run.
struct BlockFailure {
  BlockFailure(const RunError& e, uint64_t w = 0) : error(e), which(w) {}  // NOLINT: implicit on purpose
  RunError error;
  uint64_t which = 0;
};

struct ScheduleOutcome {
  uint64_t trialsMerged = 0;
  bool cancelled = false;     ///< stopped early by the cancel flag (no error)
  bool stoppedEarly = false;  ///< `enough` held before the last block
  std::optional<RunError> error;
  uint64_t errorWhich = 0;
  uint64_t errorBlock = 0;
};

/// How a Block and the run's totals travel between MPI ranks (unused in one process).
template <class Block>
struct BlockCodec {
  std::function<void(ByteWriter&, const Block&)> putBlock;
  std::function<void(ByteReader&, Block&)> getBlock;  ///< into a default-constructed Block
  std::function<void(ByteWriter&)> putTotals;
  std::function<void(ByteReader&)> getTotals;
};

namespace detail {
/// Numbers the runs of this process; every rank runs the same sequence, so the numbers
/// agree and a late stop message of one run is never taken for the next one's.
inline uint64_t nextSession() {
  static std::atomic<uint64_t> session{0};
  return ++session;
}
}  // namespace detail

/// `runBlock(first, count, worker, block)` fills `block` and returns a BlockFailure (or a
/// RunError) on failure (a cut by Ctrl-C included, see above); `merge(Block&&)` folds a
/// block into the run's totals; `enough(n)` says whether the totals of the first n trials
/// meet the run's target. `acrossRanks` false keeps the run in this process (a short world
/// of a two-level run, which the ranks share out whole: analysis/Worlds.cpp).
template <class Block, class RunFn, class MergeFn, class EnoughFn>
ScheduleOutcome scheduleBlocks(uint64_t trials, ThreadPool& pool, const std::atomic<bool>* cancel,
                               RunFn&& runBlock, MergeFn&& merge, EnoughFn&& enough,
                               const BlockCodec<Block>& codec, bool acrossRanks = true) {
  const uint64_t blocks = blockCount(trials);
  const uint64_t rank = acrossRanks ? static_cast<uint64_t>(cluster::rank()) : 0;
  const uint64_t ranks = acrossRanks ? static_cast<uint64_t>(cluster::size()) : 1;
  const uint64_t session = ranks > 1 ? detail::nextSession() : 0;
  const uint64_t perRankWindow = 4 * static_cast<uint64_t>(pool.size()) + 4;
  const uint64_t window = perRankWindow * ranks;
  std::mutex mutex;
  std::condition_variable progressed;
  uint64_t nextLocal = rank, frontier = 0, stopAt = blocks;
  bool localDone = false;
  uint64_t cutBlock = blocks;  // the lowest block cut inside by cancellation
  struct Finished {
    std::unique_ptr<Block> block;
    uint32_t trials;
  };
  std::map<uint64_t, Finished> finished;                // rank 0: waiting for the frontier
  std::map<uint64_t, ClusterMessage> outbox;            // other ranks: waiting to be sent
  ScheduleOutcome out;

  auto blockTrials = [&](uint64_t b) {
    return static_cast<uint32_t>(std::min<uint64_t>(blockSize(b), trials - blockStart(b)));
  };
  auto cancelled = [&] { return rank == 0 && cancel && cancel->load(); };
  // Rank 0, under the lock: block b failed / finished.
  auto fail = [&](uint64_t b, const BlockFailure& f) {
    if (!out.error || b < out.errorBlock) {
      out.error = f.error;
      out.errorWhich = f.which;
      out.errorBlock = b;
    }
    stopAt = std::min(stopAt, b);
  };
  auto absorb = [&](uint64_t b, std::unique_ptr<Block> block, uint32_t count) {
    if (out.error || b >= stopAt) return;
    finished.emplace(b, Finished{std::move(block), count});
    for (auto it = finished.find(frontier); it != finished.end() && frontier < stopAt;
         it = finished.find(frontier)) {
      merge(std::move(*it->second.block));
      out.trialsMerged += it->second.trials;
      bool cut = it->second.trials < blockTrials(frontier);
      finished.erase(it);
      ++frontier;
      if (cut) {
        stopAt = frontier;  // nothing after a cut block counts
      } else if (frontier < stopAt && enough(out.trialsMerged)) {
        out.stoppedEarly = true;
        stopAt = frontier;
      }
    }
  };

  std::thread comm;
  if (ranks > 1 && rank == 0) {
    comm = std::thread([&] {
      std::vector<uint64_t> expected(ranks), sentStop(ranks, UINT64_MAX);
      std::vector<char> done(ranks, 0);
      for (uint64_t s = 0; s < ranks; ++s) expected[s] = s;
      done[0] = 1;
      for (;;) {
        bool busy = false, all = true;
        for (uint64_t s = 1; s < ranks; ++s) {
          if (done[s]) continue;
          all = false;
          bool take;
          {
            std::lock_guard<std::mutex> lock(mutex);
            // Beyond the window only while the block is still wanted: after a stop or an
            // error, later blocks are dropped on arrival, and the Done behind them must come.
            take = expected[s] < frontier + window || expected[s] >= stopAt || out.error || out.cancelled;
          }
          if (std::optional<ClusterMessage> m = cluster::poll(static_cast<int>(s), take)) {
            busy = true;
            if (m->kind == ClusterMessage::Done) {
              done[s] = 1;
              continue;
            }
            ByteReader r(m->bytes);
            uint64_t b = r.get<uint64_t>();
            std::unique_ptr<Block> block;
            std::optional<BlockFailure> failure;
            if (m->kind == ClusterMessage::Block) {
              block = std::make_unique<Block>();
              codec.getBlock(r, *block);
            } else {
              RunError e = StateCodec::getError(r);
              failure.emplace(e, r.get<uint64_t>());
            }
            std::lock_guard<std::mutex> lock(mutex);
            expected[s] = b + ranks;
            if (failure)
              fail(b, *failure);
            else
              absorb(b, std::move(block), blockTrials(b));
            progressed.notify_all();
          }
          uint64_t stop;
          {
            std::lock_guard<std::mutex> lock(mutex);
            stop = out.cancelled ? std::min(stopAt, frontier) : stopAt;
          }
          if (stop < sentStop[s] && !done[s]) {
            sentStop[s] = stop;
            cluster::sendStop(static_cast<int>(s), session, stop);
          }
        }
        if (all) break;
        if (!busy) std::this_thread::sleep_for(std::chrono::microseconds(100));
      }
    });
  } else if (ranks > 1) {
    comm = std::thread([&] {
      uint64_t nextSend = rank;
      std::unique_lock<std::mutex> lock(mutex);
      for (;;) {
        if (std::optional<uint64_t> stop = cluster::pollStop(session)) {
          stopAt = std::min(stopAt, *stop);
          progressed.notify_all();
        }
        auto it = outbox.find(nextSend);
        if (it != outbox.end() && (nextSend < stopAt || it->second.kind == ClusterMessage::Error)) {
          ClusterMessage m = std::move(it->second);
          outbox.erase(it);
          nextSend += ranks;
          progressed.notify_all();
          lock.unlock();
          cluster::send(m);
          cluster::noteBlockSent();
          lock.lock();
          continue;
        }
        if (localDone && (it == outbox.end() || nextSend >= stopAt)) break;
        progressed.wait_for(lock, std::chrono::microseconds(200));
      }
      lock.unlock();
      cluster::send(ClusterMessage{ClusterMessage::Done, {}});
    });
  }

  pool.runOnAll([&](unsigned worker) {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      // The window bounds the finished blocks waiting for the frontier. After an error the
      // frontier stops (absorb keeps nothing), so the window no longer applies: the blocks
      // before the failing one must still run, to find a lower failing trial. Waiting on the
      // window then would wait forever (the hang of a failing block on another rank while a
      // third rank's block held the frontier back, tests/scaling/check_mpi.py).
      progressed.wait(lock, [&] {
        return nextLocal >= stopAt || out.cancelled || cancelled() ||
               (rank == 0 ? nextLocal < frontier + window || out.error.has_value()
                          : outbox.size() < perRankWindow);
      });
      if (cancelled() && !out.error) out.cancelled = true;
      if (out.cancelled || nextLocal >= stopAt) break;
      uint64_t b = nextLocal;
      nextLocal += ranks;
      lock.unlock();

      uint32_t count = blockTrials(b);
      if (ranks > 1) cluster::noteBlockStarted(b, blockStart(b), count);
      auto block = std::make_unique<Block>();
      std::optional<BlockFailure> failure = runBlock(blockStart(b), count, worker, *block);
      ClusterMessage message;
      if (rank != 0) {
        ByteWriter w;
        w.put<uint64_t>(b);
        if (failure) {
          StateCodec::put(w, failure->error);
          w.put<uint64_t>(failure->which);
        } else {
          codec.putBlock(w, *block);
        }
        message.kind = failure ? ClusterMessage::Error : ClusterMessage::Block;
        message.bytes = std::move(w.bytes());
      }

      lock.lock();
      if (rank == 0 && failure && failure->error.error.code == OMEN_ERR_CANCELLED) {
        out.cancelled = true;
        cutBlock = std::min(cutBlock, b);
        stopAt = std::min(stopAt, b + 1);
        count = static_cast<uint32_t>(std::min<uint64_t>(failure->error.trial - blockStart(b), count));
        failure.reset();
      }
      if (rank == 0) {
        if (failure)
          fail(b, *failure);
        else
          absorb(b, std::move(block), count);
      } else {
        if (failure) stopAt = std::min(stopAt, b);
        outbox.emplace(b, std::move(message));
      }
      progressed.notify_all();
    }
    progressed.notify_all();
  });
  {
    std::lock_guard<std::mutex> lock(mutex);
    localDone = true;
    progressed.notify_all();
  }
  if (comm.joinable()) comm.join();
  if (out.error && out.errorBlock > cutBlock) out.error.reset();  // beyond the cut
  if (out.error) out.cancelled = false;
  // Blocks finished beyond a gap (cancellation) or the stop are dropped with `finished`.

  if (ranks > 1) {
    ByteWriter w;
    if (rank == 0) {
      w.put(out.trialsMerged);
      w.put<uint8_t>(out.cancelled);
      w.put<uint8_t>(out.stoppedEarly);
      w.put<uint8_t>(out.error.has_value());
      if (out.error) StateCodec::put(w, *out.error);
      w.put(out.errorWhich);
      w.put(out.errorBlock);
      codec.putTotals(w);
    }
    cluster::broadcast(w.bytes());
    if (rank != 0) {
      ByteReader r(w.bytes());
      out = ScheduleOutcome{};
      out.trialsMerged = r.get<uint64_t>();
      out.cancelled = r.get<uint8_t>() != 0;
      out.stoppedEarly = r.get<uint8_t>() != 0;
      if (r.get<uint8_t>()) out.error = StateCodec::getError(r);
      out.errorWhich = r.get<uint64_t>();
      out.errorBlock = r.get<uint64_t>();
      codec.getTotals(r);
    }
  }
  return out;
}

}  // namespace omen::rt
