//===- KernelCacheTest.cpp - Kernels on disk: intact entries only -------------===//
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "backend/llvm/KernelCache.h"

namespace omen::llvmgen {
namespace {

TEST(KernelCache, StoresLoadsAndIgnoresCorruptEntries) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("omen-kernel-cache-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string key = kernelCacheKey("scenario text", "cpu");
  EXPECT_EQ(key.size(), 64u);
  EXPECT_NE(key, kernelCacheKey("scenario text", "other cpu"));
  EXPECT_NE(key, kernelCacheKey("scenario text2", "cpu"));

  EXPECT_FALSE(loadCachedKernel(dir.string(), key));
  std::string object("\x7f" "ELF and some bytes\0 with a zero", 31);
  storeCachedKernel(dir.string(), key, object);
  auto loaded = loadCachedKernel(dir.string(), key);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, object);

  // One flipped byte: the checksum no longer matches, the entry is ignored and removed.
  fs::path entry = dir / (key + ".o");
  {
    std::fstream f(entry, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-3, std::ios::end);
    f.put('#');
  }
  EXPECT_FALSE(loadCachedKernel(dir.string(), key));
  EXPECT_FALSE(fs::exists(entry));
  // Truncated to nothing: ignored too.
  std::ofstream(entry).close();
  EXPECT_FALSE(loadCachedKernel(dir.string(), key));
  // No temporary files are left behind: the entry and the folder's secret only.
  storeCachedKernel(dir.string(), key, object);
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 2u);
  EXPECT_TRUE(fs::exists(dir / "secret-key"));
  // Off: nothing stored, nothing loaded.
  storeCachedKernel("", key, object);
  EXPECT_FALSE(loadCachedKernel("", key + "x"));
  fs::remove_all(dir);
}

TEST(KernelCache, CapRemovesLeastRecentlyUsedEntries) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("omen-kernel-cache-cap-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string object(100'000, 'x');
  std::vector<std::string> keys;
  for (const char* name : {"a", "b", "c", "d"}) {
    keys.push_back(kernelCacheKey(name, "cpu"));
    storeCachedKernel(dir.string(), keys.back(), object);  // far under the default cap
  }
  auto entry = [&](size_t i) { return dir / (keys[i] + ".o"); };
  uint64_t entrySize = fs::file_size(entry(0));
  // Used long ago, in the order a, b, c, d; then b is loaded, which makes it the most recent.
  auto now = fs::file_time_type::clock::now();
  for (size_t i = 0; i < 4; ++i) fs::last_write_time(entry(i), now - std::chrono::hours(10 - i));
  ASSERT_TRUE(loadCachedKernel(dir.string(), keys[1]));
  // Writers that died leave temporary files: an old one goes, a fresh one (a writer at work) stays.
  fs::path stale = dir / (keys[0] + ".o.tmp123.4"), fresh = dir / (keys[0] + ".o.tmp456.7");
  std::ofstream(stale) << "half";
  std::ofstream(fresh) << "half";
  fs::last_write_time(stale, now - std::chrono::hours(2));

  trimKernelCache(dir.string(), 2 * entrySize + 10);
  EXPECT_FALSE(fs::exists(entry(0)));  // least recently used
  EXPECT_TRUE(fs::exists(entry(1)));   // loaded last
  EXPECT_FALSE(fs::exists(entry(2)));
  EXPECT_TRUE(fs::exists(entry(3)));
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(fresh));
  fs::remove(fresh);

  // Under the cap nothing goes.
  trimKernelCache(dir.string(), 2 * entrySize);
  EXPECT_TRUE(fs::exists(entry(1)) && fs::exists(entry(3)));

  // A store trims to $OMEN_CACHE_MAX_MB, keeping what it just stored.
  ::setenv("OMEN_CACHE_MAX_MB", "0.15", 1);  // 157,286 bytes: room for one entry
  EXPECT_EQ(kernelCacheCapBytes(), 157'286u);
  storeCachedKernel(dir.string(), keys[0], object);
  ::unsetenv("OMEN_CACHE_MAX_MB");
  EXPECT_TRUE(fs::exists(entry(0)));
  EXPECT_FALSE(fs::exists(entry(1)));
  EXPECT_FALSE(fs::exists(entry(3)));
  fs::remove_all(dir);
}

TEST(KernelCache, CapIsReadFromTheEnvironment) {
  ::unsetenv("OMEN_CACHE_MAX_MB");
  EXPECT_EQ(kernelCacheCapBytes(), 256u << 20);
  ::setenv("OMEN_CACHE_MAX_MB", "1", 1);
  EXPECT_EQ(kernelCacheCapBytes(), 1u << 20);
  ::setenv("OMEN_CACHE_MAX_MB", "lots", 1);
  EXPECT_EQ(kernelCacheCapBytes(), 256u << 20);
  ::setenv("OMEN_CACHE_MAX_MB", "-3", 1);
  EXPECT_EQ(kernelCacheCapBytes(), 256u << 20);
  ::unsetenv("OMEN_CACHE_MAX_MB");
}

}  // namespace
}  // namespace omen::llvmgen
