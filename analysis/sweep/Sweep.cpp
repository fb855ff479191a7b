//===- Sweep.cpp - `omen sweep`: one scenario over a grid of one or two params ===//
#include "analysis/sweep/Sweep.h"

#include <cmath>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "core/ClosestName.h"
#include "runtime/host/ParamValue.h"
#include "runtime/host/Precision.h"
#include "runtime/host/RunScenarios.h"
#include "runtime/host/Settings.h"
#include "analysis/sweep/SweepDriver.h"

namespace omen::rt {

namespace {
/// A grid bigger than this is a likely typo (a 2-param sweep multiplies its axes).
constexpr uint64_t kMaxSweepPoints = 10'000;
}  // namespace

std::string chooseAnalysisScenario(ScenarioSource& source, const std::string& requested,
                                   const std::vector<std::string>& params, size_t& index) {
  std::vector<std::string> names = source.scenarioNames();
  if (!requested.empty()) {
    std::vector<size_t> chosen;
    std::string error = selectScenarios(names, {requested}, chosen);
    if (error.empty()) index = chosen[0];
    return error;
  }
  std::vector<size_t> having;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string error;
    const Kernel* k = source.kernel(i, error);
    if (!k) return "internal error: " + error;
    bool all = true;
    for (const std::string& p : params) {
      bool found = false;
      for (const ParamInfo& info : k->info().params) found |= info.name == p;
      all &= found;
    }
    if (all) having.push_back(i);
  }
  if (having.size() == 1) {
    index = having[0];
    return "";
  }
  std::string which;
  for (const std::string& p : params) which += (which.empty() ? "'" : " and '") + p + "'";
  if (having.empty()) {
    if (names.empty()) return "the file declares no scenario";
    return "no scenario declares " + which + "; the scenarios are " + fmt::format("{}", fmt::join(names, ", "));
  }
  std::string list;
  for (size_t i : having) list += (list.empty() ? "" : ", ") + names[i];
  return fmt::format("{} scenarios declare {} ({}); choose one with --scenario", having.size(), which, list);
}

const ParamInfo* findParam(const ScenarioInfo& info, const std::string& name, std::string& error) {
  std::vector<std::string> known;
  for (const ParamInfo& p : info.params) {
    if (p.name == name) {
      if (p.type == ValueType::Bool) {
        error = "param '" + name + "' is a bool; only int and real params can be varied";
        return nullptr;
      }
      return &p;
    }
    known.push_back(p.name);
  }
  error = "scenario '" + info.name + "' has no param named '" + name + "'" + didYouMean(name, known);
  return nullptr;
}

std::string readBound(const ParamInfo& param, const std::string& text, bool upper, double& out) {
  if (text.empty()) {
    if (!param.hasRange)
      return fmt::format("param '{}' declares no range; give one ({}=LO:HI) or declare it (`param {} = … in [lo, hi]`)",
                         param.name, param.name, param.name);
    out = upper ? param.hi : param.lo;
    return "";
  }
  Value v;
  std::string error;
  if (!parseParamValue(text, param.type, v, error)) return param.name + "=" + text + ": " + error;
  out = param.type == ValueType::Int ? double(v.i) : v.r;
  if (std::string range = outsideRange(param, out); !range.empty()) return text + " is " + range;
  return "";
}

Value paramValueOf(const ParamInfo& param, double value) {
  Value v;
  if (param.type == ValueType::Int)
    v.i = static_cast<int64_t>(std::llround(value));
  else
    v.r = value;
  return v;
}

namespace {
/// The point a fraction f of the way from lo to hi on a log scale. A decade is exactly
/// 10^k as written ("1e23" read correctly rounded), so a grid over [1e19, 1e26] holds
/// 1e+19 … 1e+26, not exp/log round-off such as 999999999999998296064.
double logGridPoint(double lo, double hi, double f) {
  double exponent = std::log10(lo) + f * (std::log10(hi) - std::log10(lo));
  double decade = std::round(exponent);
  if (std::abs(exponent - decade) < 1e-9) return std::strtod(fmt::format("1e{}", decade).c_str(), nullptr);
  return std::pow(10.0, exponent);
}
}  // namespace

