//===- WorstFormat.cpp - A worst-case search as text, JSON or CSV -----------===//

#include "analysis/worst/WorstFormat.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runtime/host/ReportFormat.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {
namespace {


std::string text(const WorstResult& r) {
  std::string out = fmt::format("worst case of \"{}\" in scenario {}: {} over {}\n", r.report, r.scenario,
                                r.maximize ? "maximised" : "minimised", r.at.size() == 1 ? "1 param" : std::to_string(r.at.size()) + " params");
  Table t;
  t.row({"param", "found", "declared range"});
  for (const WorstParam& p : r.at) t.row({p.name, roundedNumber(p.value, 0), fmt::format("[{}, {}]", num(p.lo), num(p.hi))});
  out += t.render("  ");
  const ReportResult& f = r.fresh;
  const ReportResult& d = r.declared;
  double se = f.stdError;
  out += fmt::format("  at the optimum, fresh streams (seed {}): {} ± {}  [{}, {}]\n", r.freshSeed,
                     roundedNumber(f.estimate, se), roundedNumber(se, se), roundedNumber(f.ciLow, se),
                     roundedNumber(f.ciHigh, se));
  out += fmt::format("  the search's own estimate there: {} (biased {} by the search; not an estimate)\n",
                     roundedNumber(r.searchEstimate, se), r.maximize ? "upward" : "downward");
  out += fmt::format("  as declared, fresh streams: {} ± {}\n", roundedNumber(d.estimate, d.stdError),
                     roundedNumber(d.stdError, d.stdError));
  out += fmt::format("  {} runs of {} trials on common random numbers (seed {}); {}; {:.2f} s\n", r.evaluations, r.trials,
                     r.seed, r.algorithm, r.seconds);
  return out;
}

std::string json(const WorstResult& r) {
  nlohmann::ordered_json j;
  j["file"] = r.file;
  j["scenario"] = r.scenario;
  j["report"] = r.report;
  j["engine"] = r.engine;
  j["goal"] = r.maximize ? "maximize" : "minimize";
  j["seed"] = r.seed;
  j["trials"] = r.trials;
  nlohmann::ordered_json at = nlohmann::ordered_json::array();
  for (const WorstParam& p : r.at) at.push_back({{"param", p.name}, {"value", p.value}, {"lo", p.lo}, {"hi", p.hi}});
  j["at"] = at;
  j["evaluations"] = r.evaluations;
  j["algorithm"] = r.algorithm;
  j["search_estimate"] = r.searchEstimate;
  j["fresh_seed"] = r.freshSeed;
  j["fresh"] = {{"estimate", r.fresh.estimate}, {"stderr", r.fresh.stdError}, {"ci_low", r.fresh.ciLow},
                {"ci_high", r.fresh.ciHigh}, {"n", r.fresh.n}};
  j["declared"] = {{"estimate", r.declared.estimate}, {"stderr", r.declared.stdError}};
  return j.dump(2) + "\n";
}

std::string csv(const WorstResult& r) {
  std::string out = "scenario,report,goal,param,value,lo,hi,fresh_estimate,fresh_stderr,fresh_ci_low,fresh_ci_high,"
                    "search_estimate,declared_estimate,evaluations\n";
  for (const WorstParam& p : r.at)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csvField(r.scenario), csvField(r.report),
                       r.maximize ? "maximize" : "minimize", csvField(p.name), num(p.value), num(p.lo), num(p.hi),
                       num(r.fresh.estimate), num(r.fresh.stdError), num(r.fresh.ciLow), num(r.fresh.ciHigh),
                       num(r.searchEstimate), num(r.declared.estimate), r.evaluations);
  return out;
}

}  // namespace

std::string formatWorst(const WorstResult& result, OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return text(result);
    case OutputFormat::Json: return json(result);
    case OutputFormat::Csv: return csv(result);
  }
  return "";
}

}  // namespace omen::rt
