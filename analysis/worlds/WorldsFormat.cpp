//===- WorldsFormat.cpp - A two-level run as text, JSON or CSV, and its plot ===//

#include "analysis/worlds/WorldsFormat.h"
#include "core/PrintableText.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"
#include "analysis/Gnuplot.h"

namespace omen::rt {
namespace {

/// The scenario's reports, then (a scenario that observes) the worlds' evidence as one more:
/// each output shows it as a row like a report's.
std::vector<WorldReport> withEvidence(const WorldsScenario& s) {
  std::vector<WorldReport> all = s.reports;
  if (s.evidence) all.push_back(*s.evidence);
  return all;
}

std::string text(const WorldsResult& r) {
  std::string out;
  for (const WorldsScenario& s : r.scenarios) {
    std::string params;
    for (size_t i = 0; i < s.epistemic.size(); ++i) params += (i ? ", " : "") + s.epistemic[i];
    // --engine exact solves each world instead of running trials in it (api/ExactWorlds.cpp).
    const bool exact = r.engine == "exact";
    std::string perWorld = exact ? "each solved exactly" : fmt::format("x {} trials", r.trials);
    out += fmt::format("scenario {}: {} worlds {} (epistemic, one value per world: {})\n", s.name, s.worldsCompleted,
                       perWorld, params.empty() ? "none" : params);
    if (s.partial) out += fmt::format("  PARTIAL: interrupted after {} of {} worlds\n", s.worldsCompleted, r.worlds);
    if (s.worldsCompleted == 0) continue;
    Table t;
    std::vector<std::string> head = {"report", "pooled ± se", "across worlds: mean", "sd", "epistemic sd",
                                     "5%", "25%", "50%", "75%", "95%"};
    if (!s.reports.empty())
      for (const Exceedance& e : s.reports[0].exceed) head.push_back("P(> " + num(e.threshold) + ")");
    t.row(head);
    for (const WorldReport& w : withEvidence(s)) {
      if (w.worlds == 0) {
        t.row({w.label, "undefined: the condition held in no world"});
        continue;
      }
      double se = w.pooledStdError;
      std::vector<std::string> row = {w.label,
                                      fmt::format("{} ± {}", roundedNumber(w.pooled, se), roundedNumber(se, se)),
                                      roundedNumber(w.mean, se), roundedNumber(w.sd, 0), roundedNumber(w.epistemicSd, 0)};
      for (const QuantilePoint& q : w.quantiles) row.push_back(roundedNumber(q.value, se));
      for (const Exceedance& e : w.exceed)
        row.push_back(fmt::format("{} [{}, {}]", roundedNumber(e.fraction, (e.ciHigh - e.ciLow) / 4),
                                  roundedNumber(e.ciLow, (e.ciHigh - e.ciLow) / 4),
                                  roundedNumber(e.ciHigh, (e.ciHigh - e.ciLow) / 4)));
      t.row(row);
    }
    out += t.render("  ");
    // Worlds weighted by their evidence: the posterior across worldviews.
    for (const WorldReport& w : s.reports) {
      if (!w.evidenceWeighted) continue;
      out += fmt::format("  {} across worlds weighted by their evidence: {}", w.label, roundedNumber(w.posterior, 0));
      for (const Exceedance& e : w.posteriorExceed)
        out += fmt::format(", P(> {}) {}", num(e.threshold), roundedNumber(e.fraction, 0));
      out += "\n";
    }
    for (const WorldReport& w : withEvidence(s)) {
      if (w.worlds == 0) continue;
      std::string intervals;
      for (const QuantilePoint& q : w.quantiles) {
        double scale = (q.ciHigh - q.ciLow) / 4;
        intervals += fmt::format("{}{}% [{}, {}]", intervals.empty() ? "" : ", ", num(100 * q.p),
                                 roundedNumber(q.ciLow, scale), roundedNumber(q.ciHigh, scale));
      }
      out += fmt::format("  {} quantiles across worlds, 95% intervals: {}\n", w.label, intervals);
    }
    for (const WorldReport& w : s.reports)
      for (const Exceedance& e : w.exceed)
        if (e.tooNoisy)
          out += fmt::format("  warning: {} P(> {}): too few trials per world; about {:.1f}% of worlds may lie on the "
                             "wrong side of {} by their trials' noise alone, more than the interval allows; raise "
                             "--trials\n",
                             w.label, num(e.threshold), 100 * e.misclassified, num(e.threshold));
    if (exact)
      out += fmt::format("  seed {}, engine exact: each world's reports exact (its standard error 0); {:.2f} s\n", r.seed,
                         s.seconds);
    else
      out += fmt::format("  seed {}, engine {}; world w runs trials w·{} … w·{} + {}; {:.2f} s\n", r.seed, r.engine,
                         r.trials, r.trials, r.trials - 1, s.seconds);
  }
  return out;
}

/// One report (or the evidence) across worlds as a JSON object.
nlohmann::ordered_json worldReportJson(const WorldReport& w) {
  nlohmann::ordered_json rj;
  rj["label"] = w.label;
  rj["kind"] = reportKindName(w.kind);
  rj["worlds"] = w.worlds;
  if (w.worlds == 0) {  // no estimate: no world finished, or the condition held in none
    rj["pooled"] = nullptr;
    return rj;
  }
  rj["pooled"] = {{"estimate", w.pooled}, {"stderr", w.pooledStdError}, {"ci_low", w.pooledLow},
                  {"ci_high", w.pooledHigh}};
  rj["mean"] = w.mean;
  rj["sd"] = w.sd;
  rj["inner_variance"] = w.innerVariance;
  rj["epistemic_sd"] = w.epistemicSd;
  nlohmann::ordered_json q = nlohmann::ordered_json::object();
  nlohmann::ordered_json qci = nlohmann::ordered_json::object();
  for (const QuantilePoint& p : w.quantiles) {
    q[num(p.p)] = p.value;
    qci[num(p.p)] = {p.ciLow, p.ciHigh};
  }
  rj["quantiles"] = q;
  rj["quantiles_ci95"] = qci;
  nlohmann::ordered_json ex = nlohmann::ordered_json::array();
  for (const Exceedance& e : w.exceed)
    ex.push_back({{"threshold", e.threshold}, {"fraction", e.fraction}, {"ci_low", e.ciLow}, {"ci_high", e.ciHigh},
                  {"misclassified", e.misclassified}, {"too_noisy", e.tooNoisy}});
  rj["exceed"] = ex;
  rj["values"] = w.values;
  if (w.evidenceWeighted) {
    nlohmann::ordered_json px = nlohmann::ordered_json::array();
    for (const Exceedance& e : w.posteriorExceed) px.push_back({{"threshold", e.threshold}, {"fraction", e.fraction}});
    rj["evidence_weighted"] = {{"estimate", w.posterior}, {"exceed", px}};
  }
  return rj;
}

std::string json(const WorldsResult& r) {
  nlohmann::ordered_json j = headerJson(r, {"file", "seed", {"worlds", r.worlds}, {"trials_per_world", r.trials}, "engine"});
  nlohmann::ordered_json scenarios = nlohmann::ordered_json::array();
  for (const WorldsScenario& s : r.scenarios) {
    nlohmann::ordered_json sj = scenarioHeadJson(s.name, "worlds_completed", s.worldsCompleted, s.partial);
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
    for (size_t i = 0; i < s.epistemic.size(); ++i) params[s.epistemic[i]] = s.epistemicValues[i];
    sj["epistemic"] = params;
    if (!s.logEvidence.empty()) {
      nlohmann::ordered_json logs = nlohmann::ordered_json::array();
      for (double l : s.logEvidence) logs.push_back(std::isfinite(l) ? nlohmann::ordered_json(l) : nlohmann::ordered_json());
      sj["log_evidence"] = logs;  // per world, world order; null: evidence 0
    }
    nlohmann::ordered_json reports = nlohmann::ordered_json::array();
    for (const WorldReport& w : s.reports) reports.push_back(worldReportJson(w));
    sj["reports"] = reports;
    // Each world's evidence (its `values`, world order) and its summary across worlds.
    if (s.evidence) sj["evidence"] = worldReportJson(*s.evidence);
    scenarios.push_back(sj);
  }
  j["scenarios"] = scenarios;
  return j.dump(2) + "\n";
}

std::string csv(const WorldsResult& r) {
  std::string out = "scenario,report,kind,worlds,trials_per_world,pooled,pooled_stderr,mean,sd,inner_variance,"
                    "epistemic_sd,q05,q25,q50,q75,q95,q05_ci_low,q05_ci_high,q25_ci_low,q25_ci_high,q50_ci_low,"
                    "q50_ci_high,q75_ci_low,q75_ci_high,q95_ci_low,q95_ci_high";
  std::vector<double> thresholds;
  bool weighted = false;
  for (const WorldsScenario& s : r.scenarios) {
    if (!s.reports.empty()) {
      thresholds.clear();
      for (const Exceedance& e : s.reports[0].exceed) thresholds.push_back(e.threshold);
    }
    weighted = weighted || s.evidence;
  }
  for (double x : thresholds)
    out += ",\"P(>" + num(x) + ")\",\"P(>" + num(x) + ")_ci_low\",\"P(>" + num(x) + ")_ci_high\"";
  // A scenario that observes: each report across worlds weighted by their evidence, and the
  // evidence itself as one more row (kind "evidence": each world's evidence across worlds).
  if (weighted) {
    out += ",evidence_weighted";
    for (double x : thresholds) out += ",\"P(>" + num(x) + ")_evidence_weighted\"";
  }
  out += ",note\n";
  for (const WorldsScenario& s : r.scenarios) {
    const std::vector<WorldReport> rows = withEvidence(s);
    for (size_t i = 0; i < rows.size(); ++i) {
      const WorldReport& w = rows[i];
      const bool isEvidence = i == s.reports.size();
      out += fmt::format("{},{},{},{},{}", csvField(s.name), csvField(w.label),
                         isEvidence ? "evidence" : reportKindName(w.kind), w.worlds, r.trials);
      std::string note = s.partial ? fmt::format("partial: {} of {} worlds", s.worldsCompleted, r.worlds) : "";
      if (w.worlds == 0) {
        out += std::string(21, ',');
        note = (s.worldsCompleted == 0 ? std::string("undefined: no world finished")
                                       : std::string("undefined: the condition held in no world")) +
               (note.empty() ? "" : "; " + note);
      } else {
        out += fmt::format(",{},{},{},{},{},{}", csvNumber(w.pooled), csvNumber(w.pooledStdError), csvNumber(w.mean),
                           csvNumber(w.sd), csvNumber(w.innerVariance), csvNumber(w.epistemicSd));
        for (const QuantilePoint& q : w.quantiles) out += "," + csvNumber(q.value);
        for (const QuantilePoint& q : w.quantiles) out += "," + csvNumber(q.ciLow) + "," + csvNumber(q.ciHigh);
      }
      for (size_t t = 0; t < thresholds.size(); ++t) {
        const Exceedance* e = t < w.exceed.size() ? &w.exceed[t] : nullptr;
        out += w.worlds == 0 || !e ? ",,," : "," + csvNumber(e->fraction) + "," + csvNumber(e->ciLow) + "," + csvNumber(e->ciHigh);
        if (e && e->tooNoisy)
          note += std::string(note.empty() ? "" : "; ") + "warning: too few trials per world for P(>" +
                  num(e->threshold) + ")";
      }
      if (weighted) {
        out += w.evidenceWeighted ? "," + csvNumber(w.posterior) : ",";
        for (size_t t = 0; t < thresholds.size(); ++t)
          out += w.evidenceWeighted && t < w.posteriorExceed.size() ? "," + csvNumber(w.posteriorExceed[t].fraction) : ",";
      }
      out += "," + csvField(note) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string formatWorlds(const WorldsResult& result, OutputFormat format) {
  return rt::formatWith(result, format, text, json, csv);
}

std::string plotWorlds(const WorldsResult& r, const std::string& path) {
  if (r.scenarios.empty() || r.scenarios[0].reports.empty()) return "nothing to plot: no report ran";
  const WorldsScenario& s = r.scenarios[0];
  std::string body = "set title " + gnuplotQuoted(gnuplotPlain(fmt::format(
                                        "{}: each report across {} worlds of {} trials", s.name, s.worldsCompleted, r.trials))) + "\n";
  body += "set xlabel " + gnuplotQuoted("the world's estimate") + "\nset ylabel " +
          gnuplotQuoted("fraction of worlds at or below") + "\nset yrange [0:1]\nset grid\n" + gnuplotCurveLayout();
  // One data block per report (gnuplot's `index`): the sorted estimates and their ECDF.
  std::string data, plot = "plot ";
  for (size_t i = 0; i < s.reports.size(); ++i) {
    std::vector<double> v = s.reports[i].values;
    std::sort(v.begin(), v.end());
    for (size_t k = 0; k < v.size(); ++k) data += fmt::format("{} {}\n", num(v[k]), num((k + 1.0) / v.size()));
    data += "\n\n";
    plot += fmt::format("{}datafile index {} using 1:2 with steps lw 2 title {}", i ? ", " : "", i,
                        gnuplotQuoted(gnuplotPlain(s.reports[i].label)));
  }
  return drawFigure(path, 800, 500, body + plot + "\n", data);
}

}  // namespace omen::rt
