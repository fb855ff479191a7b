//===- BenchSupport.h - Running a hand-written trial function on threads ---===//
//
// The baseline omen is measured against: plain C++ (-O3) calling the very runtime functions
// omen kernels inline (runtime/Builtins.h), trials cut into blocks handed to threads.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/TrialContext.h"

namespace bench {

struct Args {
  uint64_t trials = 1000000;
  uint64_t seed = 1;
  unsigned threads = 1;
};

inline Args parseArgs(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--trials") a.trials = static_cast<uint64_t>(std::strtod(argv[i + 1], nullptr));
    if (k == "--seed") a.seed = std::strtoull(argv[i + 1], nullptr, 10);
    if (k == "--threads") a.threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
  }
  if (a.threads == 0) a.threads = std::max(1u, std::thread::hardware_concurrency());
  return a;
}

/// Runs `perBlock(first, count, accumulator&)` over every block; accumulators merge in order.
template <typename Acc, typename Fn>
Acc runBlocks(const Args& a, Fn perBlock) {
  constexpr uint64_t kBlock = 4096;
  uint64_t blocks = (a.trials + kBlock - 1) / kBlock;
  std::vector<Acc> accs(blocks);
  std::atomic<uint64_t> next{0};
  auto worker = [&] {
    for (uint64_t b; (b = next++) < blocks;) {
      uint64_t first = b * kBlock;
      perBlock(first, std::min(kBlock, a.trials - first), accs[b]);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < a.threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  Acc total;
  for (Acc& acc : accs) total.merge(acc);
  return total;
}

struct Timer {
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
};

}  // namespace bench
