//===- Solve.cpp - `omen solve`: the param value at which a report hits a target ===//
#include "analysis/solve/Solve.h"

#include <cmath>
#include <optional>

#include <boost/math/tools/toms748_solve.hpp>
#include <fmt/format.h>

#include "core/ClosestName.h"
#include "runtime/host/Precision.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/RunScenarios.h"
#include "runtime/host/Settings.h"
#include "analysis/compare/AnalysisSides.h"
#include "analysis/sweep/Sweep.h"
#include "analysis/sweep/SweepDriver.h"

namespace omen::rt {

namespace {

/// Labels match as written or with spaces ignored, so `P(caught)` finds `P( caught )`.
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

/// A stop for the evaluation loop that carries a RunError out of Boost's solver.
struct Stop {
  std::optional<RunError> error;
  bool cancelled = false;
  double x = 0;
  size_t index = 0;  ///< the failing scenario
};

}  // namespace

SolveOutcome solveScenario(ScenarioSource& source, const SolveRequest& request, const RunOptions& options) {
  SolveOutcome out;
  SolveResult& result = out.result;
  describeRun(result, source, options);
  result.target = request.target;
  result.param = request.param;
  auto usage = usageOf(out);
  if (options.trials == 0 || options.trials > kMaxTrials) return usage("the trial count must be from 1 to 1e12");
  for (const auto& [name, value] : options.overrides)
    if (name == request.param) return usage("--set " + name + " and --find " + name + " name the same param; drop one");
  std::vector<AnalysisSide> sides;
  std::string error;
  if (Failure f = analysisSides(source, request.scenario, request.comparison, {request.param}, options, sides, error);
      f != Failure::None)
    return failWith(out, f, error);
  const bool comparing = sides.size() == 2;
  const ScenarioInfo& info = sides[0].kernel->info();
  result.scenario = comparing ? sides[0].name + " vs " + sides[1].name : info.name;
  if (comparing) {
    result.sideA = sides[0].name;
    result.sideB = sides[1].name;
  }
  const ParamInfo* param = sides[0].varied[0];
  result.type = param->type;
  if (std::string e = readBound(*param, request.lo, false, result.lo); !e.empty()) return usage(e);
  if (std::string e = readBound(*param, request.hi, true, result.hi); !e.empty()) return usage(e);
  if (!(result.lo < result.hi)) return usage("--in: the low end must be below the high end");
  if (request.log && result.lo <= 0) return usage("--log: a log scan needs a bracket above 0 (--in LO:HI with LO > 0)");
  result.log = request.log;

  size_t report = info.reports.size();
  std::vector<std::string> labels;
  for (size_t r = 0; r < info.reports.size(); ++r) {
    labels.push_back(info.reports[r].label);
    if (report == info.reports.size() && squeeze(info.reports[r].label) == squeeze(request.report)) report = r;
  }
  if (report == info.reports.size())
    return usage("scenario '" + info.name + "' has no report '" + request.report + "'" +
                 didYouMean(request.report, labels));
  if (info.reports[report].kind == ReportKind::Quantiles)
    return usage("report '" + request.report + "' is a quantiles report; solve needs a P(...) or E(...) report");
  result.report = info.reports[report].label;
  if (comparing) {
    bool shared = false;
    for (const ReportInfo& r : sides[1].kernel->info().reports)
      shared |= r.label == result.report && r.kind == info.reports[report].kind;
    if (!shared)
      return usage("scenario '" + sides[1].kernel->info().name + "' has no report '" + result.report +
                   "' of the same kind; a comparison solves the difference of a report both sides have");
  }

  DriverOptions driver;
  if (std::string e = driverOptions(options, *sides[0].kernel, driver); !e.empty()) return usage(e);
  std::vector<SweepKernel> kernels;
  for (const AnalysisSide& side : sides) kernels.push_back({side.kernel, side.targets});
  driver.progress = false;
  std::vector<PrecisionOutcome> scanPrecision;
  // Runs the kernel at each x of `xs` on the same streams (a comparison: side B, then side
  // A paired with it); false on error or Ctrl-C. `at` is the response at each x: the report,
  // or the paired difference A - B as a report (`compared` holds both sides).
  Stop stop;
  std::vector<Comparison> compared;
  const size_t perX = sides.size();
  auto evaluate = [&](const std::vector<double>& xs, std::vector<ReportResult>& at) {
    std::vector<SweepPointSettings> points;
    for (double x : xs)
      for (size_t s = 0; s < perX; ++s) {
        const AnalysisSide& side = sides[perX - 1 - s];
        SweepPointSettings& point = points.emplace_back();
        point.kernel = perX - 1 - s;
        point.pairsWithPrevious = comparing && point.kernel == 0;
        point.overrides = side.base;
        pinParam(side.kernel->info(), param->name, paramValueOf(*side.varied[0], x), point.overrides);
      }
    SweepRun run = runSweep(kernels, driver, points);
    result.seconds += run.seconds;
    if (run.error) {
      stop.error = run.error;
      stop.x = xs[run.failedPoint / perX];
      stop.index = sides[points[run.failedPoint].kernel].index;
      return false;
    }
    if (run.partial) {
      stop.cancelled = true;
      return false;
    }
    result.evaluations += uint32_t(xs.size());
    // A precision-targeted solve: the scan ran until every scan point met the targets; the
    // root finder then runs that many trials at every x, so the response stays one function.
    if (driver.precision) {
      scanPrecision.clear();
      for (size_t k = 0; k < xs.size(); ++k)
        scanPrecision.push_back(comparing ? bothSides(run.precision[k * perX + 1], run.precision[k * perX], sides)
                                          : run.precision[k]);
      driver.precision = false;
      driver.trials = run.trialsCompleted;
      result.trials = run.trialsCompleted;
    }
    at.clear();
    compared.clear();
    for (size_t k = 0; k < xs.size(); ++k) {
      const size_t runA = k * perX + perX - 1;
      if (!comparing) {
        at.push_back(run.reports[runA][report]);
        continue;
      }
      for (const Comparison& c : run.steps[runA])
        if (c.label == result.report) compared.push_back(c);
      const Comparison& c = compared.back();
      ReportResult d;
      d.label = c.label;
      d.kind = c.kind;
      d.undefined = c.undefined;
      d.estimate = c.difference;
      d.stdError = c.stdError;
      d.ciLow = c.ciLow;
      d.ciHigh = c.ciHigh;
      d.n = c.n;
      at.push_back(d);
    }
    return true;
  };
  auto fail = [&]() {
    if (stop.cancelled) {
      result.partial = true;  // printed with what finished, and no root
      return out;
    }
    out.failure = Failure::Runtime;
    out.error = source.renderError(stop.index, *stop.error) +
                "note: at " + param->name + " = " + formatParamValue(*param, stop.x) + "\n";
    return out;
  };

  // The scan: where the response crosses the target, how often, and the values for plots.
  const uint32_t n = std::max<uint32_t>(request.scanPoints, 3);
  SweepAxisRequest axis{param->name, request.lo, request.hi, n, request.log};
  std::vector<double> xs;
  if (std::string e = sweepGrid(*param, axis, n, xs); !e.empty()) return usage(e);
  std::vector<ReportResult> scan;
  result.scanPlanned = xs.size();
  if (!evaluate(xs, scan)) return fail();
  for (size_t i = 0; i < xs.size(); ++i) {
    if (scan[i].undefined)
      return usage(fmt::format("report '{}' is undefined at {} = {} (its condition never held); narrow --in",
                               result.report, param->name, formatParamValue(*param, xs[i])));
    result.scanX.push_back(xs[i]);
    result.scanEstimate.push_back(scan[i].estimate);
    result.scanStdError.push_back(scan[i].stdError);
  }
  const double t = request.target, z = request.z;
  auto side = [&](double estimate) { return estimate > t ? 1 : estimate < t ? -1 : 0; };
  std::vector<size_t> crossings;  // segment i: between xs[i] and xs[i + 1]
  for (size_t i = 0; i + 1 < xs.size(); ++i)
    if (side(scan[i].estimate) != side(scan[i + 1].estimate) || side(scan[i].estimate) == 0) crossings.push_back(i);
  auto where = [&](size_t i) { return formatParamValue(*param, xs[i]); };
  std::string range = fmt::format("[{}, {}]", formatParamValue(*param, result.lo), formatParamValue(*param, result.hi));
  if (crossings.empty())
    return usage(fmt::format("the target {} = {} is not crossed for {} in {}: {} goes from {} to {}; widen --in or check the target",
                             result.report, shortestNumber(t), param->name, range, result.report,
                             roundedNumber(scan.front().estimate, scan.front().stdError),
                             roundedNumber(scan.back().estimate, scan.back().stdError)));
  if (crossings.size() > 1) {
    std::string near;
    for (size_t i : crossings) near += (near.empty() ? "" : ", ") + where(i) + ".." + where(i + 1);
    return usage(fmt::format("{} is not monotone in {} for {} in {}: it crosses {} {} times (near {}); narrow --in to one crossing",
                             result.report, param->name, param->name, range, shortestNumber(t), crossings.size(), near));
  }

  // How finely to solve: a hundredth of the interval's expected half-width z se / slope
  // (from the scan segment that crosses), since the root is known no better than that.
  size_t c = crossings[0];
  if (!scanPrecision.empty()) {
    result.precision = scanPrecision[c];
    for (const PrecisionOutcome& p : scanPrecision) result.precision->met &= p.met;
  }
  double slope = std::abs(scan[c + 1].estimate - scan[c].estimate) / (xs[c + 1] - xs[c]);
  double se = std::max(scan[c].stdError, scan[c + 1].stdError);
  double tolerance = slope > 0 && se > 0 ? z * se / slope / 100 : 0;
  tolerance = std::max(tolerance, (result.hi - result.lo) * 1e-9);

  // A root of `g` between a and b (g(a), g(b) of opposite signs, or one of them 0).
  const bool isInt = param->type == ValueType::Int;
  // An int param's response crosses between two whole numbers: both belong to the interval.
  std::optional<std::pair<double, double>> crossedBetween;
  // `inside`: for an int param, end on the integer where g <= 0 (an interval's end);
  // otherwise on the one nearer the target.
  auto solveOn = [&](auto g, double a, double b, double ga, double gb, double& root, bool inside = false) {
    if (ga == 0) return root = a, true;
    if (gb == 0) return root = b, true;
    if (isInt) {
      // The response is a function of whole numbers: bisect them.
      while (b - a > 1) {
        double m = std::floor((a + b) / 2);
        std::optional<double> gm = g(m);
        if (!gm) return false;
        if ((*gm < 0) == (ga < 0))
          a = m, ga = *gm;
        else
          b = m, gb = *gm;
      }
      root = inside ? (ga <= 0 ? a : b) : (std::abs(ga) <= std::abs(gb) ? a : b);
      if (!inside) crossedBetween = {a, b};
      return true;
    }
    double width = isInt ? 1.0 : tolerance;
    std::uintmax_t iterations = 60;
    bool ok = true;
    auto f = [&](double x) {
      if (!ok) return 0.0;
      std::optional<double> v = g(x);
      if (!v) ok = false;
      return v.value_or(0.0);
    };
    std::pair<double, double> bracket{a, b};
    try {
      bracket = boost::math::tools::toms748_solve(
          f, a, b, ga, gb, [&](double lo, double hi) { return hi - lo <= width; }, iterations);
    } catch (const std::exception&) {
      // No sign change after all (a step response can touch the target): keep the bracket.
    }
    root = (bracket.first + bracket.second) / 2;
    return ok;
  };
  auto single = [&](double x) -> std::optional<ReportResult> {
    std::vector<ReportResult> at;
    if (!evaluate({isInt ? std::round(x) : x}, at)) return std::nullopt;
    return at[0];
  };
  auto response = [&](double x) -> std::optional<double> {
    auto r = single(x);
    if (!r) return std::nullopt;
    return r->estimate - t;
  };
  // Outside the interval (> 0) or inside it (<= 0): |estimate - target| - z * stderr.
  auto distance = [&](double x) -> std::optional<double> {
    auto r = single(x);
    if (!r) return std::nullopt;
    return std::abs(r->estimate - t) - z * r->stdError;
  };

  if (!solveOn(response, xs[c], xs[c + 1], scan[c].estimate - t, scan[c + 1].estimate - t, result.root)) return fail();
  auto atRoot = single(result.root);
  if (!atRoot) return fail();
  result.atRoot = *atRoot;
  if (comparing) result.atRootComparison = compared.back();

  // The interval's ends: the nearest scan point on each side that is outside the interval
  // brackets the boundary with the next point towards the root (or the root itself).
  auto outside = [&](size_t i) { return std::abs(scan[i].estimate - t) - z * scan[i].stdError > 0; };
  double dRoot = std::abs(atRoot->estimate - t) - z * atRoot->stdError;
  // Left end.
  {
    std::optional<size_t> L;
    for (size_t i = c + 1; i-- > 0;)
      if (xs[i] < result.root && outside(i)) {
        L = i;
        break;
      }
    if (!L) {
      result.ciLow = result.lo;
      result.ciLowOpen = true;
    } else {
      double b = *L + 1 < xs.size() && xs[*L + 1] < result.root ? xs[*L + 1] : result.root;
      double db = b == result.root ? dRoot : std::abs(scan[*L + 1].estimate - t) - z * scan[*L + 1].stdError;
      double dA = std::abs(scan[*L].estimate - t) - z * scan[*L].stdError;
      if (!solveOn(distance, xs[*L], b, dA, std::min(db, 0.0), result.ciLow, true)) return fail();
    }
  }
  // Right end.
  {
    std::optional<size_t> R;
    for (size_t i = c; i < xs.size(); ++i)
      if (xs[i] > result.root && outside(i)) {
        R = i;
        break;
      }
    if (!R) {
      result.ciHigh = result.hi;
      result.ciHighOpen = true;
    } else {
      double a = *R > 0 && xs[*R - 1] > result.root ? xs[*R - 1] : result.root;
      double da = a == result.root ? dRoot : std::abs(scan[*R - 1].estimate - t) - z * scan[*R - 1].stdError;
      double dB = std::abs(scan[*R].estimate - t) - z * scan[*R].stdError;
      if (!solveOn(distance, a, xs[*R], std::min(da, 0.0), dB, result.ciHigh, true)) return fail();
    }
  }
  result.ciLow = std::min(result.ciLow, result.root);
  result.ciHigh = std::max(result.ciHigh, result.root);
  if (crossedBetween) {
    result.ciLow = std::min(result.ciLow, crossedBetween->first);
    result.ciHigh = std::max(result.ciHigh, crossedBetween->second);
  }
  return out;
}

}  // namespace omen::rt
