//===- KernelCacheTest.cpp - Kernels on disk: intact entries only -------------===//
#include <gtest/gtest.h>

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
  // No temporary files are left behind.
  storeCachedKernel(dir.string(), key, object);
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u);
  // Off: nothing stored, nothing loaded.
  storeCachedKernel("", key, object);
  EXPECT_FALSE(loadCachedKernel("", key + "x"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace omen::llvmgen
