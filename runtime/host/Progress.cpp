//===- Progress.cpp - A progress bar on stderr for long runs ----------------===//

#include "runtime/host/Progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace omen::rt {

Progress::Progress(uint64_t total, bool enabled, std::FILE* out)
    : total_(total), enabled_(enabled && out && isatty(fileno(out))), out_(out) {
  start_ = lastDraw_ = Clock::now();
}

void Progress::add(uint64_t trials) {
  if (!enabled_) return;
  uint64_t done = done_.fetch_add(trials) + trials;
  std::unique_lock<std::mutex> lock(drawing_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another worker is drawing
  Clock::time_point now = Clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0) return;
  if (drawn_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  drawn_ = true;
  std::string line = formatProgressLine(done, total_, elapsed);
  std::fprintf(out_, "\r%s\033[K", line.c_str());
  std::fflush(out_);
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(drawing_);
  if (!drawn_) return;
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
  drawn_ = false;
}

static std::string formatDuration(double seconds) {
  long s = static_cast<long>(std::ceil(seconds));
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

std::string formatProgressLine(uint64_t done, uint64_t total, double elapsedSeconds,
                               int barWidth) {
  double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  if (fraction > 1) fraction = 1;
  int filled = static_cast<int>(fraction * barWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(barWidth - filled), ' ');
  double rate = elapsedSeconds > 0 ? static_cast<double>(done) / elapsedSeconds : 0;
  std::string eta = "?";
  if (rate > 0) eta = formatDuration(static_cast<double>(total - std::min(done, total)) / rate);
  return fmt::format("[{}] {:3}%  {}/{} trials  {:.3g}/s  ETA {}", bar,
                     static_cast<int>(fraction * 100), done, total, rate, eta);
}

}  // namespace omen::rt
