//===- ThreadPoolTest.cpp - A worker's exception reaches the caller ---------===//
#include <gtest/gtest.h>

#include <atomic>
#include <new>

#include "runtime/host/ThreadPool.h"

namespace omen::rt {
namespace {

// Out of memory in a worker thread used to end the process in std::terminate (issue 22);
// it now reaches runOnAll's caller, who reports it (tools/omen/main.cpp).
TEST(ThreadPool, AWorkersExceptionIsRethrownToTheCallerOnceAllAreDone) {
  ThreadPool pool(3);
  std::atomic<unsigned> finished{0};
  EXPECT_THROW(pool.runOnAll([&](unsigned w) {
    if (w == 1) throw std::bad_alloc();
    ++finished;
  }),
               std::bad_alloc);
  EXPECT_EQ(finished.load(), 2u);
  // The pool is still usable, and a job that throws nothing throws nothing.
  finished = 0;
  EXPECT_NO_THROW(pool.runOnAll([&](unsigned) { ++finished; }));
  EXPECT_EQ(finished.load(), 3u);
}

TEST(ThreadPool, TheCallingThreadsExceptionIsRethrownToo) {
  ThreadPool pool(2);
  EXPECT_THROW(pool.runOnAll([&](unsigned w) {
    if (w == 0) throw std::bad_alloc();
  }),
               std::bad_alloc);
}

}  // namespace
}  // namespace omen::rt
