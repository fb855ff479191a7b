//===- HazardsTest.cpp - Which phases may jump over steps whose choices failed ---===//
#include <gtest/gtest.h>

#include "LowerFixture.h"
#include "ir/Printer.h"

namespace omen::ir {
namespace {

/// The decision for the first phase of the first scenario of `program`: "jump N" (N choices)
/// or the reason ("" for a body without choices).
std::string hazardDecisionOf(const std::string& program) {
  test::Lowered l(program);
  if (!l.module) return "<no module>";
  const Phase& p = l.module->scenarios.at(0).phases.at(0);
  EXPECT_EQ(p.jumpsHazards, p.hazardSites > 0 && p.hazards.empty());
  return p.jumpsHazards ? "jump " + std::to_string(p.hazardSites) : p.hazards;
}

std::string hazardDecision(const std::string& members) { return hazardDecisionOf("scenario s {\n" + members + "\n}\n"); }

const char* kHazardHead = "state on = bernoulli(0.5)\nstate x = 0\nparam q = 1%\nevent e\n";

TEST(Hazards, ChoicesWithSteadyProbabilitiesJump) {
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 1000 { with probability 1e-10 { trigger e; end } }\nreport P(e)"),
            "jump 1");
  // Probabilities from params, states and locals set in the step; nested choices, else
  // branches; an until phase over states.
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) +
                   "phase p until x >= 3 limit 10000 {\n let r = q * (x + 1)\n"
                   " if on { with probability r { x = x + 1 } else { with probability q / 2 { trigger e } } }\n"
                   " with probability 0.3 { if e { stop } }\n}\nreport E(x)"),
            "jump 3");
}

TEST(Hazards, IfBernoulliIsAChoice) {
  test::Lowered l("scenario s {\nevent e\nphase p for 100 { if bernoulli(0.01) { trigger e } }\nreport P(e)\n}\n");
  ASSERT_TRUE(l.module);
  const Phase& p = l.module->scenarios[0].phases[0];
  ASSERT_TRUE(p.jumpsHazards);
  // Rewritten into the statement the engines treat as a choice, at the call's site.
  ASSERT_EQ(p.body.size(), 1u);
  EXPECT_EQ(p.body[0]->kind, StmtKind::WithProbability);
  EXPECT_EQ(l.module->sites[p.body[0]->site].what, "bernoulli");
}

TEST(Hazards, ReasonsWhyNot) {
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 100 { with probability 0.1 { x = t } }\nreport E(x)"),
            "the body reads t");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 100 { with probability step / 100 { trigger e } }\nreport P(e)"),
            "the body reads step");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) +
                   "phase p for 100 { let u = normal(0, 1)\n with probability 0.1 { x = 1 } }\nreport E(x)"),
            "the body draws from normal outside a choice");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 100 { x = x + poisson(1)\n if bernoulli(0.1) { trigger e } }\nreport P(e)"),
            "the body draws from poisson outside a choice");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 100 { with probability uniform(0, 0.1) { trigger e } }\nreport P(e)"),
            "a choice's probability draws");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 100 { let b = bernoulli(0.1)\n with probability 0.1 { if b { trigger e } } }\nreport P(e)"),
            "the body draws from bernoulli outside a choice");
  EXPECT_EQ(hazardDecisionOf("fn coin() -> bool = bernoulli(0.5)\nscenario s {\n" + std::string(kHazardHead) +
                          "phase p for 100 { with probability 0.1 { if coin() { trigger e } } }\nreport P(e)\n}\n"),
            "the body calls coin, which draws");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p until bernoulli(0.1) limit 100 { with probability 0.1 { x = 1 } }\nreport E(x)"),
            "the until condition draws");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 1 { with probability 0.1 { trigger e } }\nreport P(e)"),
            "at most one step");
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 100 { with probability 0.1 { observe x > 0 } }\nreport E(x)"),
            "the body observes");
  std::string many = "phase p for 100 {\n";
  for (int i = 0; i < 1025; ++i) many += "with probability 1e-6 { x = x + 1 }\n";
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + many + "}\nreport E(x)"), "the body has more than 1024 choices");
  // No choice: nothing to say (the quiescence analysis speaks for the phase).
  EXPECT_EQ(hazardDecision(std::string(kHazardHead) + "phase p for 100 { if on { x = 1 } }\nreport E(x)"), "");
}

TEST(Hazards, PrintedOnThePhaseLine) {
  test::Lowered l(std::string("scenario s {\n") + kHazardHead +
                  "phase a for 100 { with probability 0.1 { trigger e } }\n"
                  "phase b for 100 { let u = normal(0, 1)\n if on { with probability 0.1 { x = 1 } } }\n"
                  "phase c for 100 { with probability 0.1 { x = t } }\nreport E(x)\n}\n");
  ASSERT_TRUE(l.module);
  std::string text = toString(*l.module);
  EXPECT_NE(text.find(" for 100 {  ; jumps over steps whose 1 choice all fail\n"), std::string::npos) << text;
  EXPECT_NE(text.find("{  ; runs every step: every step draws; no hazard jump: the body draws from normal outside a choice\n"),
            std::string::npos)
      << text;
  // The same reason for both analyses is said once.
  EXPECT_NE(text.find("{  ; runs every step: the body reads t\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace omen::ir