std::string sweepGrid(const ParamInfo& param, const SweepAxisRequest& axis, uint32_t points, std::vector<double>& out) {
  double lo, hi;
  if (std::string e = readBound(param, axis.lo, false, lo); !e.empty()) return e;
  if (std::string e = readBound(param, axis.hi, true, hi); !e.empty()) return e;
  if (!(lo < hi)) return fmt::format("--vary {}: the low end must be below the high end", param.name);
  if (points < 2 || points > kMaxSweepPoints)
    return fmt::format("--vary {}: the number of points must be from 2 to {}", param.name, kMaxSweepPoints);
  if (axis.log && lo <= 0) return fmt::format("--vary {} --log: a log grid needs a low end above 0", param.name);
  out.clear();
  for (uint32_t i = 0; i < points; ++i) {
    double f = double(i) / (points - 1);
    // A weighted mean of the ends, not lo + f·(hi − lo): 0.1 and 0.5 give 0.3 halfway,
    // not 0.30000000000000004.
    double v = axis.log ? logGridPoint(lo, hi, f) : (lo * (points - 1 - i) + hi * i) / (points - 1);
    if (i == 0) v = lo;  // the ends exactly as asked, whatever the rounding of the steps
    if (i + 1 == points) v = hi;
    if (param.type == ValueType::Int) v = std::round(v);
    if (out.empty() || v != out.back()) out.push_back(v);
  }
  return "";
}

