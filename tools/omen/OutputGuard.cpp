//===- OutputGuard.cpp - What `-o` may replace --------------------------------===//
#include "tools/omen/OutputGuard.h"

#include <cstring>
#include <fstream>
#include <iterator>

#include <sys/stat.h>

namespace omen::cli {
namespace {

bool sameFile(const struct stat& a, const std::string& path) {
  struct stat b;
  return ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/// An executable `omen build` wrote: an ELF file defining the AOT metadata symbol
/// (backend/aot/AotAbi.h), whose name is in its symbol table.
bool isOmenExecutable(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  static const std::string kSymbol("\0omen_aot_metadata\0", 19);
  return bytes.compare(0, 4, "\x7f" "ELF") == 0 && bytes.find(kSymbol) != std::string::npos;
}

}  // namespace

std::string refuseOutput(const std::string& output, const std::string& input, OutputKind kind, bool force) {
  struct stat existing;
  if (::stat(output.c_str(), &existing) != 0) return "";  // a new file
  if (sameFile(existing, input)) return "-o '" + output + "' is the input file; choose another output";
  if (sameFile(existing, "/proc/self/exe")) return "-o '" + output + "' is the omen executable itself; choose another output";
  // A folder gets its own error when written; a device or FIFO is written into, not replaced.
  if (force || !S_ISREG(existing.st_mode)) return "";
  if (kind == OutputKind::Executable && S_ISREG(existing.st_mode) && isOmenExecutable(output)) return "";
  return "-o '" + output + "' exists" + (kind == OutputKind::Executable ? " and is not an executable omen built" : "") +
         "; pass --force to replace it";
}

}  // namespace omen::cli
