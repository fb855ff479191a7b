//===- LowerFixture.h - Source text to IR for tests --------------------------===//
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "frontend/basic/Diagnostics.h"
#include "frontend/sema/Frontend.h"
#include "ir/Lower.h"
#include "ir/Passes.h"

namespace omen::test {

/// Checks `text` with the real frontend and lowers it; fails the test on any diagnostic or an
/// IR that does not verify.
struct Lowered {
  SourceManager sm;
  std::unique_ptr<ast::Program> program;
  std::unique_ptr<ir::Module> module;

  explicit Lowered(const std::string& text, const std::string& name = "test.omen") {
    FileId file = sm.addBuffer(name, text);
    DiagnosticEngine diags(sm);
    sema::FrontendOptions options;
    options.stdlibDir = OMEN_STDLIB_DIR;
    program = sema::checkProgram(sm, file, diags, options);
    std::ostringstream os;
    diags.print(os);
    EXPECT_TRUE(program) << os.str();
    if (!program) return;
    std::string error;
    module = ir::lower(*program, error);
    EXPECT_TRUE(module) << error;
    if (!module) return;
    EXPECT_TRUE(ir::runIrPasses(*module, error)) << error;  // the verifier among them
  }
};

inline std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace omen::test
