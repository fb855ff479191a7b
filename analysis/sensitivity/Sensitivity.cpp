//===- Sensitivity.cpp - `omen sensitivity`, once for every client ---------===//

#include "analysis/sensitivity/Sensitivity.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "runtime/host/DriverSupport.h"
#include "runtime/host/MemoryBudget.h"
#include "runtime/host/RunScenarios.h"
#include "analysis/sensitivity/SobolDesign.h"
#include "analysis/sensitivity/Tornado.h"

namespace omen::rt {
namespace {

// The report named `label` (empty: the first); "" or the usage error.
std::string chooseReport(const ScenarioInfo& info, const std::string& label, size_t& out) {
  if (info.reports.empty()) return "scenario '" + info.name + "' has no report to analyse";
  if (label.empty()) {
    out = 0;
    return "";
  }
  return findReport(info, label, out);
}

}  // namespace

SensitivityOutcome sensitivity(ScenarioSource& source, const RunOptions& options, const SensitivityOptions& what) {
  auto start = std::chrono::steady_clock::now();
  SensitivityOutcome out;
  SensitivityResult& result = out.result;
  describeRun(result, source, options);
  result.level = what.level;
  auto usage = usageOf(out);
  if (what.rows < 2 || what.rows > (uint64_t(1) << 40)) return usage("--rows must be from 2 to 2^40");
  if (!(what.level > 0 && what.level < 1)) return usage("the confidence level must be between 0 and 1");
  if (!options.precision.empty())
    return usage("--precision and --rel-precision do not apply to sensitivity: each tornado end and the Sobol' "
                 "design take a fixed number of trials (--trials, --rows)");

  PreparedRun prepared;
  const Kernel* chosen = prepareAnalysis(out, source, what.scenario, options, prepared);
  if (!chosen) return out;
  const Kernel& kernel = *chosen;
  size_t index = prepared.indices[0];
  const ScenarioInfo& info = kernel.info();
  if (std::string e = refuseWeighted(info, "sensitivity"); !e.empty()) return usage(e);
  size_t report = 0;
  if (std::string e = chooseReport(info, what.report, report); !e.empty()) return usage(e);
  const ReportInfo& rep = info.reports[report];
  result.report = rep.label;
  if (rep.kind == ReportKind::Quantiles)
    return usage("report '" + rep.label + "' is a quantiles report; sensitivity needs a P(…) or E(…) report");
  std::string error;
  const Kernel* paramKernel = source.paramKernel(index, error);
  if (!paramKernel) return failWith(out, Failure::Runtime, "internal error: " + error);
  DriverOptions driver;
  if (std::string e = driverOptions(options, kernel, driver); !e.empty()) return usage(e);

  auto runtimeError = [&](const RunError& e, bool inParams) {
    out.failure = Failure::Runtime;
    out.error = inParams ? "runtime error while drawing the params of '" + info.name + "'" +
                               (e.inGlobals ? "" : " (design row " + std::to_string(e.trial - (uint64_t(1) << 63)) + ")")
                         : source.renderError(index, e);
    return out;
  };

  // Ctrl-C: what finished is kept and marked, and nothing after it runs.
  auto interrupted = [&] {
    result.partial = true;
    result.seconds = detail::secondsSince(start);
    return out;
  };
  if (what.sobol) {
    // Sobol' indices split the variance into shares of independent inputs; correlated
    // params share variance in no one way (analysis-methods.md section 1).
    std::string correlated;
    for (const ParamInfo& p : info.params)
      if (p.correlated) correlated += (correlated.empty() ? "" : ", ") + p.name;
    if (!correlated.empty())
      return usage("Sobol' indices assume independent params, and " + correlated +
                   " are correlated (correlate(...)): the variance has no one split among them; pass --no-sobol for "
                   "the tornado, which varies one param at a time");
  }

  ScenarioResult base = run(kernel, driver);
  if (base.error) return runtimeError(*base.error, false);
  result.base = base.reports[report];
  result.baseTrials = base.trialsCompleted;
  if (what.tornado) result.tornadoPlanned = info.params.size();
  if (base.partial) return interrupted();

  if (what.tornado) {
    for (size_t p = 0; p < info.params.size(); ++p) {
      std::string reason;
      std::optional<RunError> e;
      bool cut = false;
      DriverOptions quiet = driver;
      std::optional<TornadoBar> bar = tornadoBar(kernel, *paramKernel, quiet, p, report, reason, e, cut);
      if (e) return runtimeError(*e, e->trial >= (uint64_t(1) << 63) || e->inGlobals);
      if (cut) return interrupted();
      if (bar) result.tornado.push_back(*bar);
      else result.notVaried.push_back({info.params[p].name, reason});
    }
    std::stable_sort(result.tornado.begin(), result.tornado.end(),
                     [](const TornadoBar& a, const TornadoBar& b) { return std::fabs(a.swing) > std::fabs(b.swing); });
  }

  if (what.sobol) {
    if (rep.conditional)
      return usage("report '" + rep.label + "' is conditional (`| …`): it has no value in every trial, which "
                   "Sobol' indices need; choose another with --report or pass --no-sobol");
    SobolDesignInput in;
    in.kernel = &kernel;
    in.paramKernel = paramKernel;
    in.driver = driver;
    // The uncertain params, and the fixed params with a declared range (uniform over it, as
    // the tornado moves them over it); none that --set pins.
    for (size_t p = 0; p < info.params.size(); ++p) {
      const ParamInfo& param = info.params[p];
      bool pinned = false;
      for (const Override& o : driver.overrides) pinned |= o.slot == (param.uncertain ? param.pinnedSlot : param.slot);
      bool ranged = !param.uncertain && param.hasRange && param.type != ValueType::Bool;
      if ((param.uncertain || ranged) && !pinned) in.inputs.push_back(p);
      if (ranged && !pinned) result.rangedInputs.push_back(param.name);
    }
    in.report = report;
    in.rows = what.rows;
    in.resamples = what.resamples;
    in.level = what.level;
    if (!in.inputs.empty()) {
      // The design keeps every param draw (2N per drawn param), every evaluation
      // (N(k+3)), their standardised copies and the bootstrap's row indices (N per resample):
      // refuse, before any is allocated, a design that cannot fit in memory (issue 22).
      double drawn = double(result.rangedInputs.size());
      for (const ParamInfo& param : info.params) drawn += param.uncertain;
      const double k = double(in.inputs.size());
      const double bytes = double(what.rows) * (16 * drawn + 16 * (k + 3) + 28 + 4.0 * what.resamples);
      if (std::string e = memoryNeedError(fmt::format("--rows {} (the Sobol' design)", what.rows), bytes); !e.empty())
        return usage(e);
      if (auto e = sobolDesign(in, result)) return runtimeError(*e, e->trial >= (uint64_t(1) << 63));
      if (result.rows == 0) {
        result.sobolInterrupted = true;
        return interrupted();
      }
    }
  }
  result.seconds = detail::secondsSince(start);
  return out;
}

}  // namespace omen::rt
