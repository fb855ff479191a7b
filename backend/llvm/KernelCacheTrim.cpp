//===- KernelCacheTrim.cpp - The kernel cache's size cap: LRU eviction -------===//
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "backend/llvm/KernelCache.h"

namespace omen::llvmgen {

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
    std::error_code statError;
    fs::file_time_type used = fs::last_write_time(path, statError);
    if (statError) continue;  // removed meanwhile by another process
    // A writer's temporary file ("KEY.o.tmpPID.N"): only one that died leaves it for long.
    if (name.find(".o.tmp") != std::string::npos) {
      if (now - used > std::chrono::hours(1)) fs::remove(path, statError);
      continue;
    }
    if (path.extension() != ".o") continue;
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
