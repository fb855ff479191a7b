//===- SweepFormat.cpp - A sweep as text, JSON or CSV ------------------------===//
//
// CSV and JSON are for pandas and papers: one row (object) per point and report, the varied
// params as columns, every number shortest round-trip. Text is for reading: one table per
// report, each point's estimate with its interval and the paired change from the point
// before it, then a small plot.
//
//===----------------------------------------------------------------------===//
#include <fmt/format.h>

#include "omen/Analysis.h"
#include "omen/Version.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/TextTable.h"

namespace omen {

namespace {

using rt::csvField;
using rt::jsonString;

using rt::roundedNumber;
using rt::num;



std::string axisValue(const SweepAxis& axis, double v) {
  return axis.type == ValueType::Int ? fmt::format("{}", int64_t(v)) : num(v);
}

/// The step into point k for report r, if point k pairs with the one before it.
const Comparison* stepInto(const SweepResult& s, size_t k, const std::string& label) {
  for (const SweepStep& step : s.steps)
    if (step.to == k)
      for (const Comparison& c : step.differences)
        if (c.label == label) return &c;
  return nullptr;
}

std::string csv(const SweepResult& s) {
  std::string out = "scenario";
  for (const SweepAxis& a : s.axes) out += "," + csvField(a.param);
  out += ",label,kind,estimate,stderr,ci_low,ci_high,n,step_difference,step_stderr,step_ci_low,step_ci_high,note\n";
  for (size_t k = 0; k < s.points.size(); ++k) {
    const SweepPoint& p = s.points[k];
    std::string lead = csvField(s.scenario);
    for (size_t a = 0; a < s.axes.size(); ++a) lead += "," + axisValue(s.axes[a], p.at[a]);
    for (const ReportResult& r : p.reports) {
      if (r.kind == ReportKind::Quantiles) {
        if (r.undefined) {
          out += fmt::format("{},{},quantiles,,,,,0,,,,,undefined: condition never held\n", lead, csvField(r.label));
          continue;
        }
        for (const QuantilePoint& q : r.quantiles)
          out += fmt::format("{},{},quantiles,{},,,,{},,,,,\n", lead, csvField(r.label + "@" + num(q.p)), num(q.value),
                             r.n);
        continue;
      }
      std::string est = r.undefined    ? ",,,"
                        : !r.hasSpread ? num(r.estimate) + ",,,"
                                       : fmt::format("{},{},{},{}", num(r.estimate), num(r.stdError), num(r.ciLow),
                                                     num(r.ciHigh));
      std::string step = ",,,";
      if (const Comparison* c = stepInto(s, k, r.label); c && !c->undefined)
        step = fmt::format("{},{},{},{}", num(c->difference), num(c->stdError), num(c->ciLow), num(c->ciHigh));
      out += fmt::format("{},{},{},{},{},{},{}\n", lead, csvField(r.label), rt::reportKindName(r.kind), est, r.n, step,
                         r.undefined ? "undefined: condition never held" : "");
    }
  }
  return out;
}

std::string jsonReport(const SweepResult& s, size_t k, const ReportResult& r) {
  std::string out = fmt::format("{{\"label\": {}, \"kind\": \"{}\", ", jsonString(r.label), rt::reportKindName(r.kind));
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

std::string paramJson(const ParamValue& p) {
  if (p.drawn) return jsonString("drawn per trial");
  switch (p.type) {
    case ValueType::Bool: return p.value.i ? "true" : "false";
    case ValueType::Int: return std::to_string(p.value.i);
    case ValueType::Real: return num(p.value.r);
  }
  return "null";
}

std::string json(const SweepResult& s) {
  std::string out = "{\n";
  out += fmt::format("  \"omen\": {}, \"file\": {}, \"scenario\": {}, \"engine\": {},\n", jsonString(kVersion), jsonString(s.file),
                     jsonString(s.scenario), jsonString(s.engine));
  out += fmt::format("  \"seed\": {}, \"trials\": {}, \"threads\": {}, \"seconds\": {}, \"partial\": {},\n", s.seed,
                     s.partial ? s.trialsCompleted : s.trials, s.threads, num(s.seconds), s.partial ? "true" : "false");
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
  out += "},\n  \"points\": [\n";
  for (size_t k = 0; k < s.points.size(); ++k) {
    const SweepPoint& p = s.points[k];
    std::string at;
    for (size_t a = 0; a < s.axes.size(); ++a)
      at += fmt::format("{}{}: {}", a ? ", " : "", jsonString(s.axes[a].param), axisValue(s.axes[a], p.at[a]));
    out += fmt::format("    {{\"at\": {{{}}}, \"reports\": [\n", at);
    for (size_t r = 0; r < p.reports.size(); ++r)
      out += "      " + jsonReport(s, k, p.reports[r]) + (r + 1 < p.reports.size() ? ",\n" : "\n");
    out += std::string("    ]}") + (k + 1 < s.points.size() ? ",\n" : "\n");
  }
  return out + "  ]\n}\n";
}

std::string text(const SweepResult& s) {
  std::string grid;
  for (size_t a = 0; a < s.axes.size(); ++a)
    grid += fmt::format("{}{} ({} {} points)", a ? " and " : "", s.axes[a].param, s.axes[a].values.size(),
                        s.axes[a].log ? "log-spaced" : "evenly spaced");
  std::string out = fmt::format("sweep of {} over {}, on common random numbers\n", s.scenario, grid);
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
  size_t reports = s.points.empty() ? 0 : s.points[0].reports.size();
  for (size_t r = 0; r < reports; ++r) {
    const std::string& label = s.points[0].reports[r].label;
    out += "\n" + label + "\n";
    rt::Table table;
    std::vector<std::string> head;
    for (const SweepAxis& a : s.axes) head.push_back(a.param);
    bool quantiles = s.points[0].reports[r].kind == ReportKind::Quantiles;
    if (quantiles) {
      head.insert(head.end(), {"5%", "50%", "95%", "n"});
    } else {
      head.insert(head.end(), {"estimate", "95% interval", "change from the previous " + s.axes[0].param,
                               "95% interval", "n"});
    }
    table.row(head);
    for (size_t k = 0; k < s.points.size(); ++k) {
      const ReportResult& rep = s.points[k].reports[r];
      std::vector<std::string> row;
      for (size_t a = 0; a < s.axes.size(); ++a)
        row.push_back(s.axes[a].type == ValueType::Int ? axisValue(s.axes[a], s.points[k].at[a])
                                                       : fmt::format("{:.4g}", s.points[k].at[a]));
      if (rep.undefined) {
        row.push_back("undefined: condition never held");
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
      double scale = rt::scaleOf(rep);
      row.push_back(rep.hasSpread ? fmt::format("{} ± {}", roundedNumber(rep.estimate, scale),
                                                roundedNumber(rep.stdError, scale))
                                  : roundedNumber(rep.estimate, 0));
      row.push_back(rep.hasSpread ? fmt::format("[{}, {}]", roundedNumber(rep.ciLow, scale),
                                                roundedNumber(rep.ciHigh, scale))
                                  : "");
      const Comparison* c = stepInto(s, k, label);
      if (c && !c->undefined) {
        double cs = c->stdError;
        row.push_back(fmt::format("{}{} ± {}", c->difference > 0 ? "+" : "", roundedNumber(c->difference, cs),
                                  roundedNumber(c->stdError, cs)));
        row.push_back(fmt::format("[{}, {}]", roundedNumber(c->ciLow, cs), roundedNumber(c->ciHigh, cs)));
      } else {
        row.insert(row.end(), {"", ""});
      }
      row.push_back(fmt::format("n={}", rep.n));
      table.row(row);
    }
    out += table.render("  ");
  }
  out += "\n" + plotSweepText(s);
  uint64_t trials = s.partial ? s.trialsCompleted : s.trials;
  out += fmt::format("{} points x {} trials, seed {}, engine {}, {} thread{}, {:.3g} s\n", s.points.size(), trials,
                     s.seed, s.engine, s.threads, s.threads == 1 ? "" : "s", s.seconds);
  if (s.partial) out += fmt::format("PARTIAL: interrupted after {} of {} trials\n", s.trialsCompleted, s.trials);
  return out;
}

}  // namespace

std::string formatSweep(const SweepResult& result, OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return text(result);
    case OutputFormat::Json: return json(result);
    case OutputFormat::Csv: return csv(result);
  }
  return "";
}

}  // namespace omen
