//===- KernelCacheFolder.cpp - Whose cache folder, whose entries, whose secret =//
#include "backend/llvm/KernelCacheFolder.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "runtime/host/AtomicFile.h"

namespace omen::llvmgen {
namespace {

constexpr size_t kSecretBytes = 32;
/// Far above any kernel; a bigger file is not an entry (and is never read into memory).
constexpr off_t kMaxFileBytes = off_t(1) << 30;

std::atomic<bool> refused{false};

/// Why a file or folder with this status must not be trusted, or "".
std::string untrusted(const std::string& path, const struct stat& st, unsigned forbidden) {
  if (st.st_uid != ::geteuid())
    return fmt::format("'{}' is owned by another user (uid {}); a cache folder must never be shared", path,
                       st.st_uid);
  if (st.st_mode & forbidden)
    return fmt::format("'{}' is {} by its group or others (mode {:04o}); a cache folder must never be shared", path,
                       (st.st_mode & forbidden & 022) ? "writable" : "readable", st.st_mode & 07777);
  return "";
}

std::optional<std::string> newSecret(std::string& why) {
  std::string bytes(kSecretBytes, '\0');
  for (size_t got = 0; got < bytes.size();) {
    ssize_t n = ::getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      why = std::string("cannot draw a random secret: ") + std::strerror(errno);
      return std::nullopt;
    }
    got += size_t(n);
  }
  return bytes;
}

/// Writes `bytes` to `path` 0600 unless it exists: a temporary file linked into place, so
/// two processes creating it at once agree on one. False if another process's won.
bool createExclusive(const std::string& path, const std::string& bytes, std::string& why) {
  std::string temp = path + ".tmp" + std::to_string(::getpid());
  ::unlink(temp.c_str());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    why = fmt::format("cannot create '{}': {}", temp, std::strerror(errno));
    return false;
  }
  bool written = ::fchmod(fd, 0600) == 0;  // whatever the umask
  written = rt::writeAllAndClose(fd, bytes) == 0 && written;
  bool linked = written && ::link(temp.c_str(), path.c_str()) == 0;
  int linkError = errno;
  ::unlink(temp.c_str());
  if (!written) why = fmt::format("cannot write '{}'", temp);
  else if (!linked && linkError != EEXIST) why = fmt::format("cannot create '{}': {}", path, std::strerror(linkError));
  return linked;
}

}  // namespace

bool prepareCacheFolder(const std::string& dir, std::string& why) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path parent = fs::path(dir).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  // The umask may take bits away from the mode mkdir asks for, never add them: chmod makes
  // it exactly 0700 either way.
  if (::mkdir(dir.c_str(), 0700) == 0) ::chmod(dir.c_str(), 0700);
  else if (errno != EEXIST) return false;
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) return false;
  if (!S_ISDIR(st.st_mode)) {
    why = fmt::format("'{}' is not a folder", dir);
    return false;
  }
  why = untrusted(dir, st, 022);
  return why.empty();
}

std::optional<std::string> readOwnFile(const std::string& path, std::string& why, unsigned forbidden) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) why = fmt::format("'{}' is a symbolic link", path);
    else if (errno != ENOENT) why = fmt::format("cannot read '{}': {}", path, std::strerror(errno));
    return std::nullopt;
  }
  struct stat st;
  std::string bytes;
  if (::fstat(fd, &st) != 0) why = fmt::format("cannot read '{}': {}", path, std::strerror(errno));
  else if (!S_ISREG(st.st_mode)) why = fmt::format("'{}' is not a regular file", path);
  else if (st.st_size > kMaxFileBytes) why = fmt::format("'{}' is larger than any kernel", path);
  else why = untrusted(path, st, forbidden);
  if (why.empty()) {
    bytes.resize(size_t(st.st_size));
    size_t got = 0;
    while (got < bytes.size()) {
      ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += size_t(n);
    }
    bytes.resize(got);  // shortened meanwhile: the entry's HMAC fails and it is rebuilt
  }
  ::close(fd);
  if (!why.empty()) return std::nullopt;
  return bytes;
}

bool isOwnRegularFile(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid();
}

std::optional<std::string> cacheSecret(const std::string& dir, bool create, std::string& why) {
  static std::mutex mutex;
  static std::map<std::string, std::string> secrets;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = secrets.find(dir); it != secrets.end()) return it->second;
  std::string path = dir + "/secret-key";
  for (int attempt = 0; attempt < 2; ++attempt) {
    // No one but the user may even read the secret: a reader could sign entries.
    std::optional<std::string> secret = readOwnFile(path, why, 077);
    if (secret && secret->size() != kSecretBytes) why = fmt::format("'{}' is not a secret omen wrote; remove it", path);
    if (!why.empty()) return std::nullopt;
    if (secret) return secrets[dir] = *secret;
    if (!create) return std::nullopt;
    std::optional<std::string> fresh = newSecret(why);
    if (!fresh) return std::nullopt;
    if (createExclusive(path, *fresh, why)) return secrets[dir] = *fresh;
    if (!why.empty()) return std::nullopt;
    // Another process created it first: read theirs.
  }
  why = fmt::format("cannot create '{}'", path);
  return std::nullopt;
}

void refuseCache(const std::string& why) {
  if (refused.exchange(true)) return;
  std::fprintf(stderr, "omen: warning: not using the kernel cache: %s\n", why.c_str());
}

bool cacheRefused() { return refused.load(); }

}  // namespace omen::llvmgen
