//===- ExpectTestFormat.cpp - `omen test`'s verdicts as text, JSON or CSV -===//
#include "analysis/expect/ExpectTestFormat.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "runtime/host/Expectation.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {

namespace {

std::string alphaPercent(double alpha) { return fmt::format("{:g}%", alpha * 100); }

std::string testPartialNote(uint64_t completed, uint64_t cap) {
  return fmt::format("partial: interrupted after {} trials (cap {})", completed, cap);
}

// The sequence's interval rounded to the report's standard error, as the run's interval is.
std::string sequenceText(const ReportResult& r) {
  if (!r.verdict.hasInterval)
    return r.kind == ReportKind::Mean ? fmt::format("(no interval before {} values)", kExpectMinTrials) : "(no interval yet)";
  double scale = r.stdError > 0 ? r.stdError : r.verdict.high - r.verdict.low;
  return fmt::format("[{}, {}]", roundedNumber(r.verdict.low, scale), roundedNumber(r.verdict.high, scale));
}

std::string testStopLine(const ScenarioResult& s, const TestResult& r) {
  std::string where;
  if (s.partial)
    where = "PARTIAL" + testPartialNote(s.trialsCompleted, r.trials).substr(7);
  else if (s.trialsCompleted < r.trials)
    where = fmt::format("every expectation decided after {} trials (cap {})", s.trialsCompleted, r.trials);
  else
    where = fmt::format("reached the cap of {} trials", r.trials);
  return fmt::format("  {}; seed {}, engine {}, run {:.3g} s\n", where, r.seed, r.engine, s.seconds);
}

std::string text(const TestResult& r) {
  std::string out = fmt::format("test {}: each expectation decided at error rate {} by a confidence sequence\n",
                                r.file, alphaPercent(r.alpha));
  if (r.scenarios.empty()) return out + "  no scenario has an expect statement\n";
  for (const ScenarioResult& s : r.scenarios) {
    out += "scenario " + s.name + "\n";
    Table table;
    for (const ReportResult& rep : s.reports) {
      if (!rep.expectation) continue;
      auto [estimate, interval] = estimateCells(rep);
      table.row({verdictCell(rep), rep.label, estimate, "sequence " + sequenceText(rep), fmt::format("n={}", rep.n)});
    }
    out += table.render("  ");
    out += testStopLine(s, r);
  }
  TestTally t = tally(r);
  out += fmt::format("{} passed, {} failed, {} undecided{}\n", t.passed, t.failed, t.undecided,
                     r.partial ? " (PARTIAL: interrupted)" : "");
  return out;
}

nlohmann::ordered_json sequenceJson(const ExpectationVerdict& v) {
  return v.hasInterval ? nlohmann::ordered_json::array({v.low, v.high}) : nlohmann::ordered_json();
}

std::string json(const TestResult& r) {
  nlohmann::ordered_json j =
      headerJson(r, {"file", "seed", {"alpha", r.alpha}, {"trial_cap", r.trials}, "engine", "version", "partial"});
  nlohmann::ordered_json scenarios = nlohmann::ordered_json::array();
  for (const ScenarioResult& s : r.scenarios) {
    nlohmann::ordered_json sj = scenarioHeadJson(s.name, "trials", s.trialsCompleted, s.partial);
    nlohmann::ordered_json expectations = nlohmann::ordered_json::array();
    for (const ReportResult& rep : s.reports) {
      if (!rep.expectation) continue;
      nlohmann::ordered_json e;
      e["label"] = rep.label;
      e["kind"] = reportKindName(rep.kind);
      e["bound"] = rep.expectation->bound;
      e["verdict"] = verdictName(rep.verdict.verdict);
      e["interval"] = sequenceJson(rep.verdict);
      e["estimate"] = rep.undefined ? nlohmann::ordered_json() : nlohmann::ordered_json(rep.estimate);
      e["n"] = rep.n;
      expectations.push_back(std::move(e));
    }
    sj["expectations"] = std::move(expectations);
    scenarios.push_back(std::move(sj));
  }
  j["scenarios"] = std::move(scenarios);
  TestTally t = tally(r);
  j["passed"] = t.passed;
  j["failed"] = t.failed;
  j["undecided"] = t.undecided;
  return j.dump(2) + "\n";
}

std::string csv(const TestResult& r) {
  std::string out = "scenario,label,kind,bound,verdict,interval_low,interval_high,estimate,n,trials,alpha,note\n";
  for (const ScenarioResult& s : r.scenarios)
    for (const ReportResult& rep : s.reports) {
      if (!rep.expectation) continue;
      const ExpectationVerdict& v = rep.verdict;
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", csvField(s.name), csvField(rep.label),
                         reportKindName(rep.kind), csvField(rep.expectation->bound), verdictName(v.verdict),
                         v.hasInterval ? csvNumber(v.low) : "", v.hasInterval ? csvNumber(v.high) : "",
                         rep.undefined ? "" : csvNumber(rep.estimate), rep.n, s.trialsCompleted, csvNumber(r.alpha),
                         csvField(s.partial ? testPartialNote(s.trialsCompleted, r.trials) : ""));
    }
  return out;
}

}  // namespace

std::string formatTest(const TestResult& result, OutputFormat format) {
  return formatWith(result, format, text, json, csv);
}

}  // namespace omen::rt
