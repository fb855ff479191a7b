//===- MemoryBudget.cpp - Refusing, up front, work that cannot fit in memory -===//
#include "runtime/host/MemoryBudget.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace omen::rt {

uint64_t memoryLimitBytes() {
  uint64_t limit = UINT64_MAX;
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
  if (pages > 0 && pageSize > 0) limit = uint64_t(pages) * uint64_t(pageSize);
  struct rlimit as;
  if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) limit = std::min<uint64_t>(limit, as.rlim_cur);
  return limit;
}

std::string formatBytes(double bytes) {
  const char* units[] = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
  size_t u = 0;
  while (bytes >= 1000 && u + 1 < std::size(units)) bytes /= 1000, ++u;
  return u == 0 ? fmt::format("{:.0f} bytes", bytes) : fmt::format("{:.3g} {}", bytes, units[u]);
}

int reportOutOfMemory(const std::string& tool) {
  fmt::print(stderr, "{}: error: out of memory: the command needed more than the {} this process may use "
                     "(the machine's memory, or `ulimit -v`); ask for less (fewer trials, worlds, rows or points)\n",
             tool, formatBytes(double(memoryLimitBytes())));
  return 1;
}

std::string memoryNeedError(const std::string& what, double bytes) {
  const uint64_t limit = memoryLimitBytes();
  if (bytes <= double(limit)) return "";
  return fmt::format("{} would take about {} of memory; this process may use {} (the machine's memory, or "
                     "`ulimit -v`)",
                     what, formatBytes(bytes), formatBytes(double(limit)));
}

}  // namespace omen::rt
