//===- WorstExactFormat.cpp - `worst --exact` as text, JSON or CSV ----------===//
//
// The JSON is also the policy file `--policy` reads (api/Policy.cpp): "scenario", and a
// "strategy" with each `choose` statement's name, line, the names it sees ("columns") and
// one row per state it can meet: what it sees ("seen") and what it picks ("choice").
//
//===----------------------------------------------------------------------===//
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/worst/WorstFormat.h"
#include "core/PrintableText.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {
namespace {

/// Rows the text shows per `choose`; the JSON has all.
constexpr size_t kTextRows = 40;

std::string valueText(char type, double v) {
  if (type == 'b') return v != 0 ? "true" : "false";
  return num(v);
}

nlohmann::ordered_json valueJson(char type, double v) {
  if (type == 'b') return v != 0;
  if (type == 'i') return int64_t(v);
  return v;
}

std::string boundText(double bound) { return bound == 0 ? "exact up to rounding" : fmt::format("± {:.2g}", bound); }

std::string strategyText(const WorstChoice& c) {
  // Only the columns that differ between rows tell the decisions apart; the rest are shown once.
  std::vector<size_t> varying;
  std::string constant;
  for (size_t k = 0; k < c.columns.size(); ++k) {
    bool differs = false;
    for (const WorstChoice::Row& r : c.rows) differs |= r.seen[k] != c.rows[0].seen[k];
    if (differs) varying.push_back(k);
    else if (!c.rows.empty())
      constant += (constant.empty() ? "" : ", ") + printableText(c.columns[k]) + " = " + valueText(c.columnTypes[k], c.rows[0].seen[k]);
  }
  std::string out = fmt::format("  strategy of `choose {}` (line {}), {} state{} it can meet:\n", printableText(c.name), c.line,
                                c.rows.size(), c.rows.size() == 1 ? "" : "s");
  if (!constant.empty()) out += "    in every one: " + constant + "\n";
  Table t;
  std::vector<std::string> head;
  for (size_t k : varying) head.push_back(printableText(c.columns[k]));
  head.push_back("-> " + printableText(c.name));
  head.push_back("value from there");
  t.row(head);
  for (size_t i = 0; i < c.rows.size() && i < kTextRows; ++i) {
    const WorstChoice::Row& r = c.rows[i];
    std::vector<std::string> cells;
    for (size_t k : varying) cells.push_back(valueText(c.columnTypes[k], r.seen[k]));
    cells.push_back(valueText(c.choiceType, r.choice));
    cells.push_back(fmt::format("{:.10g}", r.value));
    t.row(cells);
  }
  out += t.render("    ");
  if (c.rows.size() > kTextRows) out += fmt::format("    … {} more rows in --format json\n", c.rows.size() - kTextRows);
  return out;
}

}  // namespace

std::string worstExactText(const WorstResult& r) {
  const WorstExact& x = r.exactResult;
  std::string out = fmt::format("worst case of \"{}\" in scenario {}: {} over every adaptive strategy (exact engine)\n",
                                printableText(r.report), printableText(r.scenario), r.maximize ? "maximised" : "minimised");
  if (!r.found) return out + "  PARTIAL: interrupted " + x.stoppedAt + ", before the optimum was found\n";
  out += fmt::format("  optimum          {:.10g}   {}\n", x.value, boundText(x.errorBound));
  if (x.replayed) {
    double gap = x.replay.stdError > 0 ? std::fabs(x.replay.estimate - x.value) / x.replay.stdError : 0;
    out += fmt::format("  replayed by Monte Carlo ({} trials, seed {}): {} ({:.1f} se from the optimum)\n", r.trials,
                       r.seed, estimateText(x.replay), gap);
  } else {
    out += "  PARTIAL: the replay was interrupted\n";
  }
  for (const WorstChoice& c : x.strategy) out += strategyText(c);
  out += fmt::format("  exact: {} states, {} decisions, {} steps, {:.2g} s\n", x.states, x.decisions, x.steps, x.seconds);
  return out;
}

std::string worstExactJson(const WorstResult& r) {
  const WorstExact& x = r.exactResult;
  nlohmann::ordered_json j = headerJson(r, {"file", "scenario", {"report", r.report},
                                             {"goal", r.maximize ? "maximize" : "minimize"}, {"method", "exact"}, "partial"});
  j["value"] = r.found ? nlohmann::ordered_json(x.value) : nlohmann::ordered_json(nullptr);
  j["error_bound"] = r.found ? nlohmann::ordered_json(x.errorBound) : nlohmann::ordered_json(nullptr);
  if (!r.found) j["stopped"] = "interrupted " + x.stoppedAt;
  nlohmann::ordered_json replay = nullptr;
  if (x.replayed)
    replay = {{"estimate", x.replay.estimate}, {"stderr", x.replay.stdError}, {"ci_low", x.replay.ciLow},
              {"ci_high", x.replay.ciHigh}, {"n", x.replay.n}, {"seed", r.seed}, {"engine", r.engine}};
  j["replay"] = replay;
  nlohmann::ordered_json strategy = nlohmann::ordered_json::array();
  for (const WorstChoice& c : x.strategy) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const WorstChoice::Row& row : c.rows) {
      nlohmann::ordered_json seen = nlohmann::ordered_json::array();
      for (size_t k = 0; k < row.seen.size(); ++k) seen.push_back(valueJson(c.columnTypes[k], row.seen[k]));
      rows.push_back({{"seen", seen}, {"choice", valueJson(c.choiceType, row.choice)}, {"value", row.value},
                      {"alternative_values", row.alternativeValues}});
    }
    strategy.push_back({{"name", c.name}, {"line", c.line}, {"column", c.column}, {"columns", c.columns}, {"rows", rows}});
  }
  j["strategy"] = strategy;
  j["states"] = x.states;
  j["decisions"] = x.decisions;
  j["steps"] = x.steps;
  j["seconds"] = x.seconds;
  return j.dump(2) + "\n";
}

std::string worstExactCsv(const WorstResult& r) {
  const WorstExact& x = r.exactResult;
  std::string note;
  if (!r.found) note = "partial: interrupted " + x.stoppedAt + ", before the optimum was found";
  else if (!x.replayed) note = "partial: the replay was interrupted";
  std::string out = "scenario,report,goal,value,error_bound,replay_estimate,replay_stderr,states,decisions,note\n";
  out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", csvField(r.scenario), csvField(r.report),
                     r.maximize ? "maximize" : "minimize", r.found ? csvNumber(x.value) : "",
                     r.found ? csvNumber(x.errorBound) : "", x.replayed ? csvNumber(x.replay.estimate) : "",
                     x.replayed ? csvNumber(x.replay.stdError) : "", x.states, x.decisions, csvField(note));
  return out;
}

}  // namespace omen::rt
