//===- KernelCache.cpp - Compiled kernels on disk -----------------------------===//
#include "backend/llvm/KernelCache.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/SHA256.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "omen/Version.h"

namespace omen::llvmgen {
namespace {

/// Which build of omen is running: a development build keeps its version number while its
/// code generator changes, so the executable's identity (path, size, modification time) is
/// part of every key. An installed omen keeps its entries until it is replaced.
std::string buildIdentity() {
  static const std::string identity = [] {
    std::string exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    llvm::sys::fs::file_status status;
    if (exe.empty() || llvm::sys::fs::status(exe, status)) return std::string("unknown");
    std::ostringstream os;
    os << exe << ' ' << status.getSize() << ' '
       << status.getLastModificationTime().time_since_epoch().count();
    return os.str();
  }();
  return identity;
}

std::string entryPath(const std::string& dir, const std::string& key) { return dir + "/" + key + ".o"; }

/// An entry is this header, the SHA-256 of the object code (hex, newline), then the code: a
/// corrupt or truncated entry does not match its checksum and is never loaded.
constexpr const char* kMagic = "omen-kernel-1\n";

/// The least recently used entries go first when the cache is over its cap.
void markUsed(const std::string& path) { ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0); }

std::string checksum(llvm::StringRef bytes) { return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(bytes)), true); }

}  // namespace

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
    if (llvm::sys::fs::create_directories(chosen)) return "";
    return chosen;
  }();
  return dir;
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
  std::ifstream in(entryPath(dir, key), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string entry = bytes.str();
  std::string magic = kMagic;
  size_t header = magic.size() + 64 + 1;
  if (entry.size() < header || entry.compare(0, magic.size(), magic) != 0 || entry[header - 1] != '\n' ||
      entry.compare(magic.size(), 64, checksum(llvm::StringRef(entry).substr(header))) != 0) {
    dropCachedKernel(dir, key);
    return std::nullopt;
  }
  markUsed(entryPath(dir, key));
  return entry.substr(header);
}

void storeCachedKernel(const std::string& dir, const std::string& key, const std::string& object) {
  if (dir.empty()) return;
  // A name no other writer uses, renamed into place only once complete.
  std::string temp = entryPath(dir, key) + ".tmp" + std::to_string(::getpid()) + "." +
                     std::to_string(reinterpret_cast<uintptr_t>(&object));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << kMagic << checksum(object) << '\n';
    out.write(object.data(), std::streamsize(object.size()));
    out.close();
    if (!out) {
      llvm::sys::fs::remove(temp);
      return;
    }
  }
  if (llvm::sys::fs::rename(temp, entryPath(dir, key))) {
    llvm::sys::fs::remove(temp);
    return;
  }
  trimKernelCache(dir, kernelCacheCapBytes());
}

void dropCachedKernel(const std::string& dir, const std::string& key) {
  if (!dir.empty()) llvm::sys::fs::remove(entryPath(dir, key));
}

}  // namespace omen::llvmgen
