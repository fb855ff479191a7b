//===- RegularFile.cpp - Reading a source file that is a regular file, bounded -===//
#include "core/RegularFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace omen {
namespace {

const char* kindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

}  // namespace

bool readRegularFile(const std::string& path, std::string& text, std::string& error) {
  // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting.
  Fd file{open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) {
    error = errno == ENOENT ? "no such file: '" + path + "'"
                            : "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  struct stat st;
  if (fstat(file.fd, &st) != 0) {
    error = "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "'" + path + "' is a directory, not an .omen file";
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "'" + path + "' is " + kindOf(st.st_mode) + ", not a regular file; omen reads source only from regular files";
    return false;
  }
  if (size_t(st.st_size) > kMaxSourceFileBytes) {
    error = "'" + path + "' is larger than " + std::to_string(kMaxSourceFileBytes >> 20) +
            " MB; omen reads source files only";
    return false;
  }
  text.clear();
  text.reserve(size_t(st.st_size));
  char chunk[1 << 16];
  for (;;) {
    ssize_t n = read(file.fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = "cannot read '" + path + "': " + std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    // A file that grows while it is read is still held to the cap.
    if (text.size() + size_t(n) > kMaxSourceFileBytes) {
      error = "'" + path + "' is larger than " + std::to_string(kMaxSourceFileBytes >> 20) +
              " MB; omen reads source files only";
      return false;
    }
    text.append(chunk, size_t(n));
  }
}

}  // namespace omen
