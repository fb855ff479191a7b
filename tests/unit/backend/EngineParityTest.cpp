//===- EngineParityTest.cpp - The JIT reproduces the interpreter bit for bit ===//
#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

TEST(EngineParityTest, Examples) {
  for (const char* name : {"premises", "online_learning", "early_stopping"}) {
    SCOPED_TRACE(name);
    auto lowered = lowerFile(std::string(OMEN_SOURCE_DIR) + "/examples/" + name + ".omen");
    // early_stopping runs thousands of steps per trial: fewer trials keep the test quick.
    uint64_t trials = std::string(name) == "early_stopping" ? 40 : 3000;
    EXPECT_EQ(expectParity(*lowered, 1, trials), 0);
    EXPECT_EQ(expectParity(*lowered, 987654321012ull, trials / 4), 0);
  }
}

TEST(EngineParityTest, EveryDistributionAndMathBuiltin) {
  auto lowered = lowerSource(R"(
fn twice(x: real) -> real = 2 * x
fn draws(a: real) -> real { let u = uniform(0, a); return u + normal(0, 1) }
scenario all {
  param a ~ uniform(1, 2)
  param k = 3
  state b = bernoulli(0.3)
  state n = normal(0, 1) + lognormal(0, 0.5) + beta(2, 3) + gamma(2, 1.5)
  state e = exponential(2) + triangular(0, 1, 3) + pert(0, 2, 5) + loguniform(1, 100) + to(5, 50)
  state i = poisson(3.5) + binomial(10, 0.4) + geometric(0.2) + categorical(0.2, 0.3, 0.5)
  state m = exp(0.5) + log(a) + log10(a) + sqrt(a) + abs(-a) + min(a, 2) + max(1, a) + clamp(a, 1.2, 1.8)
  state j = floor(a) + ceil(a) + round(a) + abs(-k) + min(k, 2) + max(k, 5) + clamp(k, 0, 2) + mod(k, 2)
  state p = pow(a, 1.5) + mod(a, 0.7) + logistic(a) + logit(0.3) + a ^ 2 + twice(a) + draws(a)
  event hit
  phase run for k + i {
    if n > 0 and uniform(0, 1) < 0.5 or b { trigger hit }
    with probability 0.1 { n = n + 1 } else with probability 0.5 { n = n - 1 } else { stop }
    let q = if b then 1.0 else 2.0
    m = m + q * step - t / 3
    if mod(t, 7) == 6 { end }
  }
  report P(hit)
  report P(hit | b)
  report E(n)
  report E(time(hit) | hit)
  report quantiles(m)
  report E(i + j)
  report P(not hit and e > 3)
}
)");
  expectParity(*lowered, 7, 2000);
}

TEST(EngineParityTest, UntilPhasesAndLimits) {
  auto lowered = lowerSource(R"(
scenario s {
  param p = 0.05
  state x = 0.0
  event done
  phase a until x > 3 or done limit 1000 {
    x = x + uniform(0, 0.2)
    with probability p { trigger done }
  }
  phase b for 3 { x = x * 2 }
  report E(x)
  report E(t)
  report P(done)
}
)");
  expectParity(*lowered, 3, 2000);
}

TEST(EngineParityTest, RuntimeErrorsMatch) {
  // A phase limit reached in some trial, a bad distribution argument in another.
  auto limit = lowerSource(R"(
scenario s {
  state x = 0
  phase a until x > 5 limit 5 { with probability 0.9 { x = x + 1 } }
  report E(x)
}
)");
  EXPECT_EQ(expectParity(*limit, 1, 500), 1);
  auto dist = lowerSource(R"(
scenario s {
  state y = normal(0, 1)
  state z = beta(y, 1)
  report E(z)
}
)");
  EXPECT_EQ(expectParity(*dist, 1, 500), 1);
  auto overflow = lowerSource(R"(
scenario s {
  state n = 1
  phase a for 70 { n = n * 2 }
  report E(n)
}
)");
  EXPECT_EQ(expectParity(*overflow, 1, 10), 1);
  auto divide = lowerSource(R"(
const zero = 0.0
scenario s {
  param q = 1 / zero
  report E(q)
}
)");
  EXPECT_EQ(expectParity(*divide, 1, 10), 1);
}

}  // namespace
}  // namespace omen::testing
