//===- Progress.h - A progress bar on stderr for long runs ------------------===//
//
// Shown only when stderr is a terminal and the run has already taken a second, so short
// runs, pipes and CI logs stay clean; erased when the run ends so the report prints on a
// clean screen. Not thread-safe: the driver calls it under its merge lock.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace omen::rt {

class Progress {
 public:
  /// `enabled` false draws nothing; true draws only if `out` is a terminal.
  Progress(uint64_t total, bool enabled, std::FILE* out = stderr);
  ~Progress() { finish(); }

  /// `done` trials finished so far (redraws at most ten times a second).
  void update(uint64_t done);
  /// Erases the bar if it was drawn.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  uint64_t total_;
  bool enabled_;
  std::FILE* out_;
  Clock::time_point start_, lastDraw_;
  bool drawn_ = false;
};

/// "[########            ]  40%  400000/1000000 trials  2.1e+05/s  ETA 3s", `barWidth`
/// characters of bar.
std::string formatProgressLine(uint64_t done, uint64_t total, double elapsedSeconds,
                               int barWidth = 24);

}  // namespace omen::rt
