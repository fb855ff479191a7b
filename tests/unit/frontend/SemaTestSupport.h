//===- SemaTestSupport.h - Run the frontend on text in a test ---------------===//
//
// Writes sources into a fresh temporary folder (so imports resolve as on disk), runs
// sema::checkProgram on the main one, and keeps the SourceManager alive with the result.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "frontend/ast/Program.h"
#include "frontend/sema/Frontend.h"

namespace omen::test {

struct Checked {
  SourceManager sm;
  DiagnosticEngine diags{sm};
  std::unique_ptr<ast::Program> program;
  std::filesystem::path dir;

  std::string errors() const {
    std::ostringstream os;
    diags.print(os);
    return os.str();
  }
};

/// A fresh folder under the test temp dir.
inline std::filesystem::path freshDir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::path(::testing::TempDir()) /
             ("omen_sema_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

/// Checks `files["main.omen"]` with every file of `files` written beside it (names may
/// contain folders, e.g. "lib/a.omen" or "std/scaling.omen" for a private stdlib).
inline std::unique_ptr<Checked> checkFiles(const std::map<std::string, std::string>& files,
                                           sema::FrontendOptions options = {},
                                           const std::string& mainName = "main.omen") {
  auto c = std::make_unique<Checked>();
  c->dir = freshDir();
  for (const auto& [name, text] : files) writeFile(c->dir / name, text);
  if (options.stdlibDir.empty()) options.stdlibDir = c->dir.string();
  auto loaded = c->sm.loadFile((c->dir / mainName).string(), mainName);
  if (!loaded.file) {
    ADD_FAILURE() << loaded.error;
    return c;
  }
  c->program = sema::checkProgram(c->sm, *loaded.file, c->diags, options);
  return c;
}

inline std::unique_ptr<Checked> checkSource(const std::string& text) {
  return checkFiles({{"main.omen", text}});
}

}  // namespace omen::test
