//===- AnalysisTest.cpp - Sweeps, solve and settings comparisons against closed forms ===//
//
// Through the public API (Program::sweep / solve / compareSettings), so the host-side
// analyses, the scenario choice and the grid are what is tested, on both in-process engines.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <cmath>

#include "omen/Omen.h"

namespace omen {
namespace {

// P(caught) = 1 - (1 - q)^k: k audits, each catching with probability q.
constexpr const char* kAudits = R"(
scenario audits {
  param q = 5% in [0.5%, 20%]
  param k = 10 in [1, 40]
  event caught
  phase episodes for k {
    with probability q { trigger caught; stop }
  }
  report P(caught)
}
)";

RunOptions small(uint64_t trials, Engine engine = Engine::Jit) {
  RunOptions o;
  o.trials = trials;
  o.threads = 2;
  o.engine = engine;
  return o;
}

std::unique_ptr<Program> load(const char* text) {
  auto p = Program::fromString(text, "test.omen");
  EXPECT_TRUE(p->ok()) << p->diagnostics();
  return p;
}

TEST(Sweep, AuditIntervalMatchesClosedFormAtEveryPoint) {
  auto program = load(kAudits);
  SweepRequest request;
  request.axes.push_back({"k", "", "", 14, false});  // the declared range [1, 40]
  SweepOutcome out = program->sweep(request, small(20000));
  ASSERT_TRUE(out.ok()) << out.error;
  ASSERT_EQ(out.result.axes[0].values.front(), 1);
  ASSERT_EQ(out.result.axes[0].values.back(), 40);
  ASSERT_EQ(out.result.points.size(), 14u);
  for (const SweepPoint& p : out.result.points) {
    double exact = 1 - std::pow(1 - 0.05, p.at[0]);
    const ReportResult& r = p.reports[0];
    EXPECT_LT(std::abs(r.estimate - exact), 5 * r.stdError) << "k = " << p.at[0] << ": " << r.estimate << " vs " << exact;
  }
  // Paired steps: the difference of neighbours, each within 5 of its standard errors of
  // the closed-form difference, and much narrower than an unpaired one would be.
  ASSERT_EQ(out.result.steps.size(), 13u);
  for (const SweepStep& s : out.result.steps) {
    const Comparison& c = s.differences[0];
    double exact = std::pow(0.95, out.result.points[s.from].at[0]) - std::pow(0.95, out.result.points[s.to].at[0]);
    EXPECT_LT(std::abs(c.difference - exact), 5 * c.stdError);
    EXPECT_LT(c.stdError, std::hypot(c.a.stdError, c.b.stdError));
  }
}

TEST(Sweep, LogGridOverTwoParams) {
  auto program = load(kAudits);
  SweepRequest request;
  request.axes.push_back({"q", "1%", "20%", 5, true});
  request.axes.push_back({"k", "5", "20", 3, false});
  SweepOutcome out = program->sweep(request, small(8192));
  ASSERT_TRUE(out.ok()) << out.error;
  ASSERT_EQ(out.result.points.size(), 15u);
  EXPECT_NEAR(out.result.axes[0].values[2], std::sqrt(0.01 * 0.2), 1e-15);  // geometric middle
  for (const SweepPoint& p : out.result.points) {
    double exact = 1 - std::pow(1 - p.at[0], p.at[1]);
    EXPECT_LT(std::abs(p.reports[0].estimate - exact), 5 * p.reports[0].stdError + 1e-12);
  }
  EXPECT_EQ(out.result.steps.size(), 12u);  // 4 steps along q for each of 3 values of k
}

TEST(Sweep, BernoulliResponseIsExactlyMonotoneOnCommonRandomNumbers) {
  auto program = load(R"(
scenario coin {
  param p = 0.5 in [0, 1]
  state heads = bernoulli(p)
  report P(heads)
}
)");
  SweepRequest request;
  request.axes.push_back({"p", "", "", 41, false});
  SweepOutcome out = program->sweep(request, small(5000));
  ASSERT_TRUE(out.ok()) << out.error;
  EXPECT_EQ(out.result.points.front().reports[0].estimate, 0.0);
  EXPECT_EQ(out.result.points.back().reports[0].estimate, 1.0);
  for (size_t i = 1; i < out.result.points.size(); ++i)
    EXPECT_GE(out.result.points[i].reports[0].estimate, out.result.points[i - 1].reports[0].estimate) << "point " << i;
  for (const SweepStep& s : out.result.steps) EXPECT_GE(s.differences[0].difference, 0.0);
}

TEST(Sweep, UncertainParamIsPinnedAtEachPoint) {
  auto program = load(R"(
scenario s {
  param u ~ beta(2, 8) in [0, 1]
  state x = u * 2
  report E(x)
}
)");
  SweepRequest request;
  request.axes.push_back({"u", "0.25", "0.75", 3, false});
  SweepOutcome out = program->sweep(request, small(1000));
  ASSERT_TRUE(out.ok()) << out.error;
  for (const SweepPoint& p : out.result.points) {
    EXPECT_EQ(p.reports[0].estimate, 2 * p.at[0]);
    EXPECT_EQ(p.reports[0].stdError, 0);
  }
}

TEST(Sweep, EnginesGiveIdenticalOutput) {
  auto program = load(kAudits);
  SweepRequest request;
  request.axes.push_back({"q", "", "", 6, false});
  SweepOutcome jit = program->sweep(request, small(5000, Engine::Jit));
  SweepOutcome interp = program->sweep(request, small(5000, Engine::Interpreter));
  ASSERT_TRUE(jit.ok() && interp.ok());
  EXPECT_EQ(formatSweep(jit.result, OutputFormat::Csv), formatSweep(interp.result, OutputFormat::Csv));
}

TEST(Sweep, UsageErrors) {
  auto program = load(kAudits);
  SweepRequest request;
  request.axes.push_back({"q", "0.1%", "10%", 5, false});
  SweepOutcome out = program->sweep(request, small(100));
  EXPECT_EQ(out.failure, Failure::Options);
  EXPECT_NE(out.error.find("outside the declared range [0.005, 0.2] of 'q'"), std::string::npos) << out.error;
  request.axes = {{"kk", "", "", 5, false}};
  out = program->sweep(request, small(100));
  EXPECT_NE(out.error.find("no scenario declares 'kk'"), std::string::npos) << out.error;
  request.axes = {{"q", "", "", 5, false}};
  RunOptions o = small(100);
  o.overrides.push_back({"q", "5%"});
  out = program->sweep(request, o);
  EXPECT_NE(out.error.find("name the same param"), std::string::npos) << out.error;
}

// P = 1 - (1 - p)^100 = 1% at p = 1 - 0.99^(1/100).
constexpr const char* kHundredSteps = R"(
scenario s {
  param p = 0.01% in [0.001%, 0.1%]
  event hit
  phase steps for 100 {
    with probability p { trigger hit; stop }
  }
  report P(hit)
}
)";

