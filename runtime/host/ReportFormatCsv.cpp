//===- ReportFormatCsv.cpp - `--format csv` ---------------------------------===//
//
// One row per report (RFC 4180 quoting). A quantiles report has one row per level, labelled
// "LABEL@0.05" ... "LABEL@0.95", with the quantile in `estimate` and the other estimate
// columns empty. An undefined report (condition never held) has empty estimate columns,
// n = 0, and says why in the last column, `note` (empty otherwise), so that a spreadsheet
// never reads the empty estimate as a missing number or a NaN.
//
//===----------------------------------------------------------------------===//

#include <string>

#include <fmt/format.h>

#include "runtime/host/ReportFormat.h"

namespace omen::rt {

namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string num(double x) { return shortestNumber(x); }

/// estimate,stderr,ci_low,ci_high of a probability or mean report.
std::string estimateColumns(const ReportResult& r) {
  if (r.undefined) return ",,,";
  if (!r.hasSpread) return num(r.estimate) + ",,,";
  return fmt::format("{},{},{},{}", num(r.estimate), num(r.stdError), num(r.ciLow), num(r.ciHigh));
}

constexpr const char* kUndefinedNote = "undefined: condition never held";

std::string quantileLabel(const std::string& label, double p) {
  return field(label + "@" + num(p));
}

}  // namespace

std::string formatRunCsv(const RunResult& result) {
  std::string out = "scenario,label,kind,estimate,stderr,ci_low,ci_high,n,note\n";
  for (const ScenarioResult& s : result.scenarios) {
    if (s.error) continue;
    for (const ReportResult& r : s.reports) {
      if (r.kind == ReportKind::Quantiles) {
        if (r.undefined) {
          out += fmt::format("{},{},quantiles,,,,,0,{}\n", field(s.name), field(r.label), kUndefinedNote);
          continue;
        }
        for (const QuantilePoint& q : r.quantiles)
          out += fmt::format("{},{},quantiles,{},,{},{},{},\n", field(s.name),
                             quantileLabel(r.label, q.p), num(q.value), num(q.ciLow), num(q.ciHigh), r.n);
        continue;
      }
      out += fmt::format("{},{},{},{},{},{}\n", field(s.name), field(r.label), reportKindName(r.kind),
                         estimateColumns(r), r.n, r.undefined ? kUndefinedNote : "");
    }
  }
  return out;
}

std::string formatCompareCsv(const CompareResult& result) {
  std::string out =
      "label,kind,estimate_a,stderr_a,n_a,estimate_b,stderr_b,n_b,difference,stderr,ci_low,"
      "ci_high,n,note\n";
  if (result.error) return out;
  for (const Comparison& c : result.comparisons) {
    if (c.kind == ReportKind::Quantiles) {
      if (c.undefined) {
        out += fmt::format("{},quantiles,,,{},,,{},,,,,{},{}\n", field(c.label), c.a.n, c.b.n, c.n,
                           kUndefinedNote);
        continue;
      }
      for (size_t q = 0; q < c.quantileDifferences.size(); ++q)
        out += fmt::format("{},quantiles,{},,{},{},,{},{},,,,{},\n",
                           quantileLabel(c.label, c.quantileDifferences[q].p),
                           num(c.a.quantiles[q].value), c.a.n, num(c.b.quantiles[q].value), c.b.n,
                           num(c.quantileDifferences[q].value), c.n);
      continue;
    }
    auto side = [](const ReportResult& r) {
      if (r.undefined) return fmt::format(",,{}", r.n);
      return fmt::format("{},{},{}", num(r.estimate), r.hasSpread ? num(r.stdError) : "", r.n);
    };
    std::string diff = c.undefined ? ",,,"
                                   : fmt::format("{},{},{},{}", num(c.difference),
                                                 num(c.stdError), num(c.ciLow), num(c.ciHigh));
    out += fmt::format("{},{},{},{},{},{},{}\n", field(c.label), reportKindName(c.kind), side(c.a),
                       side(c.b), diff, c.n, c.undefined ? kUndefinedNote : "");
  }
  return out;
}

}  // namespace omen::rt
