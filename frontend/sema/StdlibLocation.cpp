//===- StdlibLocation.cpp - Where `import std.NAME` looks ------------------===//
//
// The stdlib is installed as share/omen/stdlib beside the bin/ and lib/ folders, and the
// build tree mirrors that layout. Code that runs it may be the `omen` executable (bin/omen),
// an embedder's program linking lib/libomen.so, or Python's interpreter loading the omen
// module (which links lib/libomen.so): so the folder is looked for beside the file holding
// this code (the executable itself when omen is linked statically), then beside the running
// executable.
//
//===----------------------------------------------------------------------===//
#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

#include "frontend/sema/SemaContext.h"

namespace omen::sema {

namespace fs = std::filesystem;

namespace {

/// share/omen/stdlib in the folder above `binary`'s folder, or one more up (a multiarch
/// lib/<triple>/ folder); empty if neither holds it.
std::string stdlibBeside(const fs::path& binary) {
  fs::path dir = binary.parent_path();
  for (int up = 0; up < 2 && dir.has_parent_path(); ++up) {
    dir = dir.parent_path();
    fs::path candidate = (dir / "share" / "omen" / "stdlib").lexically_normal();
    std::error_code ec;
    if (fs::is_directory(candidate, ec)) return candidate.string();
  }
  return "";
}

}  // namespace

std::string stdlibDirFor(const FrontendOptions& options) {
  if (!options.stdlibDir.empty()) return options.stdlibDir;
  if (const char* env = std::getenv("OMEN_STDLIB"); env && *env) return env;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&stdlibDirFor), &info) && info.dli_fname && *info.dli_fname) {
    std::error_code ec;
    fs::path self = fs::canonical(info.dli_fname, ec);
    if (!ec)
      if (std::string dir = stdlibBeside(self); !dir.empty()) return dir;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    if (std::string dir = stdlibBeside(exe); !dir.empty()) return dir;
  // Nowhere: the path beside the executable, which the "cannot find" error then names.
  if (ec) return "share/omen/stdlib";
  return (exe.parent_path().parent_path() / "share" / "omen" / "stdlib").lexically_normal().string();
}

}  // namespace omen::sema
