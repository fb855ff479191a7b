//===- ExactFormat.cpp - Exact answers as text, JSON or CSV -----------------===//
#include "runtime/host/ExactFormat.h"

#include <fmt/format.h>

#include "runtime/host/ReportFormat.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {
namespace {

// Twelve significant digits: enough to see an exact answer agree with a closed form, few
// enough to read.
std::string valueText(double x) { return fmt::format("{:.12g}", x); }

std::string boundText(double bound) { return bound == 0 ? "0" : fmt::format("{:.1e}", bound); }

std::string paramJson(const ParamValue& p) {
  if (p.drawn) return jsonString("enumerated");
  switch (p.type) {
    case ValueType::Bool: return p.value.i != 0 ? "true" : "false";
    case ValueType::Int: return std::to_string(p.value.i);
    case ValueType::Real: return num(p.value.r);
  }
  return "null";
}

std::string quantilesText(const ExactReport& r) {
  std::string out;
  for (const QuantilePoint& q : r.quantiles) out += fmt::format("{}{}%: {}", out.empty() ? "" : "  ", num(q.p * 100), num(q.value));
  return out;
}

std::string footer(const ExactScenarioResult& s) {
  return fmt::format("  exact: {} steps, at most {} states alive, {} state-steps, probability left out {}, {:.3g} s\n",
                     s.steps, s.peakStates, s.visitedStates, boundText(s.leftOutMass), s.seconds);
}

// An interrupted scenario has no answer: an exact engine's half-propagated distribution is
// no estimate of anything.
std::string partialText(const ExactScenarioResult& s) {
  return fmt::format("PARTIAL: interrupted {}: no answer", s.stoppedAt);
}

std::string text(const ExactResult& result) {
  std::string out;
  for (const ExactScenarioResult& s : result.scenarios) {
    out += "scenario " + s.name + "\n";
    if (s.partial) {
      out += "  " + partialText(s) + "\n";
      continue;
    }
    size_t width = 0;
    for (const ExactReport& r : s.reports) width = std::max(width, r.label.size());
    for (const ExactReport& r : s.reports) {
      std::string label = r.label + std::string(width - r.label.size(), ' ');
      if (r.undefined) {
        out += fmt::format("  {}   undefined (condition has probability 0)\n", label);
        continue;
      }
      if (r.kind == ReportKind::Quantiles) {
        out += fmt::format("  {}   {}   mean {}\n", label, quantilesText(r), valueText(r.value));
        if (r.distribution.size() <= 12) {
          std::string dist;
          for (const auto& [v, p] : r.distribution) dist += fmt::format("{}{}: {}", dist.empty() ? "" : ", ", num(v), valueText(p));
          out += fmt::format("  {}   distribution {}\n", std::string(width, ' '), dist);
        }
        continue;
      }
      out += fmt::format("  {}   {:<20} ± {}\n", label, valueText(r.value), boundText(r.errorBound));
    }
    out += footer(s);
  }
  return out;
}

std::string json(const ExactResult& result) {
  std::string out = fmt::format("{{\"file\": {}, \"engine\": \"exact\", \"partial\": {}, \"scenarios\": [",
                                jsonString(result.file), result.partial ? "true" : "false");
  for (size_t i = 0; i < result.scenarios.size(); ++i) {
    const ExactScenarioResult& s = result.scenarios[i];
    out += fmt::format("{}\n  {{\"name\": {}, \"seconds\": {}, \"steps\": {}, \"peak_states\": {}, \"state_steps\": {}, "
                       "\"left_out\": {},\n   \"params\": {{",
                       i ? "," : "", jsonString(s.name), num(s.seconds), s.steps, s.peakStates, s.visitedStates,
                       num(s.leftOutMass));
    for (size_t j = 0; j < s.params.size(); ++j)
      out += fmt::format("{}{}: {}", j ? ", " : "", jsonString(s.params[j].name), paramJson(s.params[j]));
    out += "}";
    if (s.partial) out += fmt::format(",\n   \"partial\": true, \"stopped\": {}", jsonString(partialText(s).substr(9)));
    out += ",\n   \"reports\": [";
    for (size_t j = 0; j < s.reports.size(); ++j) {
      const ExactReport& r = s.reports[j];
      out += fmt::format("{}\n    {{\"label\": {}, \"kind\": \"{}\", \"conditional\": {}, \"condition_probability\": {}, ",
                         j ? "," : "", jsonString(r.label), reportKindName(r.kind), r.conditional ? "true" : "false",
                         num(r.conditionProbability));
      if (r.undefined) {
        out += "\"undefined\": true, \"value\": null}";
        continue;
      }
      out += fmt::format("\"value\": {}, \"error_bound\": {}", num(r.value), num(r.errorBound));
      if (r.kind == ReportKind::Quantiles) {
        out += ", \"quantiles\": [";
        for (size_t k = 0; k < r.quantiles.size(); ++k)
          out += fmt::format("{}{{\"p\": {}, \"value\": {}}}", k ? ", " : "", num(r.quantiles[k].p), num(r.quantiles[k].value));
        out += "], \"distribution\": [";
        for (size_t k = 0; k < r.distribution.size(); ++k)
          out += fmt::format("{}[{}, {}]", k ? ", " : "", num(r.distribution[k].first), num(r.distribution[k].second));
        out += "]";
      }
      out += "}";
    }
    out += "]}";
  }
  return out + "]}\n";
}

std::string csv(const ExactResult& result) {
  std::string out = "scenario,report,kind,value,error_bound,condition_probability,note\n";
  for (const ExactScenarioResult& s : result.scenarios) {
    if (s.partial) out += csvField(s.name) + ",,,,,," + csvField("partial: " + partialText(s).substr(9)) + "\n";
    for (const ExactReport& r : s.reports) {
      std::string head = csvField(s.name) + "," + csvField(r.label) + "," + reportKindName(r.kind) + ",";
      std::string tail = "," + num(r.errorBound) + "," + num(r.conditionProbability) + ",\n";
      if (r.undefined) {
        out += head + "," + "," + num(r.conditionProbability) + ",\n";
        continue;
      }
      out += head + num(r.value) + tail;
      for (const QuantilePoint& q : r.quantiles)
        out += csvField(s.name) + "," + csvField(r.label + " q" + num(q.p)) + ",quantile," + num(q.value) + tail;
    }
  }
  return out;
}

}  // namespace

std::string formatExact(const ExactResult& result, OutputFormat format) {
  return formatWith(result, format, text, json, csv);
}

}  // namespace omen::rt
