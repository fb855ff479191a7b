//===- WorstFormat.cpp - A worst-case search as text, JSON or CSV -----------===//

#include "analysis/worst/WorstFormat.h"
#include "core/PrintableText.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {
namespace {


/// "partial: …" of an interrupted search ("" otherwise), for every format.
std::string partialNote(const WorstResult& r) {
  if (!r.partial) return "";
  if (!r.found) return "partial: interrupted before the first run finished";
  return fmt::format("partial: interrupted after {} runs; the best point so far, not re-estimated", r.evaluations);
}

std::string text(const WorstResult& r) {
  std::string out = fmt::format("worst case of \"{}\" in scenario {}: {} over {}\n", r.report, r.scenario,
                                r.maximize ? "maximised" : "minimised", r.at.size() == 1 ? "1 param" : std::to_string(r.at.size()) + " params");
  if (r.partial) out += "  PARTIAL: " + partialNote(r).substr(9) + "\n";
  if (!r.found) return out;
  Table t;
  t.row({"param", "found", "declared range"});
  for (const WorstParam& p : r.at) t.row({p.name, roundedNumber(p.value, 0), fmt::format("[{}, {}]", num(p.lo), num(p.hi))});
  out += t.render("  ");
  if (r.partial) {
    out += fmt::format("  the search's own estimate there: {} (biased {} by the search; not an estimate)\n",
                       roundedNumber(r.searchEstimate, 0), r.maximize ? "upward" : "downward");
  } else {
    out += fmt::format("  at the optimum, fresh streams (seed {}): {}\n", r.freshSeed, estimateText(r.fresh));
    out += fmt::format("  the search's own estimate there: {} (biased {} by the search; not an estimate)\n",
                       roundedNumber(r.searchEstimate, r.fresh.stdError), r.maximize ? "upward" : "downward");
    out += fmt::format("  as declared, fresh streams: {}\n", estimateText(r.declared));
  }
  out += fmt::format("  {} runs of {} trials on common random numbers (seed {}); {}; {:.2f} s\n", r.evaluations, r.trials,
                     r.seed, r.algorithm, r.seconds);
  return out;
}

nlohmann::ordered_json estimateJson(const ReportResult& r) {
  if (r.undefined) return nullptr;
  return {{"estimate", r.estimate}, {"stderr", r.stdError}, {"ci_low", r.ciLow}, {"ci_high", r.ciHigh}, {"n", r.n}};
}

std::string json(const WorstResult& r) {
  nlohmann::ordered_json j = headerJson(r, {"file", "scenario", {"report", r.report}, "engine",
                                             {"goal", r.maximize ? "maximize" : "minimize"}, "seed", "trials", "partial"});
  if (r.partial) j["note"] = partialNote(r);
  nlohmann::ordered_json at = nlohmann::ordered_json::array();
  if (r.found)
    for (const WorstParam& p : r.at) at.push_back({{"param", p.name}, {"value", p.value}, {"lo", p.lo}, {"hi", p.hi}});
  j["at"] = at;
  j["evaluations"] = r.evaluations;
  j["algorithm"] = r.algorithm;
  j["search_estimate"] = r.found ? nlohmann::ordered_json(r.searchEstimate) : nlohmann::ordered_json(nullptr);
  j["fresh_seed"] = r.freshSeed;
  j["fresh"] = r.partial ? nlohmann::ordered_json(nullptr) : estimateJson(r.fresh);
  j["declared"] = r.partial ? nlohmann::ordered_json(nullptr) : estimateJson(r.declared);
  return j.dump(2) + "\n";
}

std::string csv(const WorstResult& r) {
  std::string out = "scenario,report,goal,param,value,lo,hi,fresh_estimate,fresh_stderr,fresh_ci_low,fresh_ci_high,"
                    "search_estimate,declared_estimate,declared_stderr,declared_ci_low,declared_ci_high,evaluations,"
                    "note\n";
  if (!r.found) {
    out += fmt::format("{},{},{},,,,,,,,,,,,,,{},{}\n", csvField(r.scenario), csvField(r.report),
                       r.maximize ? "maximize" : "minimize", r.evaluations, csvField(partialNote(r)));
    return out;
  }
  auto estimate = [&](const ReportResult& e) {
    if (r.partial || e.undefined) return std::string(",,,");
    return fmt::format("{},{},{},{}", csvNumber(e.estimate), csvNumber(e.stdError), csvNumber(e.ciLow),
                       csvNumber(e.ciHigh));
  };
  for (const WorstParam& p : r.at)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", csvField(r.scenario), csvField(r.report),
                       r.maximize ? "maximize" : "minimize", csvField(p.name), csvNumber(p.value), csvNumber(p.lo),
                       csvNumber(p.hi), estimate(r.fresh), csvNumber(r.searchEstimate), estimate(r.declared),
                       r.evaluations, csvField(partialNote(r)));
  return out;
}

}  // namespace

std::string formatWorst(const WorstResult& result, OutputFormat format) {
  if (result.exact) return rt::formatWith(result, format, worstExactText, worstExactJson, worstExactCsv);
  return rt::formatWith(result, format, text, json, csv);
}

}  // namespace omen::rt
