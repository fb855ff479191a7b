//===- ThreadPool.h - A fixed set of workers that run one job together -----===//
//
// The driver's workers all run the same loop (pull the next block, run it, hand it in), so
// the pool only needs "run this on every worker and wait". The calling thread is worker 0:
// a one-thread run starts no thread at all.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace omen::rt {

class ThreadPool {
 public:
  /// `workers` >= 1 (0 is taken as 1).
  explicit ThreadPool(unsigned workers);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned size() const { return static_cast<unsigned>(threads_.size()) + 1; }

  /// Runs job(w) for every worker w in [0, size()) concurrently; returns when all are done.
  /// An exception a job throws (std::bad_alloc above all) is rethrown here once every worker
  /// is done; the first one wins.
  void runOnAll(const std::function<void(unsigned)>& job);

 private:
  void workerLoop(unsigned index);

  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(unsigned)>* job_ = nullptr;
  uint64_t generation_ = 0;
  unsigned running_ = 0;
  bool stopping_ = false;
  std::exception_ptr failure_;  ///< the first exception a worker threw during the current job
};

/// The default worker count: std::thread::hardware_concurrency(), at least 1.
unsigned defaultThreadCount();

}  // namespace omen::rt
