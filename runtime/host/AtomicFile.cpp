//===- AtomicFile.cpp - Files omen writes appear whole or not at all --------===//
#include "runtime/host/AtomicFile.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <fcntl.h>
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

std::string writeFileAtomically(const std::string& path, std::string_view bytes) {
  std::string temp = temporaryPathBeside(path);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return "cannot write '" + path + "': " + std::strerror(errno);
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
  // A full disk may only show at fsync or close (NFS, delayed allocation).
  if (!error && ::fsync(fd) != 0 && errno != EINVAL) error = errno;
  if (::close(fd) != 0 && !error) error = errno;
  if (error) {
    std::remove(temp.c_str());
    return "cannot write '" + path + "': " + std::strerror(error);
  }
  return commitTemporaryFile(temp, path);
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
