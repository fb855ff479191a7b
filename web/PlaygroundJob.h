//===- PlaygroundJob.h - One run or analysis of the playground, on its own thread ===//
//
// The server runs one job at a time: the page polls it for its state and may stop it (the
// same cancel flag Ctrl-C sets in `omen run`); a watchdog stops it at the time limit.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace omen::web {

class PlaygroundJob {
 public:
  /// What a job does: given the cancel flag, the JSON document it answers with.
  using Work = std::function<std::string(const std::atomic<bool>& cancel)>;

  PlaygroundJob(uint64_t id, Work work, double maxSeconds);
  ~PlaygroundJob();  ///< stops the work and joins the threads
  PlaygroundJob(const PlaygroundJob&) = delete;
  PlaygroundJob& operator=(const PlaygroundJob&) = delete;

  uint64_t id() const { return id_; }
  bool done() const { return done_.load(); }
  void stop() { cancel_.store(true); }
  /// {"job", "state": "running"|"done", "elapsed", "limit", "stopped", "timed_out", "answer"}.
  std::string state() const;

 private:
  uint64_t id_;
  double maxSeconds_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<bool> cancel_{false}, done_{false}, timedOut_{false};
  mutable std::mutex mutex_;
  std::condition_variable finished_;
  std::string answer_;
  double seconds_ = 0;
  std::thread worker_, watchdog_;
};

}  // namespace omen::web
