//===- TrialLanesTest.cpp - Which scenarios may run trials in vector lanes -------===//
#include <gtest/gtest.h>

#include "LowerFixture.h"

namespace omen::ir {
namespace trial_lanes_test {  // named: unity batches (cmake/OmenUnity.cmake) share one TU

/// The decision for the first scenario of `program`: "lanes" or the reason.
std::string decideProgram(const std::string& program) {
  test::Lowered l(program);
  if (!l.module) return "<no module>";
  const Scenario& s = l.module->scenarios.at(0);
  EXPECT_EQ(s.runsInLanes, s.trialLanes.empty());
  return s.runsInLanes ? "lanes" : s.trialLanes;
}

std::string decide(const std::string& members) { return decideProgram("scenario s {\n" + members + "\n}\n"); }

const char* kHead = "param q = 0.3\nstate x = uniform(-1, 1)\nevent e\n";

TEST(TrialLanes, StraightLineScenariosRunInLanes) {
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 1 { with probability q { trigger e } }\nreport P(e)"), "lanes");
  // No phase at all, a phase of no step, a trial that ends early, clocks, draws in reports'
  // states, errors that may happen (1 / x): all fine to run speculatively.
  EXPECT_EQ(decide(std::string(kHead) + "report E(x)"), "lanes");
  EXPECT_EQ(decide(std::string(kHead) + "phase a for 0 { trigger e }\nphase b for 1 { if x > 0 { end }\n x = 1 / x + t }\n"
                                        "report E(x | not e)"),
            "lanes");
  // A function without loops: its errors return to the caller, which flags the lane.
  EXPECT_EQ(decideProgram("fn f(a: real) -> real = clamp(a, 0, 2) / a\nscenario s {\n state y = f(uniform(0, 1))\n"
                          " report E(y)\n}\n"),
            "lanes");
  // Consts and params are evaluated once, before any trial: any builtin there.
  EXPECT_EQ(decide("param mu = exp(1)\nstate y = uniform(0, mu)\nreport E(abs(min(y, 1)) + max(y, 0))"), "lanes");
}

TEST(TrialLanes, BuiltinsThatCannotBeVectorisedAreRefused) {
  EXPECT_EQ(decide("state y = uniform(0, 1)\nreport E(log(y))"), "the trial calls log (a loop or a libm call)");
  EXPECT_EQ(decide("state y = uniform(0, 1)\nreport E(exp(y) + pow(y, 2))"),
            "the trial calls exp (a loop or a libm call)");
  EXPECT_EQ(decideProgram("fn f(a: real) -> int = poisson(a)\nscenario s {\n state y = f(2)\n report E(y)\n}\n"),
            "the trial calls poisson (a loop or a libm call)");
}

TEST(TrialLanes, ContinuousSamplersRunInLanes) {
  // Their log, exp and sqrt are the kernel's own; the rejection samplers (beta, gamma, pert)
  // make one try in a lane and leave a rejected trial to the exact rerun.
  EXPECT_EQ(decide("param p ~ beta(2, 3)\nevent e\nphase w for 1 { with probability p { trigger e } }\nreport P(e)"),
            "lanes");
  EXPECT_EQ(decide("state y = normal(0, 1) + lognormal(0, 1) + exponential(2) + gamma(0.5, 2) + to(1, 10)\n"
                   "state z = triangular(0, 1, 2) + pert(0, 1, 3) + loguniform(1, 5) + sqrt(abs(y))\nreport E(y + z)"),
            "lanes");
}

TEST(TrialLanes, BeliefsThatCallLibmAreRefused) {
  // A mixture is an `if` chain of draws: in lanes like its parts.
  EXPECT_EQ(decide("param a ~ mixture(0.3: normal(0, 1), 0.7: beta(2, 3))\nstate y = a\nreport E(y)"), "lanes");
  // metalog's quantile function and correlate's normal_cdf call libm's log, exp and erfc.
  EXPECT_EQ(decide("param a ~ metalog(10%: 1, 50%: 2, 90%: 5)\nstate y = a\nreport E(y)"),
            "the trial calls metalog (a loop or a libm call)");
  EXPECT_EQ(decide("param a ~ uniform(0, 1)\nparam b ~ uniform(0, 1)\ncorrelate(a, b, 0.5)\nstate y = a + b\n"
                   "report E(y)"),
            "the trial calls normal_cdf (a loop or a libm call)");
  EXPECT_EQ(decide("state y = normal(0, 1)\nphase p for 1 { observe 1 ~ normal(y, 2) }\nreport E(y)"),
            "the scenario observes");
}

TEST(TrialLanes, StepLoopsAreRefused) {
  EXPECT_EQ(decide(std::string(kHead) + "phase p for 2 { with probability q { trigger e } }\nreport P(e)"),
            "phase p runs more than one step");
  EXPECT_EQ(decide(std::string(kHead) + "param n = 1\nphase p for n { trigger e }\nreport P(e)"),
            "phase p has a step count that is not a constant");
  EXPECT_EQ(decide(std::string(kHead) + "phase p until e limit 1 { trigger e }\nreport P(e)"),
            "phase p is an until phase");
}

TEST(TrialLanes, WhatAWrongValueCouldRunAwayWithIsRefused) {
  EXPECT_EQ(decide("param n = 3\nstate xs[n] = 0.5\nphase p for 1 { xs[0] = 1 }\nreport E(sum(xs))"),
            "the scenario has arrays");
  // A loop's bound computed after an error could be anything, in the trial or in a function.
  EXPECT_EQ(decide("state k = clamp(3, 0, 5)\nstate y = 0\nphase p for 1 { for i in 0..k { y = y + 1 } }\nreport E(y)"),
            "the trial has a for loop");
  EXPECT_EQ(decideProgram("fn first(n: int) -> int {\n for i in 0..n { if i * i > n { return i } }\n return n\n}\n"
                          "scenario s {\n state y = first(clamp(5, 0, 9))\n report E(y)\n}\n"),
            "the trial has a for loop");
}

}  // namespace trial_lanes_test
}  // namespace omen::ir
