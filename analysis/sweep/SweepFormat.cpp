//===- SweepFormat.cpp - A sweep as text, JSON or CSV ------------------------===//
//
// CSV and JSON are for pandas and papers: one row (object) per point and report, the varied
// params as columns, every number shortest round-trip. Text is for reading: one table per
// report, each point's estimate with its interval and the paired change from the point
// before it, then a small plot.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "omen/Analysis.h"
#include "omen/Version.h"
#include "core/PrintableText.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"
#include "analysis/sweep/SweepFormat.h"

namespace omen::rt {

namespace {

/// The step into point k for report r, if point k pairs with the one before it.
const Comparison* stepInto(const SweepResult& s, size_t k, const std::string& label) {
  for (const SweepStep& step : s.steps)
    if (step.to == k)
      for (const Comparison& c : step.differences)
        if (c.label == label) return &c;
  return nullptr;
}


std::string joined(const std::string& a, const std::string& b) { return a.empty() ? b : b.empty() ? a : a + "; " + b; }

/// The labels and kinds of the reports (every point has them, a failed one undefined).
const std::vector<ReportResult>* reportsOf(const SweepResult& s) {
  return s.points.empty() ? nullptr : &s.points[0].reports;
}

/// A point's evidence as a CSV row of kind "evidence" (empty numbers where the point failed),
/// the diagnostics in `note`.
std::string evidenceCsvRow(const std::string& lead, const SweepPoint& p, const std::string& pointNote,
                           const std::string& target) {
  if (!p.evidence) return fmt::format("{},evidence,evidence,,,,,0,,,,,{}{},,,\n", lead, csvField(pointNote), target);
  const Evidence& e = *p.evidence;
  std::string note;
  if (e.paretoK) note = "k-hat " + num(*e.paretoK);
  for (const std::string& w : e.warnings) note = joined(note, "warning: " + w);
  const std::string log = std::isfinite(e.logEstimate) ? csvNumber(e.logEstimate) : "";
  return fmt::format("{},evidence,evidence,{},{},{},{},{},,,,,{}{},{},{},{}\n", lead, csvNumber(e.estimate),
                     csvNumber(e.stdError), csvNumber(e.ciLow), csvNumber(e.ciHigh), e.n,
                     csvField(joined(note, pointNote)), target, csvNumber(e.ess), log, csvNumber(e.logStdError));
}

std::string csv(const SweepResult& s) {
  std::string out = "scenario";
  for (const SweepAxis& a : s.axes) out += "," + csvField(a.param);
  out += ",label,kind,estimate,stderr,ci_low,ci_high,n,step_difference,step_stderr,step_ci_low,step_ci_high,note";
  const bool precision = std::any_of(s.points.begin(), s.points.end(), [](const SweepPoint& p) { return p.precision; });
  const bool weighted = std::any_of(s.points.begin(), s.points.end(), [](const SweepPoint& p) { return p.evidence; });
  if (precision) out += ",target,target_met,trials";
  // A scenario that observes: each report's effective sample size, and one more row per
  // point, kind "evidence", whose log and its se get columns of their own (numbers pandas reads).
  if (weighted) out += ",ess,log_evidence,log_evidence_stderr";
  out += "\n";
  const std::vector<ReportResult>* labels = reportsOf(s);
  if (!labels) return out;
  for (size_t k = 0; k < s.points.size(); ++k) {
    const SweepPoint& p = s.points[k];
    std::string lead = csvField(s.scenario);
    for (size_t a = 0; a < s.axes.size(); ++a) lead += "," + axisValue(s.axes[a], p.at[a]);
    std::string note = pointNote(s, k);
    for (size_t r = 0; r < labels->size(); ++r) {
      const ReportResult& head = (*labels)[r];
      std::string target = precision ? precisionColumns(p.precision, head.label, s.trialsCompleted) : "";
      std::string ess = !weighted ? "" : p.error.empty() ? "," + csvNumber(p.reports[r].ess) + ",," : ",,,";
      auto row = [&](const std::string& label, const std::string& estimates, uint64_t n, const std::string& step,
                     const std::string& why) {
        out += fmt::format("{},{},{},{},{},{},{}{}{}\n", lead, csvField(label), reportKindName(head.kind), estimates,
                           n, step, csvField(joined(why, note)), target, ess);
      };
      if (!p.error.empty()) {
        row(head.label, ",,,", 0, ",,,", "");
        continue;
      }
      const ReportResult& rep = p.reports[r];
      if (rep.kind == ReportKind::Quantiles) {
        if (rep.undefined) {
          row(rep.label, ",,,", 0, ",,,", std::string("undefined: ") + undefinedReason(rep));
          continue;
        }
        for (const QuantilePoint& q : rep.quantiles)
          row(rep.label + "@" + num(q.p), fmt::format("{},,{},{}", csvNumber(q.value), csvNumber(q.ciLow), csvNumber(q.ciHigh)),
              rep.n, ",,,", "");
        continue;
      }
      std::string est = rep.undefined    ? ",,,"
                        : !rep.hasSpread ? csvNumber(rep.estimate) + ",,,"
                                         : fmt::format("{},{},{},{}", csvNumber(rep.estimate), csvNumber(rep.stdError),
                                                       csvNumber(rep.ciLow), csvNumber(rep.ciHigh));
      std::string step = ",,,";
      if (const Comparison* c = stepInto(s, k, rep.label); c && !c->undefined)
        step = fmt::format("{},{},{},{}", csvNumber(c->difference), csvNumber(c->stdError), csvNumber(c->ciLow),
                           csvNumber(c->ciHigh));
      row(rep.label, est, rep.n, step, rep.undefined ? std::string("undefined: ") + undefinedReason(rep) : "");
    }
    if (weighted) out += evidenceCsvRow(lead, p, note, precision ? fmt::format(",,,{}", s.trialsCompleted) : "");
  }
  return out;
}

std::string paramJson(const ParamValue& p) {
  if (p.drawn) return jsonString("drawn per trial");
  switch (p.type) {
    case ValueType::Bool: return p.value.i ? "true" : "false";
    case ValueType::Int: return std::to_string(p.value.i);
    case ValueType::Real: return num(p.value.r);
  }
  return "null";
}

std::string jsonReport(const SweepResult& s, size_t k, const ReportResult& r) {
  std::string out = fmt::format("{{\"label\": {}, \"kind\": \"{}\", ", jsonString(r.label), reportKindName(r.kind));
  if (r.kind == ReportKind::Quantiles) {
    if (r.undefined) return out + "\"n\": 0, \"quantiles\": null}";
    std::string qs;
    for (const QuantilePoint& q : r.quantiles) qs += fmt::format("{}\"{}\": {}", qs.empty() ? "" : ", ", num(q.p), num(q.value));
    return out + fmt::format("\"n\": {}, \"quantiles\": {{{}}}}}", r.n, qs);
  }
  if (r.undefined)
    out += "\"estimate\": null, \"stderr\": null, \"ci95\": null, \"n\": 0";
  else if (!r.hasSpread)
    out += fmt::format("\"estimate\": {}, \"stderr\": null, \"ci95\": null, \"n\": {}", num(r.estimate), r.n);
  else
    out += fmt::format("\"estimate\": {}, \"stderr\": {}, \"ci95\": [{}, {}], \"n\": {}", num(r.estimate),
                       num(r.stdError), num(r.ciLow), num(r.ciHigh), r.n);
  if (const Comparison* c = stepInto(s, k, r.label); c && !c->undefined)
    out += fmt::format(", \"step\": {{\"difference\": {}, \"stderr\": {}, \"ci95\": [{}, {}]}}", num(c->difference),
                       num(c->stdError), num(c->ciLow), num(c->ciHigh));
  return out + "}";
}

std::string json(const SweepResult& s) {
  std::string out = sweepJsonHead(s);
  out += "  \"points\": [\n";
  const size_t shown = s.points.size();
  for (size_t k = 0; k < shown; ++k) {
    const SweepPoint& p = s.points[k];
    std::string evidence = p.evidence ? ", \"evidence\": " + evidenceObject(*p.evidence) : "";
    out += pointJsonHead(s, k) + evidence + ", \"reports\": [\n";
    for (size_t r = 0; r < p.reports.size(); ++r)
      out += "      " + jsonReport(s, k, p.reports[r]) + (r + 1 < p.reports.size() ? ",\n" : "\n");
    out += std::string("    ]}") + (k + 1 < shown ? ",\n" : "\n");
  }
  return out + "  ]\n}\n";
}

/// The evidence at each point of a sweep of a scenario that observes, then each point's
/// failed diagnostics; nothing otherwise.
std::string evidenceTable(const SweepResult& s) {
  if (std::none_of(s.points.begin(), s.points.end(), [](const SweepPoint& p) { return p.evidence; })) return "";
  rt::Table table;
  std::vector<std::string> head;
  for (const SweepAxis& a : s.axes) head.push_back(a.param);
  head.insert(head.end(), {"evidence", "95% interval", "log evidence", "ess"});
  table.row(head);
  std::string warnings;
  for (size_t k = 0; k < s.points.size(); ++k) {
    const SweepPoint& p = s.points[k];
    std::vector<std::string> row;
    std::string at;
    for (size_t a = 0; a < s.axes.size(); ++a) {
      row.push_back(axisText(s.axes[a], p.at[a]));
      at += (a ? ", " : "") + s.axes[a].param + " = " + row.back();
    }
    if (!p.evidence) {
      row.push_back(pointNote(s, k));
      table.row(row);
      continue;
    }
    const Evidence& e = *p.evidence;
    const double scale = e.stdError > 0 ? e.stdError : 0;
    row.push_back(e.estimate > 0 ? fmt::format("{} ± {}", roundedNumber(e.estimate, scale), roundedNumber(e.stdError, scale))
                                 : "0");
    row.push_back(e.estimate > 0 ? fmt::format("[{}, {}]", roundedNumber(e.ciLow, scale), roundedNumber(e.ciHigh, scale))
                                 : "");
    row.push_back(std::isfinite(e.logEstimate) ? fmt::format("{} ± {}", roundedNumber(e.logEstimate, e.logStdError),
                                                             roundedNumber(e.logStdError, e.logStdError))
                                               : "-inf");
    row.push_back(fmt::format("{:.0f}", e.ess));
    table.row(row);
    for (const std::string& w : e.warnings) warnings += fmt::format("  warning at {}: {}\n", at, w);
  }
  return "\nevidence (the probability or density of what was observed)\n" + table.render("  ") + warnings;
}

std::string text(const SweepResult& s) {
  std::string out = fmt::format("sweep of {} over {}, on common random numbers\n", s.scenario, gridText(s));
  if (!s.params.empty()) {
    std::string fixed;
    for (const ParamValue& p : s.params) {
      if (p.drawn) continue;
      std::string v = p.type == ValueType::Int ? std::to_string(p.value.i)
                      : p.type == ValueType::Bool ? (p.value.i ? "true" : "false")
                                                  : roundedNumber(p.value.r, 0);
      fixed += (fixed.empty() ? "" : ", ") + p.name + " = " + v;
    }
    if (!fixed.empty()) out += "other params: " + fixed + "\n";
  }
  const std::vector<ReportResult>* labels = reportsOf(s);
  size_t reports = labels ? labels->size() : 0;
  for (size_t r = 0; r < reports; ++r) {
    const std::string& label = (*labels)[r].label;
    out += "\n" + label + "\n";
    Table table;
    std::vector<std::string> head;
    for (const SweepAxis& a : s.axes) head.push_back(a.param);
    bool quantiles = (*labels)[r].kind == ReportKind::Quantiles;
    if (quantiles) {
      head.insert(head.end(), {"5%", "50%", "95%", "n"});
    } else {
      head.insert(head.end(), {"estimate", "95% interval", "change from the previous " + s.axes[0].param,
                               "95% interval", "n"});
    }
    table.row(head);
    for (size_t k = 0; k < s.points.size(); ++k) {
      std::vector<std::string> row;
      for (size_t a = 0; a < s.axes.size(); ++a) row.push_back(axisText(s.axes[a], s.points[k].at[a]));
      if (!s.points[k].error.empty()) {
        row.push_back(pointNote(s, k));
        table.row(row);
        continue;
      }
      const ReportResult& rep = s.points[k].reports[r];
      if (rep.undefined) {
        row.push_back(std::string("undefined: ") + undefinedReason(rep));
        table.row(row);
        continue;
      }
      if (quantiles) {
        auto at = [&](double level) {
          for (const QuantilePoint& q : rep.quantiles)
            if (q.p == level) return fmt::format("{:.4g}", q.value);
          return std::string();
        };
        row.insert(row.end(), {at(0.05), at(0.5), at(0.95), fmt::format("n={}", rep.n)});
        table.row(row);
        continue;
      }
      auto [estimate, interval] = estimateCells(rep);
      row.insert(row.end(), {estimate, interval});
      const Comparison* c = stepInto(s, k, label);
      if (c) {
        auto [difference, interval] = differenceText(*c);
        row.insert(row.end(), {difference, interval});
      } else {
        row.insert(row.end(), {"", ""});
      }
      row.push_back(fmt::format("n={}", rep.n));
      table.row(row);
    }
    out += table.render("  ");
  }
  out += evidenceTable(s);
  if (reports) out += "\n" + plotSweepText(s);
  return out + sweepFooter(s, "");
}

}  // namespace

std::string axisValue(const SweepAxis& axis, double v) {
  return axis.type == ValueType::Int ? fmt::format("{}", int64_t(v)) : num(v);
}

std::string axisText(const SweepAxis& axis, double v) {
  return axis.type == ValueType::Int ? axisValue(axis, v) : fmt::format("{:.4g}", v);
}

std::string pointNote(const SweepResult& s, size_t k) {
  const SweepPoint& p = s.points[k];
  if (!p.error.empty()) return "error: " + p.error.substr(0, p.error.find('\n'));
  return s.partial ? fmt::format("partial: {} of {} trials", s.trialsCompleted, s.trials) : "";
}

std::string gridText(const SweepResult& s) {
  std::string grid;
  for (size_t a = 0; a < s.axes.size(); ++a)
    grid += fmt::format("{}{} ({} {} points)", a ? " and " : "", s.axes[a].param, s.axes[a].values.size(),
                        s.axes[a].log ? "log-spaced" : "evenly spaced");
  return grid;
}

std::string pointJsonHead(const SweepResult& s, size_t k) {
  const SweepPoint& p = s.points[k];
  std::string at;
  for (size_t a = 0; a < s.axes.size(); ++a)
    at += fmt::format("{}{}: {}", a ? ", " : "", jsonString(s.axes[a].param), axisValue(s.axes[a], p.at[a]));
  std::string extra;
  if (!p.error.empty()) extra += ", \"error\": " + jsonString(p.error);
  if (p.precision) extra += ", \"precision\": " + precisionObject(*p.precision, s.trialsCompleted);
  return fmt::format("    {{\"at\": {{{}}}{}", at, extra);
}

std::string sweepFooter(const SweepResult& s, const std::string& sides) {
  bool precision = false;
  for (const SweepPoint& p : s.points) precision |= p.precision.has_value();
  uint64_t trials = s.partial || precision ? s.trialsCompleted : s.trials;
  std::string out = fmt::format("{} points x {}{} trials, seed {}, engine {}, {} thread{}, {:.3g} s\n", s.points.size(),
                                sides, trials, s.seed, s.engine, s.threads, s.threads == 1 ? "" : "s", s.seconds);
  for (size_t k = 0; k < s.points.size(); ++k) {
    const SweepPoint& p = s.points[k];
    if (!p.precision || (p.precision->met && k > 0)) continue;
    std::string at;
    for (size_t a = 0; a < s.axes.size(); ++a) at += (a ? ", " : "") + s.axes[a].param + " = " + axisText(s.axes[a], p.at[a]);
    out += fmt::format("at {}:\n{}", at, precisionLines(*p.precision, s.trialsCompleted));
  }
  if (s.partial) out += fmt::format("PARTIAL: interrupted after {} of {} trials\n", s.trialsCompleted, s.trials);
  return out;
}

std::string sweepJsonHead(const SweepResult& s) {
  std::string out = "{\n";
  out += "  " + headerJsonMembers(s, {{"omen", kVersion}, "file", "scenario", "engine"}) + ",\n";
  out += "  " + headerJsonMembers(s, {"seed", "trials", "trials_completed", "threads", "seconds", "partial"}) + ",\n";
  out += "  \"axes\": [";
  for (size_t a = 0; a < s.axes.size(); ++a) {
    std::string values;
    for (double v : s.axes[a].values) values += (values.empty() ? "" : ", ") + axisValue(s.axes[a], v);
    out += fmt::format("{}{{\"param\": {}, \"type\": \"{}\", \"grid\": \"{}\", \"values\": [{}]}}", a ? ", " : "",
                       jsonString(s.axes[a].param), s.axes[a].type == ValueType::Int ? "int" : "real",
                       s.axes[a].log ? "log" : "linear", values);
  }
  out += "],\n  \"params\": {";
  for (size_t i = 0; i < s.params.size(); ++i)
    out += fmt::format("{}{}: {}", i ? ", " : "", jsonString(s.params[i].name), paramJson(s.params[i]));
  return out + "},\n";
}

}  // namespace omen::rt

namespace omen {

std::string formatSweep(const SweepResult& result, OutputFormat format) {
  if (!result.sideA.empty())
    return rt::formatWith(result, format, rt::comparisonSweepText, rt::comparisonSweepJson, rt::comparisonSweepCsv);
  return rt::formatWith(result, format, rt::text, rt::json, rt::csv);
}

}  // namespace omen
