//===- EngineParityTestSupport.h - Run one program on the interpreter and the JIT ===//
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "backend/interp/Interpreter.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/sema/Frontend.h"
#include "backend/Pipeline.h"

namespace omen::testing {

/// A program checked and lowered; null module (with the diagnostics in `errors`) on failure.
struct Lowered {
  SourceManager sources;
  std::string errors;
  std::unique_ptr<ast::Program> ast;
  std::unique_ptr<ir::Module> ir;
};

/// The pipeline (backend/Pipeline.h) through the IR passes on `file` of `out->sources`.
inline std::unique_ptr<Lowered> compileInto(std::unique_ptr<Lowered> out, FileId file, DiagnosticEngine& diags) {
  sema::FrontendOptions options;
  options.stdlibDir = OMEN_STDLIB_DIR;
  backend::CompiledSource compiled = backend::compileSource(out->sources, file, diags, options, std::nullopt);
  out->ast = std::move(compiled.ast);
  out->ir = std::move(compiled.ir);
  if (!out->ast) {
    std::ostringstream os;
    diags.print(os);
    out->errors = os.str();
  } else if (!out->ir) {
    out->errors = compiled.error;
  }
  return out;
}

inline std::unique_ptr<Lowered> lowerSource(const std::string& text, const std::string& name = "test.omen") {
  auto out = std::make_unique<Lowered>();
  DiagnosticEngine diags(out->sources);
  FileId file = out->sources.addBuffer(name, text);
  return compileInto(std::move(out), file, diags);
}

inline std::unique_ptr<Lowered> lowerFile(const std::string& path) {
  auto out = std::make_unique<Lowered>();
  DiagnosticEngine diags(out->sources);
  auto loaded = out->sources.loadFile(path, path);
  if (!loaded.file) {
    out->errors = loaded.error;
    return out;
  }
  return compileInto(std::move(out), *loaded.file, diags);
}

/// What one engine did with trials [0, trials) of a scenario: every outcome's bits, or the
/// error of the first failing trial.
struct EngineRun {
  bool globalsOk = true;
  bool ok = true;
  OmenError error{};
  uint64_t failedTrial = 0;
  std::vector<Value> globals;
  std::vector<double> outcomes;
};

inline EngineRun runEngine(const rt::Kernel& kernel, uint64_t seed, uint64_t trials, uint32_t block,
                           const std::vector<std::pair<uint32_t, Value>>& overrides = {}) {
  EngineRun run;
  const rt::ScenarioInfo& info = kernel.info();
  run.globals.assign(info.globalCount, Value{});
  std::vector<uint8_t> overridden(info.globalCount, 0);
  for (auto [slot, value] : overrides) {
    run.globals[slot] = value;
    overridden[slot] = 1;
  }
  if (!kernel.initGlobals(run.globals.data(), overridden.data(), run.error)) {
    run.globalsOk = run.ok = false;
    return run;
  }
  size_t width = info.reports.size() * rt::kOutcomeWidth;
  run.outcomes.assign(trials * width, 0.0);
  for (uint64_t first = 0; first < trials; first += block) {
    uint32_t count = static_cast<uint32_t>(std::min<uint64_t>(block, trials - first));
    if (!kernel.runBlock(run.globals.data(), seed, first, count, run.outcomes.data() + first * width, run.error,
                         run.failedTrial)) {
      run.ok = false;
      run.outcomes.resize(run.failedTrial * width);
      return run;
    }
  }
  return run;
}

inline bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

/// Expects the JIT to reproduce the interpreter bit for bit on every scenario of `lowered`.
/// Returns how many scenarios failed with a runtime error (on both engines).
inline int expectParity(const Lowered& lowered, uint64_t seed, uint64_t trials, uint32_t block = 97) {
  int failures = 0;
  [&] {
  ASSERT_TRUE(lowered.ir) << lowered.errors;
  for (const ir::Scenario& s : lowered.ir->scenarios) {
    SCOPED_TRACE("scenario " + s.name);
    std::string error;
    auto interp = interp::compileScenario(*lowered.ir, s, error);
    ASSERT_TRUE(interp) << error;
    auto jit = llvmgen::compileScenario(*lowered.ir, s, error);
    ASSERT_TRUE(jit) << error;
    EngineRun a = runEngine(*interp, seed, trials, block);
    EngineRun b = runEngine(*jit, seed, trials, block);
    ASSERT_EQ(a.globalsOk, b.globalsOk);
    for (size_t g = 0; g < a.globals.size(); ++g) EXPECT_EQ(a.globals[g].i, b.globals[g].i) << "global " << g;
    ASSERT_EQ(a.ok, b.ok);
    if (!a.ok) {
      ++failures;
      EXPECT_EQ(a.failedTrial, b.failedTrial);
      EXPECT_EQ(a.error.code, b.error.code);
      EXPECT_EQ(a.error.site, b.error.site);
      EXPECT_EQ(a.error.argCount, b.error.argCount);
      for (int i = 0; i < 3; ++i) EXPECT_TRUE(sameBits(a.error.args[i], b.error.args[i]));
    }
    ASSERT_EQ(a.outcomes.size(), b.outcomes.size());
    size_t mismatches = 0;
    for (size_t i = 0; i < a.outcomes.size(); ++i)
      if (!sameBits(a.outcomes[i], b.outcomes[i]) && mismatches++ < 5)
        ADD_FAILURE() << "outcome " << i << ": interp " << a.outcomes[i] << ", jit " << b.outcomes[i];
    EXPECT_EQ(mismatches, 0u);
  }
  }();
  return failures;
}

}  // namespace omen::testing
