//===- EngineBench.cpp - Time one engine on one file ------------------------===//
//
//   omen_engine_bench --engine interp|jit FILE [--trials N] [--threads T] [--seed S]
//   omen_engine_bench --build EXE FILE            (the `omen build` path, for AOT timings)
//
// Prints `compile_seconds C run_seconds R trials_per_second X`, where the trial count covers
// every scenario of the file (as `omen run` runs them all) and run time is the driver's.
//
//===----------------------------------------------------------------------===//
#include <chrono>
#include <iostream>
#include <optional>
#include <string>

#include "backend/Pipeline.h"
#include "backend/llvm/Aot.h"
#include "runtime/host/Driver.h"

using namespace omen;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int main(int argc, char** argv) {
  std::string engine = "jit", file, buildTo;
  rt::DriverOptions options;
  options.trials = 100000;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--engine") engine = next();
    else if (a == "--trials") options.trials = uint64_t(std::stod(next()));
    else if (a == "--threads") options.threads = unsigned(std::stoul(next()));
    else if (a == "--seed") options.seed = std::stoull(next());
    else if (a == "--build") buildTo = next();
    else file = a;
  }
  Clock::time_point start = Clock::now();
  SourceManager sm;
  DiagnosticEngine diags(sm);
  auto loaded = sm.loadFile(file, file);
  if (!loaded.file) {
    std::cerr << loaded.error << "\n";
    return 1;
  }
  // The whole pipeline (backend/Pipeline.h); an executable is built from the IR instead.
  std::optional<Engine> kernelEngine;
  if (buildTo.empty()) kernelEngine = engine == "interp" ? Engine::Interpreter : Engine::Jit;
  backend::CompiledSource compiled = backend::compileSource(sm, *loaded.file, diags, {}, kernelEngine);
  if (!compiled.ast) {
    diags.print(std::cerr);
    return 1;
  }
  if (!compiled.error.empty()) {
    std::cerr << compiled.error << "\n";
    return 1;
  }
  std::string error;
  if (!buildTo.empty()) {
    std::vector<const ir::Scenario*> all;
    for (const ir::Scenario& s : compiled.ir->scenarios) all.push_back(&s);
    if (!llvmgen::buildExecutable(*compiled.ir, sm, file, all, buildTo, error)) {
      std::cerr << error << "\n";
      return 1;
    }
    std::cout << "build_seconds " << since(start) << "\n";
    return 0;
  }
  double compile = since(start);
  Clock::time_point run = Clock::now();
  for (const auto& k : compiled.kernels) {
    ScenarioResult r = rt::run(*k, options);
    if (r.error) {
      std::cerr << "runtime error in " << r.name << "\n";
      return 1;
    }
  }
  double seconds = since(run);
  std::cout << "compile_seconds " << compile << " run_seconds " << seconds << " trials_per_second "
            << double(options.trials * compiled.kernels.size()) / seconds << "\n";
  return 0;
}
