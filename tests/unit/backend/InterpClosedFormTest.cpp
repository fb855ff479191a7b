//===- InterpClosedFormTest.cpp - Monte Carlo estimates against exact answers -===//
//
// Each scenario goes through the real pipeline (frontend, lowering, verifier, interpreter)
// and runs 10^6 trials; every estimate must lie within 5 standard errors of its closed form.
// A wrong draw count, a misplaced `t`, a broken short-circuit or a mis-ordered branch moves
// these estimates by far more than 5 standard errors.
//
//===----------------------------------------------------------------------===//
#include <Eigen/Dense>
#include <cmath>

#include "../ir/KernelRunner.h"
#include "../ir/LowerFixture.h"
#include "backend/interp/Interpreter.h"

namespace omen::test {
namespace {

constexpr uint64_t kTrials = 1'000'000;

std::unique_ptr<rt::Kernel> kernelFor(const Lowered& l, const std::string& scenario) {
  if (!l.module) return nullptr;
  const ir::Scenario* s = l.module->findScenario(scenario);
  if (!s) return nullptr;
  std::string error;
  auto k = interp::compileScenario(*l.module, *s, error);
  EXPECT_TRUE(k) << error;
  return k;
}

void expectWithin5Se(const Estimate& e, double exact, const char* what) {
  ASSERT_GT(e.n, 0u) << what;
  double se = e.se > 0 ? e.se : 1e-12;
  EXPECT_LT(std::abs(e.mean - exact), 5 * se)
      << what << ": estimate " << e.mean << " (se " << e.se << ", n " << e.n << ") vs exact " << exact;
}

// Carlsmith's chain of premises with point values: one step, one Bernoulli draw with the
// product as its probability, so P(doom) = 0.65 * 0.80 * 0.40 * 0.65 * 0.40 * 0.95 = 0.051376.
TEST(InterpClosedForm, PremisesProduct) {
  Lowered l(readFile(OMEN_SOURCE_DIR "/examples/premises.omen"), "premises.omen");
  auto k = kernelFor(l, "point_estimates");
  ASSERT_TRUE(k);
  RunOutcome r = runKernel(*k, kTrials);
  ASSERT_TRUE(r.ok) << r.error.code;
  EXPECT_EQ(r.reports[0].n, kTrials);
  expectWithin5Se(r.reports[0], 0.65 * 0.80 * 0.40 * 0.65 * 0.40 * 0.95, "P(doom)");
}

// Defect versus detect: each step the model defects with p (checked first; the trial ends),
// else it is detected with q (the trial ends). Surviving a step has probability
// r = (1-p)(1-q), so P(defect at step k) = r^k p and over 100 steps
//   P(defect) = sum_{k<100} r^k p = p (1 - r^100) / (1 - r),
//   E(time(defect) | defect) = sum_k k r^k p / P(defect).
TEST(InterpClosedForm, DefectDetectRace) {
  Lowered l(R"(
scenario race {
  param p = 0.01
  param q = 0.02
  event defect
  event detected
  phase run for 100 {
    with probability p { trigger defect; end }
    with probability q { trigger detected; end }
  }
  report P(defect)
  report E(time(defect) | defect)
  report P(detected)
}
)");
  auto k = kernelFor(l, "race");
  ASSERT_TRUE(k);
  RunOutcome r = runKernel(*k, kTrials);
  ASSERT_TRUE(r.ok) << r.error.code;
  double p = 0.01, q = 0.02, rr = (1 - p) * (1 - q);
  double pDefect = p * (1 - std::pow(rr, 100)) / (1 - rr);
  double meanTime = 0, pDetect = 0;
  for (int s = 0; s < 100; ++s) {
    meanTime += s * std::pow(rr, s) * p;
    pDetect += std::pow(rr, s) * (1 - p) * q;
  }
  meanTime /= pDefect;
  expectWithin5Se(r.reports[0], pDefect, "P(defect)");
  expectWithin5Se(r.reports[1], meanTime, "E(time(defect) | defect)");
  expectWithin5Se(r.reports[2], pDetect, "P(detected)");
}

// A first event with per-step hazard h: the step of its first trigger is geometric on
// {0, 1, …}, so E(time(hit)) = (1-h)/h = 19 for h = 0.05, and the trial executes one step
// more: E(t) = 1/h = 20 (`until` is checked before each step, so the step after the hit never
// starts). The builtin geometric(h) counts trials up to the first success: mean 1/h.
TEST(InterpClosedForm, GeometricFirstEvent) {
  Lowered l(R"(
scenario hazard {
  param h = 0.05
  state g = geometric(h)
  event hit
  phase wait until hit limit 100_000 {
    with probability h { trigger hit }
  }
  report E(time(hit) | hit)
  report E(t)
  report E(g)
}
)");
  auto k = kernelFor(l, "hazard");
  ASSERT_TRUE(k);
  RunOutcome r = runKernel(*k, kTrials);
  ASSERT_TRUE(r.ok) << r.error.code;
  EXPECT_EQ(r.reports[0].n, kTrials);
  expectWithin5Se(r.reports[0], 0.95 / 0.05, "E(time(hit) | hit)");
  expectWithin5Se(r.reports[1], 1 / 0.05, "E(t)");
  expectWithin5Se(r.reports[2], 1 / 0.05, "E(geometric(h))");
}

// An absorbing Markov chain: transient states 0, 1, 2, absorbing doom and safe. With Q the
// transient-to-transient block and R the transient-to-absorbing block of the transition
// matrix, N = (I - Q)^-1 counts expected visits; from state 0, P(doom) = (N R)[0][doom] and
// the expected number of steps (one per visit to a transient state) is (N 1)[0].
TEST(InterpClosedForm, AbsorbingMarkovChain) {
  Lowered l(R"(
scenario chain {
  state s = 0
  event doom
  event safe
  phase walk until doom or safe {
    let next = if s == 0 then categorical(0.5, 0.3, 0.1, 0.05, 0.05) else if s == 1 then categorical(0.2, 0.4, 0.2, 0.1, 0.1) else categorical(0.1, 0.1, 0.5, 0.2, 0.1)
    if next == 3 { trigger doom } else if next == 4 { trigger safe } else { s = next }
  }
  report P(doom)
  report E(t)
}
)");
  auto k = kernelFor(l, "chain");
  ASSERT_TRUE(k);
  RunOutcome r = runKernel(*k, kTrials);
  ASSERT_TRUE(r.ok) << r.error.code;
  Eigen::Matrix3d Q;
  Q << 0.5, 0.3, 0.1,  //
      0.2, 0.4, 0.2,   //
      0.1, 0.1, 0.5;
  Eigen::Matrix<double, 3, 2> R;
  R << 0.05, 0.05,  //
      0.1, 0.1,     //
      0.2, 0.1;
  Eigen::Matrix3d N = (Eigen::Matrix3d::Identity() - Q).inverse();
  Eigen::Matrix<double, 3, 2> B = N * R;
  Eigen::Vector3d steps = N * Eigen::Vector3d::Ones();
  expectWithin5Se(r.reports[0], B(0, 0), "P(doom)");
  expectWithin5Se(r.reports[1], steps(0), "E(t)");
}

// A static Bayes net (no phase): mesa -> deceptive -> oversight fails -> catastrophe, with
// catastrophe also depending on deceptive. P(deceptive | catastrophe) by enumerating all 16
// assignments of the four bools.
TEST(InterpClosedForm, BayesNetQuery) {
  Lowered l(R"(
scenario net {
  param p_mesa = 0.3
  state mesa = bernoulli(p_mesa)
  state deceptive = mesa and bernoulli(0.4)
  state fails = if deceptive then bernoulli(0.7) else bernoulli(0.1)
  state catastrophe = fails and bernoulli(if deceptive then 0.5 else 0.05)
  report P(deceptive | catastrophe)
  report P(catastrophe)
}
)");
  auto k = kernelFor(l, "net");
  ASSERT_TRUE(k);
  RunOutcome r = runKernel(*k, kTrials);
  ASSERT_TRUE(r.ok) << r.error.code;
  double joint = 0, evidence = 0;
  for (int m = 0; m < 2; ++m)
    for (int d = 0; d < 2; ++d)
      for (int f = 0; f < 2; ++f)
        for (int c = 0; c < 2; ++c) {
          double pm = m ? 0.3 : 0.7;
          double pdTrue = m ? 0.4 : 0.0;
          double pd = d ? pdTrue : 1 - pdTrue;
          double pfTrue = d ? 0.7 : 0.1;
          double pf = f ? pfTrue : 1 - pfTrue;
          double pcTrue = f ? (d ? 0.5 : 0.05) : 0.0;
          double pc = c ? pcTrue : 1 - pcTrue;
          double w = pm * pd * pf * pc;
          if (c) evidence += w;
          if (c && d) joint += w;
        }
  expectWithin5Se(r.reports[0], joint / evidence, "P(deceptive | catastrophe)");
  expectWithin5Se(r.reports[1], evidence, "P(catastrophe)");
  EXPECT_LT(r.reports[0].n, kTrials);  // conditional: rests on the catastrophe trials only
}

}  // namespace
}  // namespace omen::test
