//===- ThreadPool.cpp - A fixed set of workers that run one job together ---===//

#include "runtime/host/ThreadPool.h"

#include <utility>

namespace omen::rt {

ThreadPool::ThreadPool(unsigned workers) {
  if (workers == 0) workers = 1;
  threads_.reserve(workers - 1);
  for (unsigned i = 1; i < workers; ++i) threads_.emplace_back([this, i] { workerLoop(i); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void ThreadPool::workerLoop(unsigned index) {
  uint64_t seen = 0;
  for (;;) {
    const std::function<void(unsigned)>* job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      job = job_;
    }
    std::exception_ptr failure;
    try {
      (*job)(index);
    } catch (...) {
      failure = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (failure && !failure_) failure_ = failure;
      if (--running_ == 0) done_.notify_all();
    }
  }
}

void ThreadPool::runOnAll(const std::function<void(unsigned)>& job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    job_ = &job;
    running_ = static_cast<unsigned>(threads_.size());
    ++generation_;
  }
  wake_.notify_all();
  std::exception_ptr failure;
  try {
    job(0);
  } catch (...) {
    failure = std::current_exception();
  }
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [&] { return running_ == 0; });
  job_ = nullptr;
  if (!failure) failure = std::exchange(failure_, nullptr);
  failure_ = nullptr;
  // An exception in any worker (std::bad_alloc above all) reaches the caller, as it would
  // without threads, instead of ending the process in std::terminate.
  if (failure) std::rethrow_exception(failure);
}

unsigned defaultThreadCount() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

}  // namespace omen::rt
