//===- PipelineFuzzer.cpp - libFuzzer target: text -> IR -> engines agree --===//
//
// Checks the input, lowers it, verifies the IR, runs every scenario for 10 trials on the
// interpreter and on the LLVM JIT, and requires both engines to produce the same report
// (or the same runtime error). Inputs whose phases could run long (an `until` with the
// default limit of 10^7 steps, a count that is not a small constant) are checked and
// compiled but not run: a long run is not a bug, and would only be reported as a timeout.
//
//===----------------------------------------------------------------------===//
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "backend/interp/Interpreter.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/basic/LargeStack.h"
#include "frontend/sema/Frontend.h"
#include "ir/Lower.h"
#include "ir/Passes.h"
#include "runtime/host/Driver.h"
#include "runtime/host/ReportFormat.h"
#include "tests/fuzz/RunBudget.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "pipeline fuzzer: %s\n", what.c_str());
  std::abort();
}

// The part of a result both engines must agree on (times and engine names differ).
std::string canonical(const omen::ScenarioResult& result) {
  omen::RunResult run;
  run.file = "fuzz.omen";
  run.trials = omen::fuzz::kTrials;
  run.engine = "any";
  omen::ScenarioResult copy = result;
  copy.seconds = 0;
  std::string text;
  if (copy.error) {
    const auto& e = *copy.error;
    text = "error code " + std::to_string(e.error.code) + " site " + std::to_string(e.error.site) +
           " trial " + std::to_string(e.trial) + " report " + std::to_string(e.report) +
           (e.inGlobals ? " in globals" : "");
    copy.error.reset();
  }
  run.scenarios.push_back(std::move(copy));
  return text + "\n" + omen::rt::formatRunJson(run);
}

// How far inputs got, printed when the fuzzer exits (for tests/fuzz/README.md).
struct Progress {
  uint64_t inputs = 0, checked = 0, compiled = 0, ranBoth = 0;
  ~Progress() {
    std::fprintf(stderr, "pipeline: %llu inputs, %llu checked, %llu scenarios compiled on both engines, %llu run on both\n",
                 (unsigned long long)inputs, (unsigned long long)checked, (unsigned long long)compiled,
                 (unsigned long long)ranBoth);
  }
} progress;

}  // namespace

static void fuzzOne(const uint8_t* data, size_t size) {
  omen::SourceManager sources;
  omen::DiagnosticEngine diags(sources);
  omen::FileId main = sources.addBuffer("fuzz.omen", std::string(reinterpret_cast<const char*>(data), size));
  omen::sema::FrontendOptions options;
  options.stdlibDir = OMEN_FUZZ_STDLIB_DIR;
  ++progress.inputs;
  auto checked = omen::sema::checkProgram(sources, main, diags, options);
  if (!checked) return;
  ++progress.checked;

  std::string error;
  auto ir = omen::ir::lower(*checked, error);
  if (!ir) fail("a checked program failed to lower: " + error);
  if (!omen::ir::runIrPasses(*ir, error)) fail(error);

  for (const omen::ir::Scenario& scenario : ir->scenarios) {
    auto interp = omen::interp::compileScenario(*ir, scenario, error);
    if (!interp) fail("the interpreter rejected scenario '" + scenario.name + "': " + error);
#if OMEN_FUZZ_JIT
    auto jit = omen::llvmgen::compileScenario(*ir, scenario, error);
    if (!jit) fail("the JIT rejected scenario '" + scenario.name + "': " + error);
#endif
    ++progress.compiled;
    if (!omen::fuzz::cheapToRun(*ir, scenario)) continue;
    ++progress.ranBoth;

    omen::rt::DriverOptions run;
    run.trials = omen::fuzz::kTrials;
    run.seed = 7;
    run.threads = 1;
    std::string expected = canonical(omen::rt::run(*interp, run));
#if OMEN_FUZZ_JIT
    std::string actual = canonical(omen::rt::run(*jit, run));
    if (actual != expected)
      fail("scenario '" + scenario.name + "': the interpreter says\n" + expected + "\nthe JIT says\n" + actual);
#endif
  }
}

// The public API checks, lowers and compiles on a thread with a large stack (deep
// expression trees are allowed up to kMaxExprDepth); so does the fuzzer, to test the same.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  omen::runWithLargeStack([&] { fuzzOne(data, size); });
  return 0;
}
