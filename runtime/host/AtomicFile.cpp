//===- AtomicFile.cpp - Files omen writes appear whole or not at all --------===//
#include "runtime/host/AtomicFile.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace omen::rt {

std::string temporaryPathBeside(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  size_t slash = path.rfind('/');
  std::string folder = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  return folder + ".omen-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

std::string commitTemporaryFile(const std::string& temp, const std::string& path) {
  if (std::rename(temp.c_str(), path.c_str()) == 0) return "";
  std::string error = "cannot write '" + path + "': " + std::strerror(errno);
  std::remove(temp.c_str());
  return error;
}

int writeAllAndClose(int fd, std::string_view bytes) {
  int error = 0;
  for (size_t at = 0; at < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + at, bytes.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = n < 0 ? errno : ENOSPC;
      break;
    }
    at += size_t(n);
  }
  if (!error && ::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) error = errno;
  if (::close(fd) != 0 && !error) error = errno;
  return error;
}

namespace {

std::string cannotWrite(const std::string& path, int error) {
  return "cannot write '" + path + "': " + std::strerror(error);
}

}  // namespace

std::string writeFileAtomically(const std::string& path, std::string_view bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    // A device or FIFO (/dev/stdout, a pipe) is written into, never replaced.
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return cannotWrite(path, errno);
    int error = writeAllAndClose(fd, bytes);
    return error ? cannotWrite(path, error) : "";
  }
  // Through a symlink, the file it names is replaced, not the link.
  std::string target = path;
  if (char* resolved = ::realpath(path.c_str(), nullptr)) {
    target = resolved;
    std::free(resolved);
  }
  std::string temp = temporaryPathBeside(target);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return cannotWrite(path, errno);
  if (int error = writeAllAndClose(fd, bytes)) {
    std::remove(temp.c_str());
    return cannotWrite(path, error);
  }
  return commitTemporaryFile(temp, target);
}

int finishStdout(int status, const std::string& tool) {
  errno = 0;  // the first flush that fails says why; the flag it leaves does not
  std::cout.flush();
  bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (!failed) return status;
  std::fprintf(stderr, "%s: error: cannot write the output%s%s\n", tool.c_str(), errno ? ": " : "",
               errno ? std::strerror(errno) : "");
  return status == 0 ? 1 : status;
}

}  // namespace omen::rt
