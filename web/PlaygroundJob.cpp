//===- PlaygroundJob.cpp - A job's threads: the work and its watchdog ---------===//
#include "web/PlaygroundJob.h"

#include <nlohmann/json.hpp>

namespace omen::web {

PlaygroundJob::PlaygroundJob(uint64_t id, Work work, double maxSeconds)
    : id_(id), maxSeconds_(maxSeconds), start_(std::chrono::steady_clock::now()) {
  worker_ = std::thread([this, work = std::move(work)] {
    std::string answer = work(cancel_);
    std::lock_guard lock(mutex_);
    answer_ = std::move(answer);
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    done_.store(true);
    finished_.notify_all();
  });
  watchdog_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    if (!finished_.wait_for(lock, std::chrono::duration<double>(maxSeconds_), [this] { return done_.load(); })) {
      timedOut_.store(true);
      cancel_.store(true);
    }
  });
}

PlaygroundJob::~PlaygroundJob() {
  cancel_.store(true);
  worker_.join();
  watchdog_.join();
}

std::string PlaygroundJob::state() const {
  std::lock_guard lock(mutex_);
  bool finished = done_.load();
  double elapsed = finished ? seconds_ : std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  nlohmann::ordered_json out = {{"job", id_},           {"state", finished ? "done" : "running"},
                        {"elapsed", elapsed},   {"limit", maxSeconds_},
                        {"stopped", cancel_.load() && !timedOut_.load()}, {"timed_out", timedOut_.load()}};
  out["answer"] = finished ? nlohmann::ordered_json::parse(answer_, nullptr, false) : nlohmann::ordered_json(nullptr);
  return out.dump();
}

}  // namespace omen::web
