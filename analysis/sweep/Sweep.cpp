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
#include "analysis/compare/AnalysisSides.h"
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
  auto usage = usageOf(out);
  if (options.trials == 0 || options.trials > kMaxTrials) return usage("the trial count must be from 1 to 1e12");
  if (request.axes.empty() || request.axes.size() > 2) return usage("vary one or two params (--vary NAME=LO:HI:N)");
  if (request.axes.size() == 2 && request.axes[0].param == request.axes[1].param)
    return usage("--vary " + request.axes[0].param + " is given twice");

  std::vector<std::string> names;
  for (const SweepAxisRequest& a : request.axes) {
    names.push_back(a.param);
    for (const auto& [name, value] : options.overrides)
      if (name == a.param) return usage("--set " + name + " and --vary " + name + " name the same param; drop one");
  }
  std::vector<AnalysisSide> sides;
  std::string error;
  if (Failure f = analysisSides(source, request.scenario, request.comparison, names, options, sides, error);
      f != Failure::None)
    return failWith(out, f, error);
  const bool comparing = sides.size() == 2;
  const AnalysisSide& sideA = sides[0];
  const ScenarioInfo& info = sideA.kernel->info();
  result.scenario = comparing ? sides[0].name + " vs " + sides[1].name : info.name;
  if (comparing) {
    result.sideA = sides[0].name;
    result.sideB = sides[1].name;
  }

  uint64_t total = 1;
  for (size_t a = 0; a < request.axes.size(); ++a) {
    const ParamInfo* p = sideA.varied[a];
    SweepAxis axis{p->name, p->type, request.axes[a].log, {}};
    error = sweepGrid(*p, request.axes[a], request.axes[a].points ? request.axes[a].points : request.defaultPoints,
                      axis.values);
    if (!error.empty()) return usage(error);
    total *= axis.values.size();
    result.axes.push_back(std::move(axis));
  }
  if (total > kMaxSweepPoints) return usage(fmt::format("the grid has {} points; at most {} are allowed", total, kMaxSweepPoints));

  // Each grid point runs every side: alone, paired with the previous grid point along the
  // first axis (the step); compared, side B then side A, A paired with B (A - B).
  const size_t nx = result.axes[0].values.size();
  const size_t perPoint = sides.size();
  std::vector<SweepPointSettings> settings(total * perPoint);
  for (size_t k = 0; k < total; ++k) {
    SweepPoint point;
    size_t rest = k;
    for (size_t a = 0; a < result.axes.size(); ++a) {
      size_t n = result.axes[a].values.size();
      point.at.push_back(result.axes[a].values[rest % n]);
      rest /= n;
    }
    for (size_t s = 0; s < perPoint; ++s) {
      const size_t side = perPoint - 1 - s;  // B before A
      SweepPointSettings& run = settings[k * perPoint + s];
      run.kernel = side;
      run.overrides = sides[side].base;
      run.pairsWithPrevious = comparing ? side == 0 : k % nx != 0;
      for (size_t a = 0; a < result.axes.size(); ++a)
        pinParam(sides[side].kernel->info(), names[a], paramValueOf(*sides[side].varied[a], point.at[a]),
                 run.overrides);
    }
    result.points.push_back(std::move(point));
  }

  DriverOptions driver;
  if (std::string e = driverOptions(options, *sideA.kernel, driver); !e.empty()) return usage(e);
  std::vector<SweepKernel> kernels;
  for (const AnalysisSide& side : sides) kernels.push_back({side.kernel, side.targets});

  // A runtime error at one point keeps the others: the sweep runs again without the failing
  // point (each point's estimates depend only on its own settings and the streams, so the
  // others come out as they would have), and the failed point is marked with its error.
  std::vector<size_t> live(total);
  for (size_t k = 0; k < total; ++k) live[k] = k;
  SweepRun run;
  for (;;) {
    std::vector<SweepPointSettings> active;
    for (size_t i = 0; i < live.size(); ++i)
      for (size_t s = 0; s < perPoint; ++s) {
        active.push_back(settings[live[i] * perPoint + s]);
        if (!comparing)
          active.back().pairsWithPrevious = active.back().pairsWithPrevious && i > 0 && live[i - 1] + 1 == live[i];
      }
    run = runSweep(kernels, driver, active);
    result.seconds += run.seconds;
    if (!run.error) {
      for (size_t i = 0; i < live.size(); ++i)
        for (size_t s = 0; s < perPoint; ++s)
          settings[live[i] * perPoint + s].pairsWithPrevious = active[i * perPoint + s].pairsWithPrevious;
      break;
    }
    const size_t failedRun = run.failedPoint, failed = live[failedRun / perPoint];
    const AnalysisSide& side = sides[active[failedRun].kernel];
    std::string at;
    for (size_t a = 0; a < result.axes.size(); ++a)
      at += (a ? ", " : "") + result.axes[a].param + " = " +
            formatParamValue(*side.varied[a], result.points[failed].at[a]);
    result.points[failed].error = source.renderError(side.index, *run.error) + "note: at the sweep point " + at +
                                  (comparing ? " of " + side.name : "") + "\n";
    live.erase(live.begin() + static_cast<std::ptrdiff_t>(failedRun / perPoint));
    if (live.empty()) {
      out.failure = Failure::Runtime;
      out.error = result.points[failed].error;
      return out;
    }
  }
  result.trialsCompleted = run.trialsCompleted;
  result.partial = run.partial;
  // The other params: neither varied nor set per side (the side names show those).
  for (const ParamValue& p : run.params) {
    bool varied = false;
    for (const SweepAxis& a : result.axes) varied |= a.param == p.name;
    for (const auto* sets : {&request.comparison.setA, &request.comparison.setB})
      for (const auto& [name, value] : *sets) varied |= name == p.name;
    if (!varied) result.params.push_back(p);
  }
  // A failed point has every report undefined (plots and tables skip it), and its error.
  // (Side A runs last at each point of a comparison.)
  const std::vector<ReportResult>& shapes = run.reports[perPoint - 1];
  for (SweepPoint& point : result.points)
    for (const ReportResult& shape : shapes) {
      ReportResult none;
      none.label = shape.label;
      none.kind = shape.kind;
      none.conditional = shape.conditional;
      none.undefined = true;
      none.hasSpread = false;
      point.reports.push_back(none);
    }
  for (size_t i = 0; i < live.size(); ++i) {
    const size_t k = live[i], runA = i * perPoint + perPoint - 1;
    SweepPoint& point = result.points[k];
    point.reports = run.reports[runA];
    point.evidence = run.evidence[runA];
    if (!run.precision.empty())
      point.precision = comparing ? bothSides(run.precision[runA], run.precision[runA - 1], sides) : run.precision[runA];
    if (comparing) {
      for (Comparison& c : run.steps[runA])
        if (c.kind != ReportKind::Quantiles) point.differences.push_back(std::move(c));
      continue;
    }
    if (i == 0 || !settings[k].pairsWithPrevious) continue;
    SweepStep step{k - 1, k, {}};
    for (Comparison& c : run.steps[i])
      if (c.kind != ReportKind::Quantiles) step.differences.push_back(std::move(c));
    result.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace omen::rt
