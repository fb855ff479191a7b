//===- SweepCompareFormat.cpp - A sweep of a comparison as text, JSON or CSV ===//
//
// CSV: one row per point and report, both sides' estimates and the paired difference A - B
// with its interval (the unpaired se of the difference is sqrt(stderr_a² + stderr_b²), for
// whoever wants to see what pairing saved). Text: a table per report, then the differences
// drawn as a sweep.
//
//===----------------------------------------------------------------------===//
#include <algorithm>

#include <fmt/format.h>

#include "analysis/sweep/SweepFormat.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {

namespace {

std::string differenceLabel(const std::string& label) { return label + ": A - B"; }

/// Report labels of the differences (every point has them, a failed one none).
std::vector<std::pair<std::string, ReportKind>> differenceLabels(const SweepResult& s) {
  std::vector<std::pair<std::string, ReportKind>> out;
  for (const SweepPoint& p : s.points)
    if (!p.differences.empty()) {
      for (const Comparison& c : p.differences) out.push_back({c.label, c.kind});
      break;
    }
  return out;
}

const Comparison* differenceAt(const SweepPoint& p, const std::string& label) {
  for (const Comparison& c : p.differences)
    if (c.label == label) return &c;
  return nullptr;
}

std::string sideJson(const ReportResult& r) {
  if (r.undefined) return "null";
  if (!r.hasSpread) return fmt::format("{{\"estimate\": {}, \"stderr\": null, \"ci95\": null}}", num(r.estimate));
  return fmt::format("{{\"estimate\": {}, \"stderr\": {}, \"ci95\": [{}, {}]}}", num(r.estimate), num(r.stdError),
                     num(r.ciLow), num(r.ciHigh));
}

std::string sideCsv(const ReportResult& r) {
  if (r.undefined) return ",";
  return csvNumber(r.estimate) + "," + (r.hasSpread ? csvNumber(r.stdError) : "");
}

}  // namespace

SweepResult differenceSweep(const SweepResult& s) {
  SweepResult view = s;
  view.steps.clear();
  view.sideA.clear();  // the view is an ordinary sweep, titled by its scenario "A vs B"
  view.sideB.clear();
  for (SweepPoint& p : view.points) {
    p.reports.clear();
    for (const auto& [label, kind] : differenceLabels(s)) {
      ReportResult d;
      d.label = differenceLabel(label);
      d.kind = kind;
      const Comparison* c = differenceAt(p, label);
      d.undefined = !c || c->undefined;
      if (c && !c->undefined) {
        d.estimate = c->difference;
        d.stdError = c->stdError;
        d.ciLow = c->ciLow;
        d.ciHigh = c->ciHigh;
        d.n = c->n;
      }
      p.reports.push_back(d);
    }
    p.differences.clear();
  }
  return view;
}

std::string comparisonSweepCsv(const SweepResult& s) {
  std::string out = "scenario_a,scenario_b";
  for (const SweepAxis& a : s.axes) out += "," + csvField(a.param);
  out += ",label,kind,estimate_a,stderr_a,estimate_b,stderr_b,difference,stderr,ci_low,ci_high,n,note";
  const bool precision = std::any_of(s.points.begin(), s.points.end(), [](const SweepPoint& p) { return p.precision; });
  if (precision) out += ",target,target_met,trials";
  out += "\n";
  for (size_t k = 0; k < s.points.size(); ++k) {
    const SweepPoint& p = s.points[k];
    std::string lead = csvField(s.sideA) + "," + csvField(s.sideB);
    for (size_t a = 0; a < s.axes.size(); ++a) lead += "," + axisValue(s.axes[a], p.at[a]);
    for (const auto& [label, kind] : differenceLabels(s)) {
      const Comparison* c = differenceAt(p, label);
      std::string cells = ",,,,,,,,0";
      std::string why = pointNote(s, k);
      if (c) {
        std::string d = c->undefined ? ",,," : fmt::format("{},{},{},{}", csvNumber(c->difference),
                                                            csvNumber(c->stdError), csvNumber(c->ciLow), csvNumber(c->ciHigh));
        cells = fmt::format("{},{},{},{}", sideCsv(c->a), sideCsv(c->b), d, c->n);
        if (c->undefined) why = "undefined: a side's condition never held" + (why.empty() ? "" : "; " + why);
      }
      out += fmt::format("{},{},{},{},{}{}\n", lead, csvField(label), reportKindName(kind), cells, csvField(why),
                         precision ? precisionColumns(p.precision, label, s.trialsCompleted) : "");
    }
  }
  return out;
}

std::string comparisonSweepJson(const SweepResult& s) {
  std::string out = sweepJsonHead(s);
  out += fmt::format("  \"compare\": {{\"a\": {}, \"b\": {}}},\n  \"points\": [\n", jsonString(s.sideA),
                     jsonString(s.sideB));
  for (size_t k = 0; k < s.points.size(); ++k) {
    const SweepPoint& p = s.points[k];
    out += pointJsonHead(s, k) + ", \"differences\": [\n";
    for (size_t r = 0; r < p.differences.size(); ++r) {
      const Comparison& c = p.differences[r];
      std::string d = c.undefined ? "\"difference\": null, \"stderr\": null, \"ci95\": null"
                                  : fmt::format("\"difference\": {}, \"stderr\": {}, \"ci95\": [{}, {}]",
                                                num(c.difference), num(c.stdError), num(c.ciLow), num(c.ciHigh));
      out += fmt::format("      {{\"label\": {}, \"kind\": \"{}\", \"a\": {}, \"b\": {}, {}, \"n\": {}}}{}\n",
                         jsonString(c.label), reportKindName(c.kind), sideJson(c.a), sideJson(c.b), d, c.n,
                         r + 1 < p.differences.size() ? "," : "");
    }
    out += std::string("    ]}") + (k + 1 < s.points.size() ? ",\n" : "\n");
  }
  return out + "  ]\n}\n";
}

std::string comparisonSweepText(const SweepResult& s) {
  std::string out = fmt::format("sweep of a comparison over {}, paired on common random numbers\n  A: {}\n  B: {}\n",
                                gridText(s), s.sideA, s.sideB);
  for (const auto& [label, kind] : differenceLabels(s)) {
    out += "\n" + label + "\n";
    Table table;
    std::vector<std::string> head;
    for (const SweepAxis& a : s.axes) head.push_back(a.param);
    head.insert(head.end(), {"A", "B", "A - B", "95% interval", "n"});
    table.row(head);
    for (size_t k = 0; k < s.points.size(); ++k) {
      std::vector<std::string> row;
      for (size_t a = 0; a < s.axes.size(); ++a) row.push_back(axisText(s.axes[a], s.points[k].at[a]));
      const Comparison* c = differenceAt(s.points[k], label);
      if (!c) {
        row.push_back(pointNote(s, k));
        table.row(row);
        continue;
      }
      auto [difference, interval] = differenceText(*c);
      row.insert(row.end(), {estimateCells(c->a).first, estimateCells(c->b).first, difference, interval,
                             fmt::format("n={}", c->n)});
      table.row(row);
    }
    out += table.render("  ");
  }
  if (!differenceLabels(s).empty()) out += "\n" + plotSweepText(differenceSweep(s));
  return out + sweepFooter(s, "2 sides x ");
}

}  // namespace omen::rt