TEST(Solve, ThresholdCoversTheClosedForm) {
  auto program = load(kHundredSteps);
  SolveRequest request;
  request.param = "p";
  request.report = "P(hit)";
  request.target = 0.01;
  SolveOutcome out = program->solve(request, small(20000));
  ASSERT_TRUE(out.ok()) << out.error;
  const double exact = 1 - std::pow(0.99, 1.0 / 100);  // 1.00503e-4
  const SolveResult& r = out.result;
  EXPECT_LE(r.ciLow, exact);
  EXPECT_GE(r.ciHigh, exact);
  EXPECT_LT(r.ciLow, r.root);
  EXPECT_GT(r.ciHigh, r.root);
  EXPECT_FALSE(r.ciLowOpen || r.ciHighOpen);
  EXPECT_NEAR(r.root, exact, 0.2 * exact);
  // The interval is the test inversion of the report's own interval, so its width matches
  // the delta method's 2 z se / f'(x*), f'(x) = 100 (1 - x)^99, to within a factor of 2.
  double delta = 2 * 1.96 * r.atRoot.stdError / (100 * std::pow(1 - exact, 99));
  EXPECT_GT(r.ciHigh - r.ciLow, delta / 2);
  EXPECT_LT(r.ciHigh - r.ciLow, delta * 2);
  EXPECT_NEAR(r.atRoot.estimate, 0.01, 5 * r.atRoot.stdError);
}

TEST(Solve, TargetOutsideTheRangeIsNamed) {
  auto program = load(kHundredSteps);
  SolveRequest request{"", "p", "", "", "P(hit)", 0.5};
  SolveOutcome out = program->solve(request, small(4096));
  EXPECT_EQ(out.failure, Failure::Options);
  EXPECT_NE(out.error.find("the target P(hit) = 0.5 is not crossed for p in [1e-05, 0.001]"), std::string::npos)
      << out.error;
}

TEST(Solve, NonMonotoneResponseIsNamed) {
  auto program = load(R"(
scenario hump {
  param x = 0.5 in [0, 1]
  state hit = bernoulli(4 * x * (1 - x))
  report P(hit)
}
)");
  SolveRequest request{"", "x", "", "", "P(hit)", 0.5};
  SolveOutcome out = program->solve(request, small(4096));
  EXPECT_EQ(out.failure, Failure::Options);
  EXPECT_NE(out.error.find("is not monotone in x"), std::string::npos) << out.error;
  EXPECT_NE(out.error.find("crosses 0.5 2 times"), std::string::npos) << out.error;
}

TEST(CompareSettings, OneScenarioAtTwoSettingsIsPaired) {
  auto program = load(kAudits);
  CompareOutcome out = program->compareSettings("audits", {{"q", "10%"}}, {{"q", "5%"}}, small(20000));
  ASSERT_TRUE(out.ok()) << out.error;
  ASSERT_EQ(out.result.comparisons.size(), 1u);
  const Comparison& c = out.result.comparisons[0];
  double exact = std::pow(0.95, 10) - std::pow(0.90, 10);
  EXPECT_LT(std::abs(c.difference - exact), 5 * c.stdError);
  EXPECT_GT(c.stdError, 0);
  EXPECT_LT(c.stdError, std::hypot(c.a.stdError, c.b.stdError));
  EXPECT_EQ(out.result.a.name, "audits [q=10%]");
  CompareOutcome same = program->compareSettings("audits", {{"q", "5%"}}, {{"q", "5%"}}, small(100));
  EXPECT_EQ(same.failure, Failure::Options);
}

}  // namespace
}  // namespace omen
