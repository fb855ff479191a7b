//===- KernelCacheTrustTest.cpp - The kernel cache loads only what the user wrote ===//
//
// Object code from the cache runs as the user: these check, with modes and owners read
// directly, that the folder and entries are private whatever the umask, that a folder or
// entry someone else owns or may write is refused, that entries are authenticated with the
// user's secret (a planted entry with a valid checksum, or an entry renamed to another key,
// is not loaded), and that the size cap removes only files omen wrote. Another owner is
// simulated with chown to 'nobody' (65534), which needs root; as another user those checks
// skip, visibly.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "backend/llvm/HmacSha256.h"
#include "backend/llvm/KernelCache.h"
#include "backend/llvm/KernelCacheFolder.h"

namespace omen::llvmgen {
namespace {
namespace fs = std::filesystem;

constexpr uid_t kNobody = 65534;

struct TempFolder {
  fs::path path;
  explicit TempFolder(const std::string& name)
      : path(fs::temp_directory_path() / ("omen-cache-trust-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

unsigned modeOf(const fs::path& p) {
  struct stat st;
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

std::string hex(const std::array<uint8_t, 32>& d) {
  std::string out;
  for (uint8_t b : d) out += "0123456789abcdef"[b >> 4], out += "0123456789abcdef"[b & 15];
  return out;
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

const std::string kObject("\x7f" "ELF pretend object code\0 with a zero", 37);

// RFC 4231, test cases 1, 2 and 6 (a key longer than a block).
TEST(HmacSha256, MatchesRfc4231) {
  EXPECT_EQ(hex(hmacSha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(hex(hmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hex(hmacSha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_TRUE(sameDigest("abc", "abc"));
  EXPECT_FALSE(sameDigest("abc", "abd"));
  EXPECT_FALSE(sameDigest("abc", "ab"));
}

TEST(KernelCacheTrust, FolderAndEntriesArePrivateWhateverTheUmask) {
  TempFolder t("modes");
  fs::path dir = t.path / "nested" / "omen";
  mode_t old = ::umask(002);  // a group-sharing umask: omen must not follow it
  std::string why;
  bool usable = prepareCacheFolder(dir.string(), why);
  std::string key = kernelCacheKey("modes", "cpu");
  storeCachedKernel(dir.string(), key, kObject);
  ::umask(0777);  // nothing at all: the modes are set, not left to the umask
  fs::path dir2 = t.path / "strict";
  bool usable2 = prepareCacheFolder(dir2.string(), why);
  storeCachedKernel(dir2.string(), key, kObject);
  ::umask(old);
  ASSERT_TRUE(usable) << why;
  ASSERT_TRUE(usable2) << why;
  EXPECT_EQ(modeOf(dir), 0700u);
  EXPECT_EQ(modeOf(dir / (key + ".o")), 0600u);
  EXPECT_EQ(modeOf(dir / "secret-key"), 0600u);
  EXPECT_EQ(modeOf(dir2), 0700u);
  EXPECT_EQ(modeOf(dir2 / (key + ".o")), 0600u);
  EXPECT_EQ(fs::file_size(dir / "secret-key"), 32u);
  ASSERT_TRUE(loadCachedKernel(dir.string(), key));
  EXPECT_EQ(*loadCachedKernel(dir.string(), key), kObject);
}

TEST(KernelCacheTrust, AFolderOthersMayWriteIsRefused) {
  TempFolder t("shared");
  fs::create_directories(t.path);
  ::chmod(t.path.c_str(), 0770);
  std::string why;
  EXPECT_FALSE(prepareCacheFolder(t.path.string(), why));
  EXPECT_NE(why.find("writable by its group or others (mode 0770)"), std::string::npos) << why;
  ::chmod(t.path.c_str(), 0757);
  why.clear();
  EXPECT_FALSE(prepareCacheFolder(t.path.string(), why));
  EXPECT_NE(why.find("must never be shared"), std::string::npos) << why;
  // A file where the folder should be.
  fs::path file = t.path / "file";
  write(file, "x");
  why.clear();
  EXPECT_FALSE(prepareCacheFolder(file.string(), why));
  EXPECT_NE(why.find("is not a folder"), std::string::npos) << why;
}

TEST(KernelCacheTrust, AFolderOrEntryAnotherUserOwnsIsRefused) {
  if (::geteuid() != 0) GTEST_SKIP() << "simulating another owner needs root (chown)";
  TempFolder t("owner");
  fs::create_directories(t.path);
  ::chmod(t.path.c_str(), 0755);
  ASSERT_EQ(::chown(t.path.c_str(), kNobody, kNobody), 0);
  std::string why;
  EXPECT_FALSE(prepareCacheFolder(t.path.string(), why));
  EXPECT_NE(why.find("is owned by another user (uid 65534)"), std::string::npos) << why;

  // In the user's own folder, an entry (or the secret) another user owns is not read.
  fs::path own = t.path / "own";
  ASSERT_TRUE(prepareCacheFolder(own.string(), why)) << why;
  std::string key = kernelCacheKey("owner", "cpu");
  storeCachedKernel(own.string(), key, kObject);
  ASSERT_TRUE(loadCachedKernel(own.string(), key));
  ASSERT_EQ(::chown((own / (key + ".o")).c_str(), kNobody, kNobody), 0);
  EXPECT_FALSE(loadCachedKernel(own.string(), key));
  EXPECT_TRUE(fs::exists(own / (key + ".o")));  // not the user's to remove
  why.clear();
  EXPECT_FALSE(readOwnFile((own / (key + ".o")).string(), why));
  EXPECT_NE(why.find("owned by another user"), std::string::npos) << why;
}

TEST(KernelCacheTrust, SymlinksFifosAndWritableEntriesAreNotRead) {
  TempFolder t("special");
  std::string why;
  ASSERT_TRUE(prepareCacheFolder(t.path.string(), why)) << why;
  std::string key = kernelCacheKey("special", "cpu");
  storeCachedKernel(t.path.string(), key, kObject);
  fs::path entry = t.path / (key + ".o");
  fs::path elsewhere = t.path / "elsewhere";
  fs::rename(entry, elsewhere);
  fs::create_symlink(elsewhere, entry);
  EXPECT_FALSE(loadCachedKernel(t.path.string(), key));
  why.clear();
  EXPECT_FALSE(readOwnFile(entry.string(), why));
  EXPECT_NE(why.find("is a symbolic link"), std::string::npos) << why;
  fs::remove(entry);

  ASSERT_EQ(::mkfifo(entry.c_str(), 0600), 0);  // never waited on
  EXPECT_FALSE(loadCachedKernel(t.path.string(), key));
  why.clear();
  EXPECT_FALSE(readOwnFile(entry.string(), why));
  EXPECT_NE(why.find("is not a regular file"), std::string::npos) << why;
  fs::remove(entry);

  fs::rename(elsewhere, entry);
  ASSERT_TRUE(loadCachedKernel(t.path.string(), key));
  ::chmod(entry.c_str(), 0620);
  EXPECT_FALSE(loadCachedKernel(t.path.string(), key));
  ::chmod(entry.c_str(), 0600);
  ASSERT_TRUE(loadCachedKernel(t.path.string(), key));

  // A secret others may read is no secret: refused.
  ::chmod((t.path / "secret-key").c_str(), 0644);
  why.clear();
  EXPECT_FALSE(readOwnFile((t.path / "secret-key").string(), why, 077));
  EXPECT_NE(why.find("readable by its group or others"), std::string::npos) << why;
}

TEST(KernelCacheTrust, PlantedAndRenamedEntriesAreNotLoaded) {
  TempFolder t("planted");
  std::string why;
  ASSERT_TRUE(prepareCacheFolder(t.path.string(), why)) << why;
  std::string key = kernelCacheKey("victim's scenario", "cpu");
  std::string other = kernelCacheKey("another scenario", "cpu");
  fs::path entry = t.path / (key + ".o");
  storeCachedKernel(t.path.string(), other, kObject);  // the folder has its secret
  // SHA-256 of kObject (Python's hashlib): the old format's valid checksum.
  std::string sha = "dfa58a284b50c7c70cca7f0f7da7ac1647ec152dde17e3d2fdaf32cada337eec";

  // The old format: header, bare SHA-256, code. Anyone could write it; it is not loaded.
  write(entry, "omen-kernel-1\n" + sha + "\n" + kObject);
  EXPECT_FALSE(loadCachedKernel(t.path.string(), key));
  EXPECT_FALSE(fs::exists(entry));  // and it is removed
  // The new header with a bare checksum in place of the HMAC: not loaded either.
  write(entry, "omen-kernel-2\n" + sha + "\n" + kObject);
  EXPECT_FALSE(loadCachedKernel(t.path.string(), key));
  // An HMAC under another secret (as another user's cache would hold): not loaded.
  write(entry, "omen-kernel-2\n" + hex(hmacSha256(std::string(32, 'k'), key + std::string(1, '\0') + kObject)) +
                   "\n" + kObject);
  EXPECT_FALSE(loadCachedKernel(t.path.string(), key));

  // A genuine entry renamed to another key's name: the HMAC covers the name, not loaded.
  ASSERT_TRUE(loadCachedKernel(t.path.string(), other));
  fs::rename(t.path / (other + ".o"), entry);
  EXPECT_FALSE(loadCachedKernel(t.path.string(), key));
  // While the genuine one, stored under its own name, loads.
  storeCachedKernel(t.path.string(), key, kObject);
  EXPECT_TRUE(loadCachedKernel(t.path.string(), key));
}

TEST(KernelCacheTrust, TheCapRemovesOnlyFilesOmenWrote) {
  TempFolder t("cap");
  std::string why;
  ASSERT_TRUE(prepareCacheFolder(t.path.string(), why)) << why;
  std::string key = kernelCacheKey("cap", "cpu");
  storeCachedKernel(t.path.string(), key, std::string(50'000, 'x'));
  std::string lookalike = kernelCacheKey("lookalike", "cpu") + ".o";
  write(t.path / "big_library.o", std::string(200'000, 'y'));  // a user's own file
  write(t.path / lookalike, std::string(200'000, 'z'));        // an entry's name, not its header
  fs::path elsewhere = t.path / "target";
  write(elsewhere, "omen-kernel-2\n" + std::string(200'000, 'w'));
  std::string linked = kernelCacheKey("linked", "cpu") + ".o";
  fs::create_symlink(elsewhere, t.path / linked);  // a symlink to an entry-like file
  trimKernelCache(t.path.string(), 0);
  EXPECT_FALSE(fs::exists(t.path / (key + ".o")));
  EXPECT_TRUE(fs::exists(t.path / "big_library.o"));
  EXPECT_TRUE(fs::exists(t.path / lookalike));
  EXPECT_TRUE(fs::is_symlink(t.path / linked));
  EXPECT_TRUE(fs::exists(elsewhere));
  EXPECT_TRUE(fs::exists(t.path / "secret-key"));
}

TEST(KernelCacheTrust, EntryNames) {
  std::string key = kernelCacheKey("x", "cpu");
  EXPECT_TRUE(isKernelCacheFileName(key + ".o"));
  EXPECT_TRUE(isKernelCacheFileName(key + ".o.tmp12.34"));
  EXPECT_FALSE(isKernelCacheFileName("big_library.o"));
  EXPECT_FALSE(isKernelCacheFileName(key + ".so"));
  std::string upper = key;
  upper[0] = 'A';
  upper[1] = 'B';
  EXPECT_FALSE(isKernelCacheFileName(upper + ".o"));
}

}  // namespace
}  // namespace omen::llvmgen
