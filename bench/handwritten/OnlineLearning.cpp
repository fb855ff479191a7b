//===- OnlineLearning.cpp - examples/online_learning.omen by hand ----------===//
//
// Both scenarios of the file, the same draws in the same order from the same Philox
// streams as omen's engines (so the estimates agree), written as a C++ programmer would.
// `--stop-early 1` is the loop a careful programmer writes: it stops stepping once nothing
// can change any more (not deceptive and no defection, or modified), the same results.
//
//===----------------------------------------------------------------------===//
#include "bench/handwritten/BenchSupport.h"

namespace {

struct Params {
  double p_mesa = 0.5, p_turn = 0.005, p_unrecoverable = 0.1, p_shutdown = 0.002;
  double p_update = 0, p_recognise = 0, caution = 0.8;
  int64_t steps = 2000;
  bool stopEarly = false;
};

struct Acc {
  uint64_t n = 0, defection = 0, catastrophe = 0, deceptive = 0, catastropheDeceptive = 0;
  double timeSum = 0;
  void merge(const Acc& o) {
    n += o.n, defection += o.defection, catastrophe += o.catastrophe, deceptive += o.deceptive;
    catastropheDeceptive += o.catastropheDeceptive, timeSum += o.timeSum;
  }
};

void runBlock(const Params& p, uint64_t seed, uint64_t first, uint64_t count, Acc& acc) {
  OmenTrialContext ctx;
  for (uint64_t i = first; i < first + count; ++i) {
    omen_rt_begin_trial(&ctx, seed, i);
    double p_deceptive = omen_rt_beta(&ctx, 0, 2, 8);
    bool deceptive = omen_rt_bernoulli(&ctx, 0, p.p_mesa) && omen_rt_bernoulli(&ctx, 0, p_deceptive);
    double threat = omen_rt_bernoulli(&ctx, 0, p.p_recognise) ? p.caution : 0.0;
    bool defection = false, catastrophe = false, modified = false;
    int64_t timeDefection = -1;
    for (int64_t t = 0; t < p.steps; ++t) {
      if (p.stopEarly && (modified || (!deceptive && !defection))) break;
      if (deceptive && !modified && omen_rt_bernoulli(&ctx, 0, p.p_turn * (1 - threat))) {
        if (!defection) timeDefection = t;
        defection = true;
        if (omen_rt_bernoulli(&ctx, 0, p.p_unrecoverable)) {
          catastrophe = true;
          break;
        }
      }
      if (defection && !modified) {
        if (omen_rt_bernoulli(&ctx, 0, p.p_shutdown))
          modified = true;
        else if (omen_rt_bernoulli(&ctx, 0, p.p_update))
          modified = true;
      }
    }
    ++acc.n;
    acc.defection += defection;
    acc.catastrophe += catastrophe;
    acc.deceptive += deceptive;
    acc.catastropheDeceptive += catastrophe && deceptive;
    if (defection) acc.timeSum += double(timeDefection);
  }
}

}  // namespace

int main(int argc, char** argv) {
  bench::Args args = bench::parseArgs(argc, argv);
  Params trainThenDeploy, onlineLearning;
  onlineLearning.p_update = 0.2;
  onlineLearning.p_recognise = 0.9;
  for (int i = 1; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--stop-early") trainThenDeploy.stopEarly = onlineLearning.stopEarly = std::atoi(argv[i + 1]) != 0;
  bench::Timer timer;
  for (const Params* p : {&trainThenDeploy, &onlineLearning}) {
    Acc a = bench::runBlocks<Acc>(args, [&](uint64_t first, uint64_t count, Acc& acc) {
      runBlock(*p, args.seed, first, count, acc);
    });
    std::printf("P(defection)=%.17g P(catastrophe)=%.17g P(catastrophe|deceptive)=%.17g E(time)=%.17g\n",
                double(a.defection) / a.n, double(a.catastrophe) / a.n, double(a.catastropheDeceptive) / a.deceptive,
                a.timeSum / a.defection);
  }
  double s = timer.seconds();
  std::printf("seconds %.6f trials_per_second %.1f\n", s, 2.0 * args.trials / s);
}
