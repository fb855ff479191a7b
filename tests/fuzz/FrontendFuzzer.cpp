//===- FrontendFuzzer.cpp - libFuzzer target: text -> diagnostics or AST ---===//
//
// Any byte string must come back from the frontend as either a checked program or at least
// one error diagnostic: never a crash, a sanitizer report, a hang or an escaping exception.
// A checked program is also printed (emit --ast), and every diagnostic rendered, because
// both read source ranges that a malformed input could have left out of bounds.
//
//===----------------------------------------------------------------------===//
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "frontend/ast/AstPrinter.h"
#include "frontend/basic/LargeStack.h"
#include "frontend/sema/Frontend.h"

static void fuzzOne(const uint8_t* data, size_t size) {
  omen::SourceManager sources;
  omen::DiagnosticEngine diags(sources);
  omen::FileId main = sources.addBuffer("fuzz.omen", std::string(reinterpret_cast<const char*>(data), size));
  omen::sema::FrontendOptions options;
  options.stdlibDir = OMEN_FUZZ_STDLIB_DIR;
  auto checked = omen::sema::checkProgram(sources, main, diags, options);

  std::ostringstream out;
  diags.print(out);
  if (checked) {
    if (diags.hasErrors()) {
      std::fprintf(stderr, "checkProgram returned a program and errors\n%s", out.str().c_str());
      std::abort();
    }
    omen::ast::printProgram(*checked, sources, out);
  } else if (!diags.hasErrors()) {
    std::fprintf(stderr, "checkProgram returned no program and no error\n");
    std::abort();
  }
}

// The public API checks, lowers and compiles on a thread with a large stack (deep
// expression trees are allowed up to kMaxExprDepth); so does the fuzzer, to test the same.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  omen::runWithLargeStack([&] { fuzzOne(data, size); });
  return 0;
}
