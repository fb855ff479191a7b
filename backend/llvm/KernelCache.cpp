//===- KernelCache.cpp - Compiled kernels on disk -----------------------------===//
#include "backend/llvm/KernelCache.h"

#include <cstdlib>
#include <sstream>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/SHA256.h>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "backend/llvm/AotLibraries.h"
#include "backend/llvm/HmacSha256.h"
#include "backend/llvm/KernelCacheFolder.h"
#include "omen/Version.h"
#include "runtime/host/AtomicFile.h"

namespace omen::llvmgen {
namespace {

/// Which build of omen is running: a development build keeps its version number while its
/// code generator changes, so the identity (path, size, modification time) of the file
/// holding this code is part of every key: bin/omen, or lib/libomen.so under the Python
/// module (not the python3 executable). An installed omen keeps its entries until replaced.
std::string buildIdentity() {
  static const std::string identity = [] {
    std::filesystem::path self = omenCodeFile();
    struct stat st;
    if (self.empty() || ::stat(self.c_str(), &st) != 0) return std::string("unknown");
    std::ostringstream os;
    os << self.string() << ' ' << st.st_size << ' ' << st.st_mtim.tv_sec << '.' << st.st_mtim.tv_nsec;
    return os.str();
  }();
  return identity;
}

std::string entryPath(const std::string& dir, const std::string& key) { return dir + "/" + key + ".o"; }

/// An entry is this header, the HMAC-SHA-256 under the folder's secret of its key and its
/// object code (hex, newline), then the code. A corrupt or truncated entry, one written
/// under another name (renamed), or one written by anyone without the secret does not match
/// and is never loaded. ("omen-kernel-1" entries carried a bare SHA-256 and are not read.)
constexpr const char* kMagic = "omen-kernel-2\n";

/// What an entry's HMAC covers: the name it must be found under, then the code.
std::string signature(const std::string& secret, const std::string& key, llvm::StringRef object) {
  std::string message = key;
  message += '\0';
  message.append(object.data(), object.size());
  return llvm::toHex(hmacSha256(secret, message), /*LowerCase=*/true);
}

/// The least recently used entries go first when the cache is over its cap.
void markUsed(const std::string& path) { ::utimensat(AT_FDCWD, path.c_str(), nullptr, AT_SYMLINK_NOFOLLOW); }

}  // namespace

bool isKernelCacheFileName(const std::string& name) {
  constexpr size_t kHex = 64;
  if (name.size() < kHex + 2) return false;
  for (size_t i = 0; i < kHex; ++i)
    if (!llvm::isHexDigit(name[i]) || llvm::isUpper(name[i])) return false;
  llvm::StringRef rest = llvm::StringRef(name).substr(kHex);
  return rest == ".o" || rest.starts_with(".o.tmp");
}

bool startsLikeKernelCacheEntry(std::string_view head) { return head.substr(0, 12) == "omen-kernel-"; }

std::string kernelCacheDir() {
  static const std::string dir = []() -> std::string {
    std::string chosen;
    if (const char* d = std::getenv("OMEN_CACHE_DIR"); d && *d) {
      if (std::string(d) == "off") return "";
      chosen = d;
    } else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) {
      chosen = std::string(x) + "/omen";
    } else if (const char* h = std::getenv("HOME"); h && *h) {
      chosen = std::string(h) + "/.cache/omen";
    } else {
      return "";
    }
    std::string why;
    if (prepareCacheFolder(chosen, why)) return chosen;
    if (!why.empty()) refuseCache(why);
    return "";
  }();
  return cacheRefused() ? "" : dir;
}

std::string kernelCacheKey(const std::string& irText, const std::string& cpu) {
  llvm::SHA256 hash;
  for (const std::string& part : {std::string(kVersion), buildIdentity(), cpu, irText}) {
    hash.update(part);
    hash.update(llvm::StringRef("\0", 1));
  }
  std::array<uint8_t, 32> digest = hash.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

std::optional<std::string> loadCachedKernel(const std::string& dir, const std::string& key) {
  if (dir.empty()) return std::nullopt;
  std::string why;
  std::optional<std::string> secret = cacheSecret(dir, /*create=*/false, why);
  if (!secret) {
    if (!why.empty()) refuseCache(why);
    return std::nullopt;
  }
  std::optional<std::string> entry = readOwnFile(entryPath(dir, key), why);
  if (!why.empty()) {
    refuseCache(why);
    return std::nullopt;
  }
  if (!entry) return std::nullopt;
  std::string magic = kMagic;
  size_t header = magic.size() + 64 + 1;
  if (entry->size() < header || entry->compare(0, magic.size(), magic) != 0 || (*entry)[header - 1] != '\n' ||
      !sameDigest(llvm::StringRef(*entry).substr(magic.size(), 64),
                  signature(*secret, key, llvm::StringRef(*entry).substr(header)))) {
    dropCachedKernel(dir, key);
    return std::nullopt;
  }
  markUsed(entryPath(dir, key));
  return entry->substr(header);
}

void storeCachedKernel(const std::string& dir, const std::string& key, const std::string& object) {
  if (dir.empty()) return;
  std::string why;
  std::optional<std::string> secret = cacheSecret(dir, /*create=*/true, why);
  if (!secret) {
    refuseCache(why);
    return;
  }
  // A name no other writer uses, renamed into place only once complete.
  std::string temp = entryPath(dir, key) + ".tmp" + std::to_string(::getpid()) + "." +
                     std::to_string(reinterpret_cast<uintptr_t>(&object));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return;
  std::string entry = kMagic + signature(*secret, key, object) + "\n" + object;
  bool written = ::fchmod(fd, 0600) == 0;  // whatever the umask
  written = rt::writeAllAndClose(fd, entry) == 0 && written;
  if (!written || llvm::sys::fs::rename(temp, entryPath(dir, key))) {
    llvm::sys::fs::remove(temp);
    return;
  }
  trimKernelCache(dir, kernelCacheCapBytes());
}

void dropCachedKernel(const std::string& dir, const std::string& key) {
  if (!dir.empty() && isOwnRegularFile(entryPath(dir, key))) llvm::sys::fs::remove(entryPath(dir, key));
}

}  // namespace omen::llvmgen
