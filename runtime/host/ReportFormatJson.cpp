//===- ReportFormatJson.cpp - `--format json` -------------------------------===//
//
// Written by hand rather than through nlohmann's dump() for two reasons: the layout (one
// report per line, as in docs/reference.md section 12, readable and diff-friendly) and the
// numbers (std::to_chars shortest round-trip). nlohmann escapes the strings.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "omen/Version.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"

namespace omen::rt {

std::string jsonString(const std::string& s) { return nlohmann::json(s).dump(); }

namespace {

std::string paramValue(const ParamValue& p) {
  if (p.drawn) return jsonString("drawn per trial");
  switch (p.type) {
    case ValueType::Bool:
      return p.value.i != 0 ? "true" : "false";
    case ValueType::Int:
      return std::to_string(p.value.i);
    case ValueType::Real:
      return num(p.value.r);
  }
  return "null";
}

std::string quantilesObject(const std::vector<QuantilePoint>& qs) {
  std::string out = "{";
  for (size_t i = 0; i < qs.size(); ++i)
    out += fmt::format("{}\"{}\": {}", i ? ", " : "", num(qs[i].p), num(qs[i].value));
  return out + "}";
}

/// estimate, stderr, ci95 and n of a probability or mean estimate (or their nulls).
std::string estimateFields(const ReportResult& r) {
  if (r.undefined)
    return fmt::format("\"estimate\": null, \"stderr\": null, \"ci95\": null, \"n\": {}, "
                       "\"undefined\": {}", r.n, jsonString(undefinedReason(r)));
  if (!r.hasSpread)
    return fmt::format("\"estimate\": {}, \"stderr\": null, \"ci95\": null, \"n\": {}",
                       num(r.estimate), r.n);
  return fmt::format("\"estimate\": {}, \"stderr\": {}, \"ci95\": [{}, {}], \"n\": {}",
                     num(r.estimate), num(r.stdError), num(r.ciLow), num(r.ciHigh), r.n);
}

std::string quantileFields(const ReportResult& r) {
  if (r.undefined)
    return fmt::format("\"n\": {}, \"quantiles\": null, \"undefined\": {}", r.n, jsonString(undefinedReason(r)));
  std::string out = fmt::format("\"n\": {}, \"quantiles\": {}", r.n, quantilesObject(r.quantiles));
  out += ", \"quantiles_ci95\": {";
  for (size_t i = 0; i < r.quantiles.size(); ++i)
    out += fmt::format("{}\"{}\": [{}, {}]", i ? ", " : "", num(r.quantiles[i].p), num(r.quantiles[i].ciLow),
                       num(r.quantiles[i].ciHigh));
  out += "}";
  if (r.sketched) out += fmt::format(", \"rank_error\": {}", num(r.rankError));
  return out;
}

/// `, "expect": {"bound": "< 1%", "verdict": …, "interval": [lo, hi], "alpha": …,
/// "sequential": …}` for an expectation's report, "" for any other.
std::string expectationField(const ReportResult& r) {
  if (!r.expectation) return "";
  const ExpectationVerdict& v = r.verdict;
  std::string interval = v.hasInterval ? fmt::format("[{}, {}]", num(v.low), num(v.high)) : "null";
  return fmt::format(", \"expect\": {{\"bound\": {}, \"verdict\": \"{}\", \"interval\": {}, \"alpha\": {}, "
                     "\"sequential\": {}}}",
                     jsonString(r.expectation->bound), verdictName(v.verdict), interval, num(v.alpha),
                     v.sequential ? "true" : "false");
}

std::string reportObject(const ReportResult& r) {
  return fmt::format("{{\"label\": {}, \"kind\": \"{}\", {}{}{}}}", jsonString(r.label),
                     reportKindName(r.kind),
                     r.kind == ReportKind::Quantiles ? quantileFields(r) : estimateFields(r),
                     r.weighted ? fmt::format(", \"weighted\": true, \"ess\": {}", num(r.ess)) : "",
                     expectationField(r));
}

std::string errorField(const RunError& e) {
  if (e.inGlobals) return "\"error\": \"runtime error while evaluating params\"";
  return fmt::format("\"error\": \"runtime error in trial {}\"", e.trial);
}


std::string scenarioObject(const ScenarioResult& s, const std::string& indent) {
  std::string split = s.engineSplit ? fmt::format(" \"engine_trials\": {{\"interp\": {}, \"jit\": {}}},",
                                                  s.engineSplit->interpreted, s.engineSplit->compiled)
                                    : "";
  std::string out = fmt::format("{}{{\"name\": {}, \"seconds\": {}, \"compile_seconds\": {},{}\n{} \"params\": {{",
                                indent, jsonString(s.name), num(s.seconds), num(s.compileSeconds), split, indent);
  for (size_t i = 0; i < s.params.size(); ++i)
    out += fmt::format("{}{}: {}", i ? ", " : "", jsonString(s.params[i].name), paramValue(s.params[i]));
  out += "},\n";
  if (s.partial)
    out += fmt::format("{} \"partial\": true, \"trials_completed\": {},\n", indent,
                       s.trialsCompleted);
  if (s.error) return out + fmt::format("{} {}, \"reports\": []}}", indent, errorField(*s.error));
  if (s.precision)
    out += fmt::format("{} \"precision\": {},\n", indent, precisionObject(*s.precision, s.trialsCompleted));
  if (s.evidence) out += fmt::format("{} \"evidence\": {},\n", indent, evidenceObject(*s.evidence));
  out += fmt::format("{} \"reports\": [", indent);
  for (size_t i = 0; i < s.reports.size(); ++i)
    out += fmt::format("{}\n{}   {}", i ? "," : "", indent, reportObject(s.reports[i]));
  return out + (s.reports.empty() ? "]}" : fmt::format("\n{} ]}}", indent));
}

std::string header(const RunHeader& h) {
  return "{" + headerJsonMembers(h, {{"omen_version", kVersion}, "file", "seed", "trials"}) + ",\n " +
         headerJsonMembers(h, {"engine", "threads"}) + ",\n";
}

std::string differenceObject(const Comparison& c) {
  std::string ab = fmt::format("\"a\": {}, \"b\": {}", reportObject(c.a), reportObject(c.b));
  if (c.kind == ReportKind::Quantiles) {
    std::string diff = c.undefined ? "null" : quantilesObject(c.quantileDifferences);
    return fmt::format("{{\"label\": {}, \"kind\": \"quantiles\", {},\n    \"difference\": "
                       "{{\"quantiles\": {}}}}}",
                       jsonString(c.label), ab, diff);
  }
  std::string diff =
      c.undefined ? "{\"estimate\": null, \"stderr\": null, \"ci95\": null, \"n\": " +
                        std::to_string(c.n) + ", \"undefined\": \"condition never held\"}"
                  : fmt::format("{{\"estimate\": {}, \"stderr\": {}, \"ci95\": [{}, {}], \"n\": {}}}",
                                num(c.difference), num(c.stdError), num(c.ciLow), num(c.ciHigh), c.n);
  return fmt::format("{{\"label\": {}, \"kind\": \"{}\", {},\n    \"difference\": {}}}",
                     jsonString(c.label), reportKindName(c.kind), ab, diff);
}

}  // namespace

/// A number, or null where it is not finite (the log of an evidence of 0).
static std::string numOrNull(double x) { return std::isfinite(x) ? num(x) : "null"; }

std::string evidenceObject(const Evidence& e) {
  std::string out = fmt::format(
      "{{\"estimate\": {}, \"stderr\": {}, \"ci95\": [{}, {}], \"log\": {}, \"log_stderr\": {}, \"n\": {}, "
      "\"ess\": {}, \"max_weight_share\": {}, \"pareto_k\": {}, \"weights_vary\": {}, \"warnings\": [",
      num(e.estimate), num(e.stdError), num(e.ciLow), num(e.ciHigh), numOrNull(e.logEstimate), num(e.logStdError), e.n,
      num(e.ess), num(e.maxWeightShare), e.paretoK ? num(*e.paretoK) : "null", e.weightsVary ? "true" : "false");
  for (size_t i = 0; i < e.warnings.size(); ++i) out += (i ? ", " : "") + jsonString(e.warnings[i]);
  return out + "]}";
}


std::string precisionObject(const PrecisionOutcome& p, uint64_t trials) {
  std::string out = fmt::format("{{\"met\": {}, \"trials\": {}, \"cap\": {}, \"targets\": [", p.met ? "true" : "false",
                                trials, p.cap);
  for (size_t i = 0; i < p.reports.size(); ++i) {
    const ReportPrecision& r = p.reports[i];
    out += fmt::format("{}{{\"label\": {}, \"target\": {}, \"met\": {}, \"stderr\": {}", i ? ", " : "",
                       jsonString(r.label), jsonString(r.target), r.met ? "true" : "false", num(r.stdError));
    if (r.trialsNeeded > 0) out += fmt::format(", \"trials_needed\": {}", num(r.trialsNeeded));
    if (!r.note.empty()) out += fmt::format(", \"note\": {}", jsonString(r.note));
    out += "}";
  }
  return out + "]}";
}

std::string formatRunJson(const RunResult& result) {
  std::string out = header(result);
  out += " \"scenarios\": [";
  for (size_t i = 0; i < result.scenarios.size(); ++i)
    out += (i ? ",\n" : "\n") + scenarioObject(result.scenarios[i], "   ");
  out += result.scenarios.empty() ? "]}\n" : "\n ]}\n";
  return out;
}

std::string formatCompareJson(const CompareResult& result) {
  std::string out = header(result);
  out += " " + headerJsonMembers(result, {"seconds", {"compile_seconds", result.compileSeconds}, {"a", result.a.name},
                                          {"b", result.b.name}}) + ",\n";
  if (result.partial) out += " " + headerJsonMembers(result, {"partial", "trials_completed"}) + ",\n";
  if (result.error) out += " " + errorField(*result.error) + ",\n";
  out += " \"comparisons\": [";
  for (size_t i = 0; i < result.comparisons.size(); ++i)
    out += (i ? ",\n   " : "\n   ") + differenceObject(result.comparisons[i]);
  out += result.comparisons.empty() ? "],\n" : "\n ],\n";
  if (const auto& bf = result.bayesFactor)
    out += fmt::format(" \"bayes_factor\": {{\"estimate\": {}, \"ci95\": [{}, {}], \"log\": {}, \"log_stderr\": {}}},\n",
                       num(bf->estimate), num(bf->ciLow), num(bf->ciHigh), num(bf->logEstimate), num(bf->logStdError));
  out += " \"scenarios\": [\n" + scenarioObject(result.a, "   ") + ",\n" +
         scenarioObject(result.b, "   ") + "\n ]}\n";
  return out;
}

}  // namespace omen::rt
