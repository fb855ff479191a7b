//===- VoiFormat.cpp - Value of information as text, JSON or CSV -------------===//

#include "analysis/voi/VoiFormat.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {
namespace {

std::string bar(double value, double widest) {
  constexpr int kWidth = 30;
  int n = widest > 0 && value > 0 ? static_cast<int>(std::lround(kWidth * value / widest)) : 0;
  std::string out;
  for (int i = 0; i < n; ++i) out += "#";
  return out;
}

/// "partial: …" of an interrupted analysis ("" otherwise), for every format.
std::string partialNote(const VoiResult& r) {
  if (!r.partial) return "";
  return fmt::format("partial: interrupted in the two-level run of option {} of {}; no value of information",
                     r.optionsDone + 1, r.options.size());
}

std::string text(const VoiResult& r) {
  std::string out = fmt::format("value of information in scenario {}: choose {} to {} \"{}\"\n", r.scenario, r.decide,
                                r.maximize ? "maximize" : "minimize", r.report);
  if (r.partial) return out + "  PARTIAL: " + partialNote(r).substr(9) + "\n";
  Table options;
  options.row({r.decide, "expected " + r.report, ""});
  double se = (r.evpi.high - r.evpi.low) / 3.92;  // a scale for rounding: the EVPI's precision
  for (size_t d = 0; d < r.options.size(); ++d)
    options.row({num(r.options[d]), roundedNumber(r.expected[d], se), d == r.best ? "best now" : ""});
  out += options.render("  ");
  double widest = r.evpi.high;
  for (const VoiValue& v : r.evppi) widest = std::max(widest, v.high);
  Table values;
  values.row({"knowing", "value", "95% interval", ""});
  auto row = [&](const std::string& what, const VoiValue& v) {
    double vse = std::max((v.high - v.low) / 3.92, se / 10);
    values.row({what, roundedNumber(v.value, vse),
                fmt::format("[{}, {}]", roundedNumber(v.low, vse), roundedNumber(v.high, vse)), bar(v.value, widest)});
  };
  row("everything (EVPI)", r.evpi);
  for (const VoiValue& v : r.evppi) row(v.name + " (EVPPI)", v);
  out += values.render("  ");
  out += fmt::format("  {} worlds of {} trials per option, on common random numbers (seed {}, engine {}); {:.2f} s\n",
                     r.worlds, r.trials, r.seed, r.engine, r.seconds);
  return out;
}

std::string json(const VoiResult& r) {
  nlohmann::ordered_json j = headerJson(r, {"file", "scenario", {"decide", r.decide}, {"report", r.report},
                                             {"goal", r.maximize ? "maximize" : "minimize"}, "engine", "seed",
                                             {"worlds", r.worlds}, "trials", "partial"});
  if (r.partial) {
    j["note"] = partialNote(r);
    return j.dump(2) + "\n";
  }
  nlohmann::ordered_json options = nlohmann::ordered_json::array();
  for (size_t d = 0; d < r.options.size(); ++d) options.push_back({{"value", r.options[d]}, {"expected", r.expected[d]}});
  j["options"] = options;
  j["best"] = r.options[r.best];
  auto value = [](const VoiValue& v) { return nlohmann::ordered_json{{"value", v.value}, {"ci_low", v.low}, {"ci_high", v.high}}; };
  j["evpi"] = value(r.evpi);
  nlohmann::ordered_json evppi = nlohmann::ordered_json::object();
  for (const VoiValue& v : r.evppi) evppi[v.name] = value(v);
  j["evppi"] = evppi;
  return j.dump(2) + "\n";
}

std::string csv(const VoiResult& r) {
  std::string out = "scenario,decide,report,goal,best,knowing,value,ci_low,ci_high,note\n";
  if (r.partial)
    return out + fmt::format("{},{},{},{},,,,,,{}\n", csvField(r.scenario), csvField(r.decide), csvField(r.report),
                             r.maximize ? "maximize" : "minimize", csvField(partialNote(r)));
  auto row = [&](const VoiValue& v) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},\n", csvField(r.scenario), csvField(r.decide), csvField(r.report),
                       r.maximize ? "maximize" : "minimize", num(r.options[r.best]), csvField(v.name), num(v.value),
                       num(v.low), num(v.high));
  };
  row(r.evpi);
  for (const VoiValue& v : r.evppi) row(v);
  return out;
}

}  // namespace

std::string formatVoi(const VoiResult& result, OutputFormat format) {
  return formatWith(result, format, text, json, csv);
}

}  // namespace omen::rt
