//===- Premises.cpp - examples/premises.omen by hand -----------------------===//
#include "bench/handwritten/BenchSupport.h"

namespace {

struct Acc {
  uint64_t n = 0, doom = 0;
  double riskSum = 0;
  std::vector<double> risks;
  void merge(Acc& o) {
    n += o.n, doom += o.doom, riskSum += o.riskSum;
    risks.insert(risks.end(), o.risks.begin(), o.risks.end());
  }
};

double quantile(std::vector<double>& v, double q) {
  size_t k = static_cast<size_t>(q * double(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  bench::Args args = bench::parseArgs(argc, argv);
  // `--scenario point_estimates` or `--scenario uncertain_premises` times that loop alone
  // (bench/speed.py's rows of each scenario).
  std::string only;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--scenario") only = argv[i + 1];
  bool pointOnly = only == "point_estimates", uncertainOnly = only == "uncertain_premises";
  bench::Timer timer;
  // point_estimates: one step, one draw.
  bench::Args pointArgs = args;
  if (uncertainOnly) pointArgs.trials = 0;
  Acc point = bench::runBlocks<Acc>(pointArgs, [&](uint64_t first, uint64_t count, Acc& acc) {
    OmenTrialContext ctx;
    for (uint64_t i = first; i < first + count; ++i) {
      omen_rt_begin_trial(&ctx, args.seed, i);
      acc.doom += omen_rt_bernoulli(&ctx, 0, 0.65 * 0.8 * 0.4 * 0.65 * 0.4 * 0.95);
      ++acc.n;
    }
  });
  if (pointOnly) {
    std::printf("point P(doom)=%.17g\n", double(point.doom) / point.n);
    double s = timer.seconds();
    std::printf("seconds %.6f trials_per_second %.1f\n", s, double(args.trials) / s);
    return 0;
  }
  // uncertain_premises: six beta premises, their product, then the step.
  Acc uncertain = bench::runBlocks<Acc>(args, [&](uint64_t first, uint64_t count, Acc& acc) {
    OmenTrialContext ctx;
    acc.risks.reserve(count);
    for (uint64_t i = first; i < first + count; ++i) {
      omen_rt_begin_trial(&ctx, args.seed, i);
      double timelines = omen_rt_beta(&ctx, 0, 13, 7), incentives = omen_rt_beta(&ctx, 0, 16, 4);
      double alignment = omen_rt_beta(&ctx, 0, 8, 12), power = omen_rt_beta(&ctx, 0, 13, 7);
      double scale = omen_rt_beta(&ctx, 0, 8, 12), catastrophe = omen_rt_beta(&ctx, 0, 19, 1);
      double risk = timelines * incentives * alignment * power * scale * catastrophe;
      acc.doom += omen_rt_bernoulli(&ctx, 0, timelines * incentives * alignment * power * scale * catastrophe);
      acc.riskSum += risk;
      acc.risks.push_back(risk);
      ++acc.n;
    }
  });
  if (!uncertainOnly) std::printf("point P(doom)=%.17g\n", double(point.doom) / point.n);
  std::printf("uncertain P(doom)=%.17g E(risk)=%.17g q05=%.17g q50=%.17g q95=%.17g\n",
              double(uncertain.doom) / uncertain.n, uncertain.riskSum / uncertain.n,
              quantile(uncertain.risks, 0.05), quantile(uncertain.risks, 0.5), quantile(uncertain.risks, 0.95));
  double s = timer.seconds();
  std::printf("seconds %.6f trials_per_second %.1f\n", s, (uncertainOnly ? 1.0 : 2.0) * args.trials / s);
}
