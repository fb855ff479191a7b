//===- KernelCacheTrim.cpp - The kernel cache's size cap: LRU eviction -------===//
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "backend/llvm/KernelCache.h"
#include "backend/llvm/KernelCacheFolder.h"

namespace omen::llvmgen {
namespace {

/// Whether `path` begins with an entry's header: a user's own `big_library.o` does not.
bool holdsAnEntry(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  char head[12];
  ssize_t n = ::read(fd, head, sizeof head);
  ::close(fd);
  return n == ssize_t(sizeof head) && startsLikeKernelCacheEntry(std::string_view(head, sizeof head));
}

}  // namespace

uint64_t kernelCacheCapBytes() {
  constexpr uint64_t kDefaultMiB = 256;
  const char* text = std::getenv("OMEN_CACHE_MAX_MB");
  if (!text || !*text) return kDefaultMiB << 20;
  char* end = nullptr;
  double mib = std::strtod(text, &end);
  if (*end != '\0' || !(mib >= 0) || mib > 1e9) return kDefaultMiB << 20;
  return uint64_t(mib * 1024 * 1024);
}

void trimKernelCache(const std::string& dir, uint64_t capBytes) {
  namespace fs = std::filesystem;
  if (dir.empty()) return;
  struct Entry {
    fs::file_time_type used;
    std::string path;
    uint64_t size;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    std::string name = path.filename().string();
    // Only what omen wrote: an entry's name, a regular file of the user's (no symlink).
    if (!isKernelCacheFileName(name) || !isOwnRegularFile(path.string())) continue;
    std::error_code statError;
    fs::file_time_type used = fs::last_write_time(path, statError);
    if (statError) continue;  // removed meanwhile by another process
    // A writer's temporary file ("KEY.o.tmpPID.N"): only one that died leaves it for long.
    if (name.find(".o.tmp") != std::string::npos) {
      if (now - used > std::chrono::hours(1)) fs::remove(path, statError);
      continue;
    }
    if (!holdsAnEntry(path.string())) continue;
    uint64_t size = fs::file_size(path, statError);
    if (statError) continue;
    entries.push_back({used, path.string(), size});
    total += size;
  }
  if (total <= capBytes) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.used != b.used ? a.used < b.used : a.path < b.path;
  });
  for (const Entry& e : entries) {
    if (total <= capBytes) break;
    std::error_code removeError;
    fs::remove(e.path, removeError);  // another process may have removed it first: fine
    total -= e.size;
  }
}

}  // namespace omen::llvmgen
