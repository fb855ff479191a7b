// Value of information against its closed form: act (value x) or not (value 0) with
// x ~ normal(mu, 1) epistemic. Knowing x, one acts exactly when x > 0, so
// EVPI = E max(x, 0) - max(mu, 0) = mu Phi(mu) + phi(mu) - max(mu, 0): 0.3989423 at mu = 0,
// 0.1977966 at mu = 0.5. All of it is the value of knowing x (EVPPI(x) = EVPI); an
// epistemic param the value does not depend on is worth nothing (EVPPI(z) = 0). Each within
// 5 standard errors, the standard error read off the bootstrap interval (width / 3.92).
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/voi/Voi.h"
#include "omen/Omen.h"

namespace {

const char* kVoiScenario = R"(
scenario act_or_not {
  param act = 0 in [0, 1]
  param mu = 0.0
  epistemic x ~ normal(mu, 1)
  epistemic z ~ normal(0, 1)
  report E(if act == 1 then x else 0.0) as "value"
}
)";

omen::VoiOutcome voi(const std::string& mu, omen::Engine engine = omen::Engine::Interpreter) {
  auto program = omen::Program::fromString(kVoiScenario, "act.omen");
  EXPECT_TRUE(program->ok()) << program->diagnostics();
  omen::RunOptions options;
  options.worlds = 20000;
  options.trials = 1;
  options.engine = engine;
  options.overrides = {{"mu", mu}};
  omen::VoiOptions what;
  what.decide = "act";
  what.report = "value";
  return program->voi(what, options);
}

void expectWithin5Se(const omen::VoiValue& v, double exact) {
  // An irrelevant param's fitted values may never cross the other option's, making the
  // estimate and every resample exactly 0: then the interval is [0, 0] and so is the error.
  double se = (v.high - v.low) / 3.92;
  EXPECT_LE(std::abs(v.value - exact), 5 * se) << v.name << ": " << v.value << " [" << v.low << ", " << v.high
                                               << "] vs exact " << exact;
}

double exactEvpi(double mu) {
  double Phi = 0.5 * std::erfc(-mu / std::sqrt(2.0)), phi = std::exp(-mu * mu / 2) / std::sqrt(2 * M_PI);
  return mu * Phi + phi - std::max(mu, 0.0);
}

}  // namespace

TEST(Voi, ActOrNotMatchesTheClosedForm) {
  EXPECT_NEAR(exactEvpi(0), 0.3989423, 1e-7);
  EXPECT_NEAR(exactEvpi(0.5), 0.1977966, 1e-7);
  for (const char* mu : {"0.0", "0.5"}) {
    omen::VoiOutcome out = voi(mu);
    ASSERT_TRUE(out.ok()) << out.error;
    const omen::VoiResult& r = out.result;
    ASSERT_EQ(r.options, (std::vector<double>{0, 1}));
    double m = std::stod(mu);
    EXPECT_GT(r.evpi.high - r.evpi.low, 0);
    expectWithin5Se(r.evpi, exactEvpi(m));
    ASSERT_EQ(r.evppi.size(), 2u);
    EXPECT_EQ(r.evppi[0].name, "x");
    expectWithin5Se(r.evppi[0], exactEvpi(m));
    EXPECT_EQ(r.evppi[1].name, "z");
    expectWithin5Se(r.evppi[1], 0.0);
    if (m > 0) EXPECT_EQ(r.best, 1u);  // acting is worth m > 0 on average
  }
}

TEST(Voi, EnginesAgree) {
  omen::VoiOutcome a = voi("0.5", omen::Engine::Interpreter), b = voi("0.5", omen::Engine::Jit);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.result.evpi.value, b.result.evpi.value);
  EXPECT_EQ(a.result.evppi[0].value, b.result.evppi[0].value);
  EXPECT_EQ(a.result.expected, b.result.expected);
}

// The estimators on values that need no simulation: two options, a known split.
TEST(Voi, EstimatorsOnFixedValues) {
  std::vector<std::vector<double>> values = {{0, 0, 0, 0}, {-1, 1, -2, 2}};
  std::vector<size_t> all = {0, 1, 2, 3};
  EXPECT_DOUBLE_EQ(omen::rt::evpi(values, all), (0 + 1 + 0 + 2) / 4.0 - 0.0);
  // The param orders the worlds as the value does: knowing it is knowing everything.
  EXPECT_NEAR(omen::rt::evppi(values, {-1, 1, -2, 2}, all), 0.75, 1e-12);
}
