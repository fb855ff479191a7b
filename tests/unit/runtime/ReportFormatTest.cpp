//===- ReportFormatTest.cpp - Text, JSON and CSV output, to the byte -------===//

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "runtime/host/ReportFormat.h"

using namespace omen;
using namespace omen::rt;

namespace {

ReportResult probability() {
  ReportResult r;
  r.label = "P(doom)";
  r.kind = ReportKind::Probability;
  r.n = 100000;
  r.estimate = 0.05143;
  r.stdError = 0.0006985;
  r.ciLow = 0.05009;
  r.ciHigh = 0.05282;
  return r;
}

RunResult sampleRun() {
  RunResult run;
  run.file = "examples/premises.omen";
  run.seed = 1;
  run.trials = 100000;
  run.engine = "jit";
  run.threads = 2;
  ScenarioResult s;
  s.name = "uncertain_premises";
  s.seconds = 0.125;
  s.compileSeconds = 0.31;
  ParamValue timelines{"timelines", ValueType::Real, false, {}};
  timelines.value.r = 0.65;
  ParamValue steps{"steps", ValueType::Int, false, {}};
  steps.value.i = 1000;
  ParamValue alignment{"alignment", ValueType::Real, true, {}};
  s.params = {timelines, steps, alignment};
  ReportResult mean;
  mean.label = "E(time(defection) | defection)";
  mean.kind = ReportKind::Mean;
  mean.conditional = true;
  mean.n = 5143;
  mean.estimate = 123.456;
  mean.stdError = 2.0731;
  mean.ciLow = 119.39;
  mean.ciHigh = 127.52;
  ReportResult q;
  q.label = "quantiles(risk)";
  q.kind = ReportKind::Quantiles;
  q.n = 100000;
  q.hasSpread = false;
  q.quantiles = {{0.05, 0.0123, 0.012, 0.0125},
                 {0.25, 0.031, 0.0305, 0.0315},
                 {0.5, 0.05, 0.0495, 0.0505},
                 {0.75, 0.0712, 0.0707, 0.0717},
                 {0.95, 0.1102, 0.1097, 0.1108}};
  ReportResult undefined;
  undefined.label = "P(doom | never)";
  undefined.conditional = true;
  undefined.undefined = true;
  undefined.hasSpread = false;
  ReportResult sketched = q;
  sketched.label = "quantiles(x, \"q\")";
  sketched.sketched = true;
  sketched.rankError = 0.000144;
  s.reports = {probability(), mean, q, undefined, sketched};
  run.scenarios = {s};
  ScenarioResult partial = s;
  partial.name = "partial_one";
  partial.partial = true;
  partial.trialsCompleted = 12288;
  partial.params = {};
  partial.compileSeconds = 0;  // compiled before the first scenario ran
  partial.reports = {probability()};
  run.scenarios.push_back(partial);
  return run;
}

CompareResult sampleCompare() {
  CompareResult r;
  r.file = "x.omen";
  r.seed = 7;
  r.trials = 100000;
  r.engine = "interp";
  r.threads = 1;
  r.seconds = 0.5;
  r.a.name = "base";
  r.b.name = "with_audits";
  ReportResult a = probability();
  a.label = "P(catastrophe)";
  ReportResult b = a;
  b.estimate = 0.0401;
  b.stdError = 0.00062;
  b.ciLow = 0.0389;
  b.ciHigh = 0.0413;
  Comparison c;
  c.label = a.label;
  c.kind = a.kind;
  c.a = a;
  c.b = b;
  c.n = 100000;
  c.difference = 0.0113;
  c.stdError = 0.00041;
  c.ciLow = 0.0105;
  c.ciHigh = 0.0121;
  ReportResult qa;
  qa.label = "quantiles(t)";
  qa.kind = ReportKind::Quantiles;
  qa.n = 100000;
  qa.quantiles = {{0.05, 1}, {0.25, 10}, {0.5, 50}, {0.75, 120}, {0.95, 900}};
  ReportResult qb = qa;
  qb.quantiles = {{0.05, 2}, {0.25, 12}, {0.5, 60}, {0.75, 150}, {0.95, 1200}};
  Comparison cq;
  cq.label = qa.label;
  cq.kind = qa.kind;
  cq.a = qa;
  cq.b = qb;
  cq.n = 100000;
  cq.quantileDifferences = {{0.05, -1}, {0.25, -2}, {0.5, -10}, {0.75, -30}, {0.95, -300}};
  ReportResult only;
  only.label = "E(x)";
  only.kind = ReportKind::Mean;
  only.n = 1;
  only.estimate = 2;
  only.hasSpread = false;
  r.a.reports = {a, qa, only};
  r.b.reports = {b, qb};
  r.comparisons = {c, cq};
  return r;
}

}  // namespace

