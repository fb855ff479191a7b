//===- AotLibraries.cpp - What `omen build` links an executable with -------===//
//
// The runtime libraries sit in lib/omen/ of the build tree and of an installed tree alike
// (backend/CMakeLists.txt, cmake/OmenPackage.cmake). The tree is found from the file holding
// this code: bin/omen (omen linked statically) or lib/libomen.so (an embedder, Python), so an
// installed omen never reaches back into the build folder it was built in.
//
//===----------------------------------------------------------------------===//
#include "backend/llvm/AotLibraries.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

#include "AotConfig.h"

namespace omen::llvmgen {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

/// The folder above the bin/ or lib/ folder holding this code.
fs::path treeRoot() { return omenCodeFile().parent_path().parent_path(); }

}  // namespace

fs::path omenCodeFile() {
  Dl_info info{};
  std::error_code ec;
  fs::path self;
  if (dladdr(reinterpret_cast<void*>(&aotLibraries), &info) && info.dli_fname && *info.dli_fname)
    self = fs::canonical(info.dli_fname, ec);
  if (self.empty() || ec) self = fs::read_symlink("/proc/self/exe", ec);
  return self;
}

std::vector<std::string> aotLibraries() {
  const char* override = std::getenv("OMEN_AOT_LIBS");
  if (override && *override) return splitList(override);
  std::vector<std::string> libs = splitList(OMEN_AOT_LIBS);
  fs::path root = treeRoot();
  for (std::string& lib : libs)
    if (fs::path(lib).is_relative()) lib = (root / lib).lexically_normal().string();
  return libs;
}

}  // namespace omen::llvmgen