SweepOutcome sweepScenario(ScenarioSource& source, const SweepRequest& request, const RunOptions& options) {
  SweepOutcome out;
  SweepResult& result = out.result;
  describeRun(result, source, options);
  auto usage = [&](std::string message) { return failWith(out, Failure::Options, std::move(message)); };
  if (options.trials == 0 || options.trials > kMaxTrials) return usage("the trial count must be from 1 to 1e12");
  if (request.axes.empty() || request.axes.size() > 2) return usage("vary one or two params (--vary NAME=LO:HI:N)");
  if (request.axes.size() == 2 && request.axes[0].param == request.axes[1].param)
    return usage("--vary " + request.axes[0].param + " is given twice");

  std::vector<std::string> names;
  for (const SweepAxisRequest& a : request.axes) names.push_back(a.param);
  size_t index = 0;
  if (std::string e = chooseAnalysisScenario(source, request.scenario, names, index); !e.empty())
    return usage(e);
  std::string error;
  const Kernel* kernel = source.kernel(index, error);
  if (!kernel) return failWith(out, Failure::Runtime, "internal error: " + error);
  const ScenarioInfo& info = kernel->info();
  result.scenario = info.name;

  std::vector<const ParamInfo*> params;
  uint64_t total = 1;
  for (const SweepAxisRequest& a : request.axes) {
    const ParamInfo* p = findParam(info, a.param, error);
    if (!p) return usage(error);
    for (const auto& [name, value] : options.overrides)
      if (name == a.param) return usage("--set " + name + " and --vary " + name + " name the same param; drop one");
    SweepAxis axis{p->name, p->type, a.log, {}};
    error = sweepGrid(*p, a, a.points ? a.points : request.defaultPoints, axis.values);
    if (!error.empty()) return usage(error);
    total *= axis.values.size();
    params.push_back(p);
    result.axes.push_back(std::move(axis));
  }
  if (total > kMaxSweepPoints) return usage(fmt::format("the grid has {} points; at most {} are allowed", total, kMaxSweepPoints));

  if (std::string e = checkSettings(options.overrides, {&info}); !e.empty()) return usage(e);
  std::vector<Override> base;
  if (std::string e = pinSettings(options.overrides, info, base); !e.empty()) return usage(e);

  const size_t nx = result.axes[0].values.size();
  std::vector<SweepPointSettings> settings(total);
  for (size_t k = 0; k < total; ++k) {
    SweepPoint point;
    settings[k].overrides = base;
    settings[k].pairsWithPrevious = k % nx != 0;
    size_t rest = k;
    for (size_t a = 0; a < result.axes.size(); ++a) {
      size_t n = result.axes[a].values.size();
      double v = result.axes[a].values[rest % n];
      rest /= n;
      point.at.push_back(v);
      pinParam(info, params[a]->name, paramValueOf(*params[a], v), settings[k].overrides);
    }
    result.points.push_back(std::move(point));
  }

  if (std::string e = checkTargets(options.precision, {&info}); !e.empty()) return usage(e);
  DriverOptions driver;
  if (std::string e = driverOptions(options, *kernel, driver); !e.empty()) return usage(e);

  // A runtime error at one point keeps the others: the sweep runs again without the failing
  // point (each point's estimates depend only on its own settings and the streams, so the
  // others come out as they would have), and the failed point is marked with its error.
  std::vector<size_t> live(total);
  for (size_t k = 0; k < total; ++k) live[k] = k;
  SweepRun run;
  for (;;) {
    std::vector<SweepPointSettings> active;
    for (size_t i = 0; i < live.size(); ++i) {
      active.push_back(settings[live[i]]);
      active.back().pairsWithPrevious = settings[live[i]].pairsWithPrevious && i > 0 && live[i - 1] + 1 == live[i];
    }
    run = runSweep(*kernel, driver, active);
    result.seconds += run.seconds;
    if (!run.error) {
      for (size_t i = 0; i < live.size(); ++i) settings[live[i]].pairsWithPrevious = active[i].pairsWithPrevious;
      break;
    }
    size_t failed = live[run.failedPoint];
    std::string at;
    for (size_t a = 0; a < result.axes.size(); ++a)
      at += (a ? ", " : "") + result.axes[a].param + " = " + formatParamValue(*params[a], result.points[failed].at[a]);
    result.points[failed].error = source.renderError(index, *run.error) + "note: at the sweep point " + at + "\n";
    live.erase(live.begin() + static_cast<std::ptrdiff_t>(run.failedPoint));
    if (live.empty()) {
      out.failure = Failure::Runtime;
      out.error = result.points[failed].error;
      return out;
    }
  }
  result.trialsCompleted = run.trialsCompleted;
  result.partial = run.partial;
  for (const ParamValue& p : run.params) {
    bool varied = false;
    for (const SweepAxis& a : result.axes) varied |= a.param == p.name;
    if (!varied) result.params.push_back(p);
  }
  // A failed point has every report undefined (plots and tables skip it), and its error.
  for (SweepPoint& point : result.points)
    for (const ReportResult& shape : run.reports[0]) {
      ReportResult none;
      none.label = shape.label;
      none.kind = shape.kind;
      none.conditional = shape.conditional;
      none.undefined = true;
      none.hasSpread = false;
      point.reports.push_back(none);
    }
  for (size_t i = 0; i < live.size(); ++i) {
    result.points[live[i]].reports = run.reports[i];
    if (!run.precision.empty()) result.points[live[i]].precision = run.precision[i];
    if (i == 0 || !settings[live[i]].pairsWithPrevious) continue;
    const size_t k = live[i];
    SweepStep step{k - 1, k, {}};
    for (size_t r = 0; r < info.reports.size(); ++r) {
      if (info.reports[r].kind == ReportKind::Quantiles) continue;
      const PairedDifference& d = run.steps[i][r];
      Comparison c;
      c.label = info.reports[r].label;
      c.kind = info.reports[r].kind;
      c.a = run.reports[i][r];
      c.b = run.reports[i - 1][r];
      c.n = run.trialsCompleted;
      c.undefined = d.undefined;
      c.difference = d.difference;
      c.stdError = d.stdError;
      c.ciLow = d.ci.low;
      c.ciHigh = d.ci.high;
      step.differences.push_back(std::move(c));
    }
    result.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace omen::rt
