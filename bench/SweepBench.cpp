//===- SweepBench.cpp - A CRN sweep against the same points run one by one ---===//
//
//   omen_sweep_bench FILE SCENARIO PARAM LO HI [--points N] [--trials T] [--threads K]
//
// In one process: `Program::sweep` over N points (one kernel, every point on the same
// streams), then N separate `Program::run`s with `--set PARAM=x` at the same x. Prints the
// kernel (driver) time of each, their ratio, how many kernels the JIT compiled for each, and
// whether every point's estimates are bit-identical to its separate run's (they must be: a
// sweep point is a run with that setting, on the same seed).
//
//===----------------------------------------------------------------------===//
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "backend/llvm/JitEngine.h"
#include "omen/Omen.h"
#include "runtime/host/ReportFormat.h"

using namespace omen;

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: omen_sweep_bench FILE SCENARIO PARAM LO HI [--points N] [--trials T] [--threads K]\n";
    return 2;
  }
  std::string file = argv[1], scenario = argv[2], param = argv[3], lo = argv[4], hi = argv[5];
  RunOptions options;
  options.trials = 10000;
  uint32_t points = 50;
  for (int i = 6; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--points") points = uint32_t(std::stoul(v));
    else if (a == "--trials") options.trials = uint64_t(std::stod(v));
    else if (a == "--threads") options.threads = unsigned(std::stoul(v));
  }
  auto program = Program::fromFile(file);
  if (!program->ok()) {
    std::cerr << program->diagnostics();
    return 1;
  }
  SweepRequest request;
  request.scenario = scenario;
  request.axes.push_back({param, lo, hi, points, false});
  size_t before = llvmgen::compiledKernelCount();
  SweepOutcome sweep = program->sweep(request, options);
  if (!sweep.ok()) {
    std::cerr << sweep.error << "\n";
    return 1;
  }
  size_t sweepCompiles = llvmgen::compiledKernelCount() - before;

  double separate = 0;
  bool identical = true;
  before = llvmgen::compiledKernelCount();
  for (const SweepPoint& p : sweep.result.points) {
    RunOptions one = options;
    one.scenarios = {scenario};
    one.overrides = {{param, rt::shortestNumber(p.at[0])}};
    RunOutcome run = program->run(one);
    if (!run.ok()) {
      std::cerr << run.error << "\n";
      return 1;
    }
    const ScenarioResult& s = run.result.scenarios[0];
    separate += s.seconds;
    for (size_t r = 0; r < s.reports.size(); ++r)
      identical &= s.reports[r].estimate == p.reports[r].estimate && s.reports[r].stdError == p.reports[r].stdError;
  }
  size_t runCompiles = llvmgen::compiledKernelCount() - before;
  std::printf("points %u trials %llu sweep_seconds %.4f separate_seconds %.4f ratio %.3f sweep_compiles %zu "
              "separate_compiles %zu identical %s\n",
              points, (unsigned long long)options.trials, sweep.result.seconds, separate,
              sweep.result.seconds / separate, sweepCompiles, runCompiles, identical ? "yes" : "NO");
  return identical ? 0 : 1;
}