TEST(ReportFormat, RunText) {
  EXPECT_EQ(formatRunText(sampleRun()),
            R"golden(scenario uncertain_premises
  P(doom)                          0.05143 ± 0.00070   [0.05009, 0.05282]   n=100000
  E(time(defection) | defection)   123.5 ± 2.1         [119.4, 127.5]       n=5143
  quantiles(risk)                  5%: 0.0123 [0.012, 0.0125]  25%: 0.031 [0.0305, 0.0315]  50%: 0.05 [0.0495, 0.0505]  75%: 0.0712 [0.0707, 0.0717]  95%: 0.1102 [0.1097, 0.1108]   n=100000
  P(doom | never)                  undefined: condition never held, n = 0
  quantiles(x, "q")                5%: 0.0123 [0.012, 0.0125]  25%: 0.031 [0.0305, 0.0315]  50%: 0.05 [0.0495, 0.0505]  75%: 0.0712 [0.0707, 0.0717]  95%: 0.1102 [0.1097, 0.1108]   n=100000   (sketch: rank error < 0.015%)
  100000 trials, seed 1, engine jit, 2 threads, compile 0.31 s, run 0.125 s

scenario partial_one
  P(doom)   0.05143 ± 0.00070   [0.05009, 0.05282]   n=100000
  12288 trials, seed 1, engine jit, 2 threads, run 0.125 s
  PARTIAL: interrupted after 12288 of 100000 trials
)golden");
}

TEST(ReportFormat, RunJson) {
  EXPECT_EQ(formatRunJson(sampleRun()),
            R"golden({"omen_version": "0.1.0", "file": "examples/premises.omen", "seed": 1, "trials": 100000,
 "engine": "jit", "threads": 2,
 "scenarios": [
   {"name": "uncertain_premises", "seconds": 0.125, "compile_seconds": 0.31,
    "params": {"timelines": 0.65, "steps": 1000, "alignment": "drawn per trial"},
    "reports": [
      {"label": "P(doom)", "kind": "probability", "estimate": 0.05143, "stderr": 0.0006985, "ci95": [0.05009, 0.05282], "n": 100000},
      {"label": "E(time(defection) | defection)", "kind": "mean", "estimate": 123.456, "stderr": 2.0731, "ci95": [119.39, 127.52], "n": 5143},
      {"label": "quantiles(risk)", "kind": "quantiles", "n": 100000, "quantiles": {"0.05": 0.0123, "0.25": 0.031, "0.5": 0.05, "0.75": 0.0712, "0.95": 0.1102}, "quantiles_ci95": {"0.05": [0.012, 0.0125], "0.25": [0.0305, 0.0315], "0.5": [0.0495, 0.0505], "0.75": [0.0707, 0.0717], "0.95": [0.1097, 0.1108]}},
      {"label": "P(doom | never)", "kind": "probability", "estimate": null, "stderr": null, "ci95": null, "n": 0, "undefined": "condition never held"},
      {"label": "quantiles(x, \"q\")", "kind": "quantiles", "n": 100000, "quantiles": {"0.05": 0.0123, "0.25": 0.031, "0.5": 0.05, "0.75": 0.0712, "0.95": 0.1102}, "quantiles_ci95": {"0.05": [0.012, 0.0125], "0.25": [0.0305, 0.0315], "0.5": [0.0495, 0.0505], "0.75": [0.0707, 0.0717], "0.95": [0.1097, 0.1108]}, "rank_error": 0.000144}
    ]},
   {"name": "partial_one", "seconds": 0.125, "compile_seconds": 0,
    "params": {},
    "partial": true, "trials_completed": 12288,
    "reports": [
      {"label": "P(doom)", "kind": "probability", "estimate": 0.05143, "stderr": 0.0006985, "ci95": [0.05009, 0.05282], "n": 100000}
    ]}
 ]}
)golden");
  // And it is one valid JSON document with the keys of docs/reference.md section 12.
  nlohmann::json doc = nlohmann::json::parse(formatRunJson(sampleRun()));
  EXPECT_EQ(doc["omen_version"], "0.1.0");
  EXPECT_EQ(doc["scenarios"][0]["reports"][0]["ci95"][1].get<double>(), 0.05282);
  EXPECT_TRUE(doc["scenarios"][0]["reports"][3]["estimate"].is_null());
  EXPECT_EQ(doc["scenarios"][0]["reports"][2]["quantiles"]["0.5"].get<double>(), 0.05);
}

