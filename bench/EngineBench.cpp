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
#include <string>

#include "backend/Pipeline.h"
#include "backend/interp/Interpreter.h"
#include "backend/llvm/Aot.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/sema/Frontend.h"
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
  std::unique_ptr<ast::Program> ast;
  if (loaded.file) ast = sema::checkProgram(sm, *loaded.file, diags);
  if (!ast) {
    diags.print(std::cerr);
    return 1;
  }
  std::string error;
  auto m = backend::lowerProgram(*ast, error);
  if (!m) {
    std::cerr << error << "\n";
    return 1;
  }
  if (!buildTo.empty()) {
    std::vector<const ir::Scenario*> all;
    for (const ir::Scenario& s : m->scenarios) all.push_back(&s);
    if (!llvmgen::buildExecutable(*m, sm, file, all, buildTo, error)) {
      std::cerr << error << "\n";
      return 1;
    }
    std::cout << "build_seconds " << since(start) << "\n";
    return 0;
  }
  std::vector<std::unique_ptr<rt::Kernel>> kernels;
  for (const ir::Scenario& s : m->scenarios) {
    kernels.push_back(engine == "interp" ? interp::compileScenario(*m, s, error) : llvmgen::compileScenario(*m, s, error));
    if (!kernels.back()) {
      std::cerr << error << "\n";
      return 1;
    }
  }
  double compile = since(start);
  Clock::time_point run = Clock::now();
  for (const auto& k : kernels) {
    ScenarioResult r = rt::run(*k, options);
    if (r.error) {
      std::cerr << "runtime error in " << r.name << "\n";
      return 1;
    }
  }
  double seconds = since(run);
  std::cout << "compile_seconds " << compile << " run_seconds " << seconds << " trials_per_second "
            << double(options.trials * kernels.size()) / seconds << "\n";
  return 0;
}
