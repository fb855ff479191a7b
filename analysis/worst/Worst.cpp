//===- Worst.cpp - `omen worst`: an adversary's best strategy ---------------===//

#include "analysis/worst/Worst.h"

#include <chrono>
#include <cmath>
#include <nlopt.hpp>

#include <fmt/format.h>

#include "runtime/host/DriverSupport.h"
#include "runtime/host/RunScenarios.h"

namespace omen::rt {
namespace {

struct Search {
  const Kernel* kernel = nullptr;
  DriverOptions driver;
  std::vector<size_t> params;  ///< indices into kernel->info().params
  size_t report = 0;
  bool maximize = true;
  uint64_t evaluations = 0;
  std::optional<RunError> error;
  // The best point seen, so that the answer never depends on what NLopt returns after a
  // stop (a roundoff or a forced stop still leaves the best point evaluated).
  std::vector<double> best;
  double bestValue = 0;
  bool any = false;
};

double snap(const ParamInfo& p, double v) { return p.type == ValueType::Int ? std::round(v) : v; }

// The report at x (the searched params pinned, snapped to whole numbers for int params).
double evaluate(Search& s, const std::vector<double>& x) {
  const ScenarioInfo& info = s.kernel->info();
  DriverOptions o = s.driver;
  o.progress = false;
  for (size_t i = 0; i < s.params.size(); ++i) {
    const ParamInfo& p = info.params[s.params[i]];
    Value v;
    if (p.type == ValueType::Real) v.r = x[i];
    else v.i = static_cast<int64_t>(snap(p, x[i]));
    pinParam(info, p.name, v, o.overrides);
  }
  ++s.evaluations;
  ScenarioResult r = run(*s.kernel, o);
  if (r.error) {
    s.error = r.error;
    throw nlopt::forced_stop();
  }
  if (s.driver.cancel && s.driver.cancel->load()) throw nlopt::forced_stop();
  const ReportResult& rep = r.reports[s.report];
  // A conditional report whose condition never held has no estimate: the worst for the search.
  double value = rep.undefined ? (s.maximize ? -HUGE_VAL : HUGE_VAL) : rep.estimate;
  if (!s.any || (s.maximize ? value > s.bestValue : value < s.bestValue)) {
    s.any = true;
    s.best = x;
    s.bestValue = value;
  }
  return value;
}

double objective(const std::vector<double>& x, std::vector<double>&, void* data) {
  return evaluate(*static_cast<Search*>(data), x);
}

void minimiseOrMaximise(nlopt::opt& opt, Search& s) {
  if (s.maximize) opt.set_max_objective(objective, &s);
  else opt.set_min_objective(objective, &s);
}

}  // namespace

WorstOutcome worstCase(ScenarioSource& source, const RunOptions& options, const WorstOptions& what) {
  auto start = std::chrono::steady_clock::now();
  WorstOutcome out;
  WorstResult& result = out.result;
  describeRun(result, source, options);
  result.maximize = what.maximize;
  result.freshSeed = options.seed ^ kFreshSeedXor;
  auto usage = usageOf(out);
  if (what.over.empty()) return usage("say which params the model controls: --over x,y");
  if (what.report.empty()) return usage("say what the model wants: --maximize REPORT or --minimize REPORT");
  if (what.evaluations < 4 || what.evaluations > 100000) return usage("--evaluations must be from 4 to 100000");
  if (!options.precision.empty())
    return usage("--precision and --rel-precision do not apply to worst: every run of the search takes --trials "
                 "trials on the same streams, so that the search compares like with like");

  PreparedRun prepared;
  const Kernel* chosen = prepareAnalysis(out, source, what.scenario, options, prepared);
  if (!chosen) return out;
  const Kernel& kernel = *chosen;
  const ScenarioInfo& info = kernel.info();
  if (std::string e = refuseWeighted(info, "worst"); !e.empty()) return usage(e);

  Search s;
  s.kernel = &kernel;
  s.maximize = what.maximize;
  if (std::string e = driverOptions(options, kernel, s.driver); !e.empty()) return usage(e);
  if (std::string e = findReport(info, what.report, s.report); !e.empty()) return usage(e);
  if (info.reports[s.report].kind == ReportKind::Quantiles)
    return usage("report '" + what.report + "' is a quantiles report; worst needs a P(…) or E(…) report");
  result.report = what.report;

  std::vector<double> lower, upper, declaredAt;
  for (const std::string& name : what.over) {
    size_t i = 0;
    if (std::string e = findParam(info, name, i); !e.empty()) return usage(e);
    const ParamInfo& p = info.params[i];
    if (p.type == ValueType::Bool) return usage("param '" + name + "' is a bool; worst searches int and real params");
    if (!p.hasRange)
      return usage("param '" + name + "' has no declared range to search; declare one, e.g. `param " + name +
                   " = … in [lo, hi]`");
    for (size_t j : s.params)
      if (j == i) return usage("param '" + name + "' is named twice in --over");
    for (const auto& [setName, value] : options.overrides)
      if (setName == name) return usage("param '" + name + "' is both searched (--over) and set (--set)");
    s.params.push_back(i);
    lower.push_back(p.lo);
    upper.push_back(p.hi);
    result.at.push_back({name, p.lo, p.hi, 0});
  }

  // Global search, then a local polish from the best point.
  const unsigned n = static_cast<unsigned>(s.params.size());
  uint64_t global = std::max<uint64_t>(2, what.evaluations * 3 / 4);
  std::vector<double> x(n);
  for (unsigned i = 0; i < n; ++i) x[i] = (lower[i] + upper[i]) / 2;
  result.algorithm = "NLOPT_GN_DIRECT_L, then NLOPT_LN_SBPLX";
  try {
    nlopt::opt direct(nlopt::GN_DIRECT_L, n);
    direct.set_lower_bounds(lower);
    direct.set_upper_bounds(upper);
    direct.set_maxeval(static_cast<int>(global));
    minimiseOrMaximise(direct, s);
    double value = 0;
    direct.optimize(x, value);
  } catch (const std::exception&) {
    // A forced stop (run error, Ctrl-C) or a roundoff stop: handled below from `s`.
  }
  if (!s.error && s.any && what.evaluations > s.evaluations && !(s.driver.cancel && s.driver.cancel->load())) {
    try {
      nlopt::opt polish(nlopt::LN_SBPLX, n);
      polish.set_lower_bounds(lower);
      polish.set_upper_bounds(upper);
      polish.set_maxeval(static_cast<int>(what.evaluations - s.evaluations));
      // Steps wider than a whole-number step of an int param, so the simplex can move.
      std::vector<double> step(n);
      for (unsigned i = 0; i < n; ++i)
        step[i] = std::max((upper[i] - lower[i]) / 20, info.params[s.params[i]].type == ValueType::Int ? 1.0 : 0.0);
      polish.set_initial_step(step);
      minimiseOrMaximise(polish, s);
      std::vector<double> from = s.best;
      double value = 0;
      polish.optimize(from, value);
    } catch (const std::exception&) {
    }
  }
  result.evaluations = s.evaluations;
  if (s.error) {
    out.failure = Failure::Runtime;
    out.error = source.renderError(prepared.indices[0], *s.error);
    return out;
  }
  // Ctrl-C: the best point of the runs that finished, marked partial, not re-estimated.
  auto cancelled = [&] { return s.driver.cancel && s.driver.cancel->load(); };
  result.found = s.any;
  if (s.any) {
    for (unsigned i = 0; i < n; ++i) result.at[i].value = snap(info.params[s.params[i]], s.best[i]);
    result.searchEstimate = s.bestValue;
  }
  if (cancelled()) {
    result.partial = true;
    result.seconds = detail::secondsSince(start);
    return out;
  }
  if (!std::isfinite(s.bestValue)) {
    // A conditional report whose condition held in no trial at any point searched: there is
    // no worst case to report, only nan (issue 22).
    out.failure = Failure::Runtime;
    out.error = fmt::format("report '{}' has no value anywhere the search looked: its condition (`| …`) held in no "
                            "trial of any of the {} runs of {} trials; worst needs a report with a value (choose "
                            "another with --report, or run more --trials)\n",
                            what.report, s.evaluations, options.trials);
    return out;
  }

  // The optimum and the scenario as declared, both on fresh streams.
  DriverOptions fresh = s.driver;
  fresh.seed = result.freshSeed;
  ScenarioResult declared = run(kernel, fresh);
  for (unsigned i = 0; i < n; ++i) {
    const ParamInfo& p = info.params[s.params[i]];
    Value v;
    if (p.type == ValueType::Real) v.r = result.at[i].value;
    else v.i = static_cast<int64_t>(result.at[i].value);
    pinParam(info, p.name, v, fresh.overrides);
  }
  ScenarioResult optimum = run(kernel, fresh);
  for (const ScenarioResult* r : {&declared, &optimum})
    if (r->error) {
      out.failure = Failure::Runtime;
      out.error = source.renderError(prepared.indices[0], *r->error);
      return out;
    }
  if (declared.partial || optimum.partial) {
    result.partial = true;
    result.seconds = detail::secondsSince(start);
    return out;
  }
  result.fresh = optimum.reports[s.report];
  result.declared = declared.reports[s.report];
  result.seconds = detail::secondsSince(start);
  return out;
}

}  // namespace omen::rt