TEST(ReportFormat, RunCsv) {
  EXPECT_EQ(formatRunCsv(sampleRun()),
            R"golden(scenario,label,kind,estimate,stderr,ci_low,ci_high,n,note,param.timelines,param.steps,param.alignment
uncertain_premises,P(doom),probability,0.05143,0.0006985,0.05009,0.05282,100000,,0.65,1000,drawn
uncertain_premises,E(time(defection) | defection),mean,123.456,2.0731,119.39,127.52,5143,,0.65,1000,drawn
uncertain_premises,quantiles(risk)@0.05,quantiles,0.0123,,0.012,0.0125,100000,,0.65,1000,drawn
uncertain_premises,quantiles(risk)@0.25,quantiles,0.031,,0.0305,0.0315,100000,,0.65,1000,drawn
uncertain_premises,quantiles(risk)@0.5,quantiles,0.05,,0.0495,0.0505,100000,,0.65,1000,drawn
uncertain_premises,quantiles(risk)@0.75,quantiles,0.0712,,0.0707,0.0717,100000,,0.65,1000,drawn
uncertain_premises,quantiles(risk)@0.95,quantiles,0.1102,,0.1097,0.1108,100000,,0.65,1000,drawn
uncertain_premises,P(doom | never),probability,,,,,0,undefined: condition never held,0.65,1000,drawn
uncertain_premises,"quantiles(x, ""q"")@0.05",quantiles,0.0123,,0.012,0.0125,100000,,0.65,1000,drawn
uncertain_premises,"quantiles(x, ""q"")@0.25",quantiles,0.031,,0.0305,0.0315,100000,,0.65,1000,drawn
uncertain_premises,"quantiles(x, ""q"")@0.5",quantiles,0.05,,0.0495,0.0505,100000,,0.65,1000,drawn
uncertain_premises,"quantiles(x, ""q"")@0.75",quantiles,0.0712,,0.0707,0.0717,100000,,0.65,1000,drawn
uncertain_premises,"quantiles(x, ""q"")@0.95",quantiles,0.1102,,0.1097,0.1108,100000,,0.65,1000,drawn
partial_one,P(doom),probability,0.05143,0.0006985,0.05009,0.05282,100000,partial: 12288 of 100000 trials,,,
)golden");
}

TEST(ReportFormat, CompareText) {
  EXPECT_EQ(formatCompareText(sampleCompare()),
            R"golden(compare base vs with_audits (common random numbers)
                      base                with_audits         difference (A - B)   95% interval
  P(catastrophe)      0.05143 ± 0.00070   0.04010 ± 0.00062   +0.01130 ± 0.00041   [0.01050, 0.01210]   n=100000
  quantiles(t) @5%    1                   2                   -1                                        n=100000
  quantiles(t) @25%   10                  12                  -2                                        n=100000
  quantiles(t) @50%   50                  60                  -10                                       n=100000
  quantiles(t) @75%   120                 150                 -30                                       n=100000
  quantiles(t) @95%   900                 1200                -300                                      n=100000
  only in base: E(x)
  100000 trials, seed 7, engine interp, 1 thread, run 0.5 s
)golden");
}

