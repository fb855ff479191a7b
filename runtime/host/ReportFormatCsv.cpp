//===- ReportFormatCsv.cpp - `--format csv` ---------------------------------===//
//
// One row per report (RFC 4180 quoting). A quantiles report has one row per level, labelled
// "LABEL@0.05" ... "LABEL@0.95", with the quantile in `estimate` and the other estimate
// columns empty; an undefined one keeps those rows, so the shape never depends on the data.
// An undefined report (condition never held) has empty estimate columns, n = 0, and says
// why in `note` (empty otherwise), so that a spreadsheet never reads the empty estimate as a
// missing number or a NaN. An interrupted run says "partial: N of M trials" in `note` of
// every row (notes are joined with "; "). After `note`, one column `param.NAME` per param
// of the scenarios run, with the value the run used ("drawn" for an uncertain param not
// pinned with --set; empty where a scenario has no such param), so rows of runs with
// different --set values can be concatenated and told apart.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/PrintableText.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/StatisticsQuantiles.h"

namespace omen::rt {

std::string csvField(const std::string& text) {
  std::string s = inertCsvText(text);
  if (s.find_first_of(",\"") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {



/// estimate,stderr,ci_low,ci_high of a probability or mean report.
std::string estimateColumns(const ReportResult& r) {
  if (r.undefined) return ",,,";
  if (!r.hasSpread) return csvNumber(r.estimate) + ",,,";
  return fmt::format("{},{},{},{}", csvNumber(r.estimate), csvNumber(r.stdError), csvNumber(r.ciLow),
                     csvNumber(r.ciHigh));
}

std::string undefinedNote(const ReportResult& r) { return std::string("undefined: ") + undefinedReason(r); }

std::string quantileLabel(const std::string& label, double p) {
  return csvField(label + "@" + num(p));
}

std::string partialNote(bool partial, uint64_t completed, uint64_t trials) {
  return partial ? fmt::format("partial: {} of {} trials", completed, trials) : "";
}

std::string joinNotes(const std::string& a, const std::string& b) {
  return a.empty() ? b : b.empty() ? a : a + "; " + b;
}

std::string paramText(const ParamValue& p) {
  if (p.drawn) return "drawn";
  switch (p.type) {
    case ValueType::Bool: return p.value.i != 0 ? "true" : "false";
    case ValueType::Int: return std::to_string(p.value.i);
    case ValueType::Real: return csvNumber(p.value.r);
  }
  return "";
}

}  // namespace

std::string precisionColumns(const std::optional<PrecisionOutcome>& precision, const std::string& label,
                             uint64_t trials) {
  if (!precision) return ",,,";
  std::string targets;
  bool met = true;
  for (const ReportPrecision& p : precision->reports)
    if (p.label == label) {
      targets += (targets.empty() ? "" : "; ") + p.target;
      met = met && p.met;
    }
  if (targets.empty()) return fmt::format(",,,{}", trials);
  return fmt::format(",{},{},{}", csvField(targets), met ? "true" : "false", trials);
}

std::string formatRunCsv(const RunResult& result) {
  bool precision = false, weighted = false;
  for (const ScenarioResult& s : result.scenarios) precision = precision || s.precision, weighted = weighted || s.evidence;
  std::vector<std::string> names;  // every param of the scenarios run, in order of appearance
  for (const ScenarioResult& s : result.scenarios)
    for (const ParamValue& p : s.params)
      if (std::find(names.begin(), names.end(), p.name) == names.end()) names.push_back(p.name);
  std::string out = "scenario,label,kind,estimate,stderr,ci_low,ci_high,n,note";
  if (precision) out += ",target,target_met,trials";
  if (weighted) out += ",ess";
  for (const std::string& name : names) out += "," + csvField("param." + name);
  out += "\n";
  for (const ScenarioResult& s : result.scenarios) {
    if (s.error) continue;
    std::string params;
    for (const std::string& name : names) {
      params += ",";
      for (const ParamValue& p : s.params)
        if (p.name == name) params += paramText(p);  // a number (a negative one stays a number) or a word
    }
    std::string partial = partialNote(s.partial, s.trialsCompleted, result.trials);
    for (const ReportResult& r : s.reports) {
      auto row = [&](const std::string& label, const char* kind, const std::string& estimates, uint64_t n,
                     const std::string& note) {
        std::string ess = !weighted ? "" : "," + num(r.ess);
        out += fmt::format("{},{},{},{},{},{}{}{}{}\n", csvField(s.name), label, kind, estimates, n,
                           csvField(joinNotes(note, partial)),
                           precision ? precisionColumns(s.precision, r.label, s.trialsCompleted) : "", ess, params);
      };
      if (r.kind == ReportKind::Quantiles) {
        if (r.undefined) {
          for (double level : kQuantileLevels) row(quantileLabel(r.label, level), "quantiles", ",,,", 0, undefinedNote(r));
          continue;
        }
        for (const QuantilePoint& q : r.quantiles)
          row(quantileLabel(r.label, q.p), "quantiles",
              csvNumber(q.value) + ",," + csvNumber(q.ciLow) + "," + csvNumber(q.ciHigh), r.n,
              "");
        continue;
      }
      row(csvField(r.label), reportKindName(r.kind), estimateColumns(r), r.n, r.undefined ? undefinedNote(r) : "");
    }
    if (s.evidence) {
      // The evidence as one more row: kind "evidence", its log and the diagnostics in `note`.
      const Evidence& e = *s.evidence;
      std::string note = fmt::format("log {} ± {}", std::isfinite(e.logEstimate) ? num(e.logEstimate) : "-inf",
                                     num(e.logStdError));
      if (e.paretoK) note += "; k-hat " + num(*e.paretoK);
      for (const std::string& w : e.warnings) note += "; warning: " + w;
      out += fmt::format("{},evidence,evidence,{},{},{},{},{},{}{}{}{}\n", csvField(s.name), num(e.estimate),
                         num(e.stdError), num(e.ciLow), num(e.ciHigh), e.n, csvField(joinNotes(note, partial)),
                         precision ? fmt::format(",,{}", s.trialsCompleted) : "", "," + num(e.ess), params);
    }
  }
  return out;
}

std::string formatCompareCsv(const CompareResult& result) {
  std::string out =
      "label,kind,estimate_a,stderr_a,n_a,estimate_b,stderr_b,n_b,difference,stderr,ci_low,"
      "ci_high,n,note\n";
  if (result.error) return out;
  std::string partial = partialNote(result.partial, result.trialsCompleted, result.trials);
  for (const Comparison& c : result.comparisons) {
    if (c.kind == ReportKind::Quantiles) {
      if (c.undefined) {
        for (double level : kQuantileLevels)
          out += fmt::format("{},quantiles,,,{},,,{},,,,,{},{}\n", quantileLabel(c.label, level), c.a.n, c.b.n, c.n,
                             csvField(joinNotes("undefined: condition never held", partial)));
        continue;
      }
      for (size_t q = 0; q < c.quantileDifferences.size(); ++q)
        out += fmt::format("{},quantiles,{},,{},{},,{},{},,,,{},{}\n",
                           quantileLabel(c.label, c.quantileDifferences[q].p),
                           csvNumber(c.a.quantiles[q].value), c.a.n, csvNumber(c.b.quantiles[q].value), c.b.n,
                           csvNumber(c.quantileDifferences[q].value), c.n, csvField(partial));
      continue;
    }
    auto side = [](const ReportResult& r) {
      if (r.undefined) return fmt::format(",,{}", r.n);
      return fmt::format("{},{},{}", csvNumber(r.estimate), r.hasSpread ? csvNumber(r.stdError) : "", r.n);
    };
    std::string diff = c.undefined ? ",,,"
                                   : fmt::format("{},{},{},{}", csvNumber(c.difference),
                                                 csvNumber(c.stdError), csvNumber(c.ciLow), csvNumber(c.ciHigh));
    out += fmt::format("{},{},{},{},{},{},{}\n", csvField(c.label), reportKindName(c.kind), side(c.a),
                       side(c.b), diff, c.n, csvField(joinNotes(c.undefined ? "undefined: condition never held" : "", partial)));
  }
  return out;
}

}  // namespace omen::rt
