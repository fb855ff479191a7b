//===- Voi.cpp - `omen voi`: value of information --------------------------===//

#include "analysis/voi/Voi.h"

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include "analysis/worlds/Worlds.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/RunScenarios.h"

namespace omen::rt {

double evpi(const std::vector<std::vector<double>>& values, const std::vector<size_t>& worlds) {
  std::vector<double> mean(values.size(), 0.0);
  double informed = 0;
  for (size_t w : worlds) {
    double best = -HUGE_VAL;
    for (size_t d = 0; d < values.size(); ++d) best = std::max(best, values[d][w]), mean[d] += values[d][w];
    informed += best;
  }
  const double n = static_cast<double>(worlds.size());
  return informed / n - *std::max_element(mean.begin(), mean.end()) / n;
}

double evppi(const std::vector<std::vector<double>>& values, const std::vector<double>& param,
             const std::vector<size_t>& worlds) {
  const size_t n = worlds.size();
  // The param's rank in (-1, 1): a cubic in it follows any monotone response, and ranks keep
  // a heavy-tailed param's extremes from steering the fit.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return param[worlds[a]] < param[worlds[b]]; });
  Eigen::MatrixXd basis(n, 4);
  for (size_t r = 0; r < n; ++r) {
    const double u = 2.0 * (static_cast<double>(r) + 0.5) / static_cast<double>(n) - 1.0;
    basis.row(order[r]) << 1.0, u, u * u, u * u * u;
  }
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(basis);
  std::vector<std::vector<double>> fitted(values.size(), std::vector<double>(n));
  for (size_t d = 0; d < values.size(); ++d) {
    Eigen::VectorXd y(n);
    for (size_t i = 0; i < n; ++i) y(i) = values[d][worlds[i]];
    Eigen::VectorXd g = basis * qr.solve(y);
    for (size_t i = 0; i < n; ++i) fitted[d][i] = g(i);
  }
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  return evpi(fitted, all);
}

namespace {

std::string settingText(const ParamInfo& p, double v) {
  if (p.type == ValueType::Int) return std::to_string(static_cast<long long>(std::llround(v)));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// A 95% percentile interval of `estimate` over bootstrap resamples of the worlds.
template <typename Estimate>
VoiValue withInterval(std::string name, size_t worlds, uint64_t resamples, uint64_t seed, Estimate estimate) {
  VoiValue v;
  v.name = std::move(name);
  std::vector<size_t> all(worlds);
  for (size_t i = 0; i < worlds; ++i) all[i] = i;
  v.value = estimate(all);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, worlds - 1);
  std::vector<double> replicates;
  std::vector<size_t> sample(worlds);
  for (uint64_t r = 0; r < resamples; ++r) {
    for (size_t& s : sample) s = pick(rng);
    replicates.push_back(estimate(sample));
  }
  std::sort(replicates.begin(), replicates.end());
  auto at = [&](double q) { return replicates[static_cast<size_t>(std::floor(q * (replicates.size() - 1)))]; };
  v.low = replicates.empty() ? v.value : at(0.025);
  v.high = replicates.empty() ? v.value : at(0.975);
  return v;
}

}  // namespace

VoiOutcome valueOfInformation(ScenarioSource& source, const RunOptions& options, const VoiOptions& what) {
  auto start = std::chrono::steady_clock::now();
  VoiOutcome out;
  VoiResult& result = out.result;
  describeRun(result, source, options);
  result.maximize = what.maximize;
  result.decide = what.decide;
  result.report = what.report;
  auto usage = usageOf(out);
  if (what.decide.empty()) return usage("say which param is the decision: --decide PARAM");
  if (what.report.empty()) return usage("say what the decision is for: --maximize REPORT or --minimize REPORT");
  if (options.worlds < 2) return usage("--worlds must be at least 2");
  if (what.options < 2 || what.options > 101) return usage("--options must be from 2 to 101");

  PreparedRun prepared;
  const Kernel* chosen = prepareAnalysis(out, source, what.scenario, options, prepared);
  if (!chosen) return out;
  const ScenarioInfo& info = chosen->info();

  size_t decided = 0;
  if (std::string e = findParam(info, what.decide, decided); !e.empty()) return usage(e);
  const ParamInfo* decision = &info.params[decided];
  if (decision->uncertain || decision->type == ValueType::Bool || !decision->hasRange)
    return usage("the decision '" + what.decide + "' must be a fixed int or real param with a declared range of options, e.g. `param " +
                 what.decide + " = 0 in [0, 1]`");
  for (const auto& [setName, value] : options.overrides)
    if (setName == what.decide) return usage("param '" + what.decide + "' is both the decision (--decide) and set (--set)");
  size_t report = 0;
  if (std::string e = findReport(info, what.report, report); !e.empty()) return usage(e);
  if (info.reports[report].kind == ReportKind::Quantiles || info.reports[report].conditional)
    return usage("report '" + what.report + "' must be an unconditional P(…) or E(…) report: the decision's value needs one in every world");

  if (decision->type == ValueType::Int) {
    if (decision->hi - decision->lo > 100) return usage("the decision '" + what.decide + "' has more than 101 whole values; narrow its range");
    for (double v = decision->lo; v <= decision->hi; ++v) result.options.push_back(v);
  } else {
    for (uint64_t i = 0; i < what.options; ++i)
      result.options.push_back(decision->lo + (decision->hi - decision->lo) * double(i) / double(what.options - 1));
  }

  // One two-level run per option, on the same seed: the same worlds and trials (CRN).
  std::vector<std::vector<double>> values;
  std::vector<std::string> epistemic;
  std::vector<std::vector<double>> epistemicValues;
  for (double option : result.options) {
    RunOptions o = options;
    o.scenarios = {info.name};
    o.exceed.clear();
    o.overrides.push_back({what.decide, settingText(*decision, option)});
    WorldsOutcome worlds = runWorlds(source, o);
    if (!worlds.ok()) return failWith(out, worlds.failure, worlds.error);
    const WorldsScenario& s = worlds.result.scenarios.at(0);
    if (s.partial) {  // Ctrl-C: nothing is estimated from a part of the options
      result.partial = true;
      result.worlds = worlds.result.worlds;
      result.trials = worlds.result.trials;
      result.seconds = detail::secondsSince(start);
      return out;
    }
    ++result.optionsDone;
    values.push_back(s.reports.at(report).values);
    if (values.back().size() != options.worlds)
      return usage("report '" + what.report + "' has no value in some worlds");
    if (!what.maximize)
      for (double& v : values.back()) v = -v;
    epistemic = s.epistemic;
    epistemicValues = s.epistemicValues;
    result.worlds = worlds.result.worlds;
    result.trials = worlds.result.trials;
    result.threads = worlds.result.threads;
  }
  if (epistemic.empty())
    return usage("scenario '" + info.name + "' has no epistemic params to learn about; declare the uncertainties as `epistemic x ~ …`");

  const size_t w = values[0].size();
  for (const std::vector<double>& v : values) {
    double sum = 0;
    for (double x : v) sum += x;
    result.expected.push_back((what.maximize ? 1 : -1) * sum / double(w));
  }
  for (size_t d = 1; d < values.size(); ++d)
    if ((what.maximize ? 1 : -1) * (result.expected[d] - result.expected[result.best]) > 0) result.best = d;
  result.evpi = withInterval("all", w, what.resamples, options.seed, [&](const std::vector<size_t>& s) { return evpi(values, s); });
  for (size_t e = 0; e < epistemic.size(); ++e)
    result.evppi.push_back(withInterval(epistemic[e], w, what.resamples, options.seed + 1 + e,
                                        [&](const std::vector<size_t>& s) { return evppi(values, epistemicValues[e], s); }));
  result.seconds = detail::secondsSince(start);
  return out;
}

}  // namespace omen::rt
