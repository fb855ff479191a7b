//===- Progress.h - A progress bar on stderr for long runs ------------------===//
//
// Shown only when stderr is a terminal and the run has already taken a second, so short
// runs, pipes and CI logs stay clean; erased when the run ends so the report prints on a
// clean screen. It counts trials as workers finish them (the driver runs a block in chunks
// that start at one trial), so heavy trials show progress long before the first block of
// 4,096 ends. Thread-safe: any worker may call add().
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace omen::rt {

class Progress {
 public:
  /// `enabled` false draws nothing; true draws only if `out` is a terminal.
  Progress(uint64_t total, bool enabled, std::FILE* out = stderr);
  ~Progress() { finish(); }

  /// `trials` more trials finished (redraws at most ten times a second).
  void add(uint64_t trials);
  /// Erases the bar if it was drawn.
  void finish();
  bool enabled() const { return enabled_; }

 private:
  using Clock = std::chrono::steady_clock;
  uint64_t total_;
  bool enabled_;
  std::FILE* out_;
  std::atomic<uint64_t> done_{0};
  std::mutex drawing_;
  Clock::time_point start_, lastDraw_;
  bool drawn_ = false;
};

/// "[########            ]  40%  400000/1000000 trials  2.1e+05/s  ETA 3s", `barWidth`
/// characters of bar.
std::string formatProgressLine(uint64_t done, uint64_t total, double elapsedSeconds,
                               int barWidth = 24);

}  // namespace omen::rt
