//===- MemoryBudget.h - Refusing, up front, work that cannot fit in memory ---===//
//
// A command whose size the user chose (--worlds, --rows, sweep points) says before it starts
// how much memory it would take when that is more than the process may use, as a usage
// error, instead of ending in std::bad_alloc part-way. What the process may use is the
// smaller of the machine's physical memory and the address-space limit (`ulimit -v`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>

namespace omen::rt {

/// Bytes this process may allocate at most: min(physical memory, RLIMIT_AS).
uint64_t memoryLimitBytes();

/// "" when `bytes` fit in memoryLimitBytes(); else a sentence: "<what> would take about
/// 1.5 TB of memory; this process may use 24 GB (...)".
std::string memoryNeedError(const std::string& what, double bytes);

/// What a command does when an allocation failed all the same (std::bad_alloc caught at its
/// top): says so on stderr, with what the process may use, and returns exit status 1.
int reportOutOfMemory(const std::string& tool);

/// 1536 -> "1.5 kB"; decimal units, as `ulimit` and `free -h` users read them.
std::string formatBytes(double bytes);

}  // namespace omen::rt