TEST(ReportFormat, CompareJsonAndCsv) {
  EXPECT_EQ(formatCompareCsv(sampleCompare()),
            R"golden(label,kind,estimate_a,stderr_a,n_a,estimate_b,stderr_b,n_b,difference,stderr,ci_low,ci_high,n,note
P(catastrophe),probability,0.05143,0.0006985,100000,0.0401,0.00062,100000,0.0113,0.00041,0.0105,0.0121,100000,
quantiles(t)@0.05,quantiles,1.0,,100000,2.0,,100000,-1.0,,,,100000,
quantiles(t)@0.25,quantiles,10.0,,100000,12.0,,100000,-2.0,,,,100000,
quantiles(t)@0.5,quantiles,50.0,,100000,60.0,,100000,-10.0,,,,100000,
quantiles(t)@0.75,quantiles,120.0,,100000,150.0,,100000,-30.0,,,,100000,
quantiles(t)@0.95,quantiles,900.0,,100000,1200.0,,100000,-300.0,,,,100000,
)golden");
  nlohmann::json doc = nlohmann::json::parse(formatCompareJson(sampleCompare()));
  EXPECT_EQ(doc["a"], "base");
  EXPECT_EQ(doc["b"], "with_audits");
  const nlohmann::json& c = doc["comparisons"][0];
  EXPECT_EQ(c["label"], "P(catastrophe)");
  EXPECT_EQ(c["a"]["estimate"].get<double>(), 0.05143);
  EXPECT_EQ(c["b"]["estimate"].get<double>(), 0.0401);
  EXPECT_EQ(c["difference"]["estimate"].get<double>(), 0.0113);
  EXPECT_EQ(c["difference"]["stderr"].get<double>(), 0.00041);
  EXPECT_EQ(c["difference"]["ci95"][0].get<double>(), 0.0105);
  EXPECT_EQ(doc["comparisons"][1]["difference"]["quantiles"]["0.95"].get<double>(), -300);
  EXPECT_EQ(doc["scenarios"][0]["reports"][2]["stderr"], nullptr);  // n = 1: no spread
  EXPECT_EQ(doc["scenarios"].size(), 2u);
}

TEST(ReportFormat, NumbersSurviveAJsonAndCsvRoundTripExactly) {
  uint64_t s = 1;
  for (int i = 0; i < 20000; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    double x;
    uint64_t bits = s;
    std::memcpy(&x, &bits, sizeof x);
    if (!std::isfinite(x)) continue;
    std::string text = shortestNumber(x);
    double back = nlohmann::json::parse(text).get<double>();
    EXPECT_EQ(std::memcmp(&back, &x, sizeof x), 0) << text;
    double viaStrtod = std::strtod(text.c_str(), nullptr);
    EXPECT_EQ(std::memcmp(&viaStrtod, &x, sizeof x), 0) << text;
  }
  EXPECT_EQ(shortestNumber(0.1), "0.1");
  EXPECT_EQ(shortestNumber(100000), "100000");
  EXPECT_EQ(shortestNumber(0.0007), "0.0007");
  EXPECT_EQ(shortestNumber(1e-7), "1e-07");
  EXPECT_EQ(shortestNumber(6e22), "6e+22");
  EXPECT_EQ(shortestNumber(1.0 / 3), "0.3333333333333333");
}

TEST(ReportFormat, RoundingFollowsTheStandardError) {
  EXPECT_EQ(roundedNumber(0.051432, 0.0007), "0.05143");
  EXPECT_EQ(roundedNumber(123.456, 2.07), "123.5");
  EXPECT_EQ(roundedNumber(1234567, 15000), "1235000");
  EXPECT_EQ(roundedNumber(6.02e20, 1.1e18), "6.020e+20");
  EXPECT_EQ(roundedNumber(-0.00001, 0.01), "0.000");
  EXPECT_EQ(roundedNumber(2.5, 0), "2.5");
}
