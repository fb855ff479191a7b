//===- Sensitivity.cpp - `omen sensitivity`, once for every client ---------===//

#include "analysis/sensitivity/Sensitivity.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/ClosestName.h"
#include "runtime/host/DriverSupport.h"
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
  std::vector<std::string> labels;
  for (size_t r = 0; r < info.reports.size(); ++r) {
    if (info.reports[r].label == label) {
      out = r;
      return "";
    }
    labels.push_back(info.reports[r].label);
  }
  return "scenario '" + info.name + "' has no report labelled '" + label + "'" + didYouMean(label, labels);
}

}  // namespace

SensitivityOutcome sensitivity(ScenarioSource& source, const RunOptions& options, const SensitivityOptions& what) {
  auto start = std::chrono::steady_clock::now();
  SensitivityOutcome out;
  SensitivityResult& result = out.result;
  describeRun(result, source, options);
  result.level = what.level;
  auto usage = [&](std::string message) { return failWith(out, Failure::Options, std::move(message)); };
  if (what.rows < 2 || what.rows > (uint64_t(1) << 40)) return usage("--rows must be from 2 to 2^40");
  if (!(what.level > 0 && what.level < 1)) return usage("the confidence level must be between 0 and 1");

  PreparedRun prepared;
  out.failure = prepareOneScenario(source, what.scenario, options, prepared, out.error);
  if (out.failure != Failure::None) return out;
  const Kernel& kernel = *prepared.kernels[0];
  size_t index = prepared.indices[0];
  const ScenarioInfo& info = kernel.info();
  result.scenario = info.name;
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

  ScenarioResult base = run(kernel, driver);
  if (base.error) return runtimeError(*base.error, false);
  result.base = base.reports[report];

  if (what.tornado) {
    for (size_t p = 0; p < info.params.size(); ++p) {
      std::string reason;
      std::optional<RunError> e;
      DriverOptions quiet = driver;
      std::optional<TornadoBar> bar = tornadoBar(kernel, *paramKernel, quiet, p, report, reason, e);
      if (e) return runtimeError(*e, e->trial >= (uint64_t(1) << 63) || e->inGlobals);
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
    for (size_t p = 0; p < info.params.size(); ++p) {
      const ParamInfo& param = info.params[p];
      bool pinned = false;
      for (const Override& o : driver.overrides) pinned |= param.uncertain && o.slot == param.pinnedSlot;
      if (param.uncertain && !pinned) in.inputs.push_back(p);
    }
    in.report = report;
    in.rows = what.rows;
    in.resamples = what.resamples;
    in.level = what.level;
    if (!in.inputs.empty()) {
      if (auto e = sobolDesign(in, result)) return runtimeError(*e, e->trial >= (uint64_t(1) << 63));
    }
  }
  result.seconds = detail::secondsSince(start);
  return out;
}

}  // namespace omen::rt
