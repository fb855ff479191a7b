//===- DriverTest.cpp - Determinism, errors and cancellation of the driver -===//

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <set>
#include <thread>

#include "runtime/host/Driver.h"
#include "runtime/host/DriverScheduler.h"
#include "runtime/host/Progress.h"

using namespace omen;
using namespace omen::rt;

namespace {

uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// Two uniforms of trial `t`, a function of (seed, t) only, like a Philox stream.
double uniform(uint64_t seed, uint64_t t, int k) {
  uint64_t h = mix(mix(seed * 0x9e3779b97f4a7c15ULL + t) + static_cast<uint64_t>(k));
  return static_cast<double>(h >> 11) * 0x1p-53;
}

/// A scenario written by hand: param threshold = 0.3 (slot 0), param noise ~ uniform(0, 10)
/// (slot 1, pinned flag in slot 2); reports P(hit), E(x | hit), quantiles(x), P(hit | never).
class FakeKernel : public Kernel {
 public:
  explicit FakeKernel(std::string name = "fake") {
    info_.name = std::move(name);
    info_.globalCount = 3;
    info_.params = {{"threshold", ValueType::Real, false, 0, 0}, {"noise", ValueType::Real, true, 1, 2}};
    info_.reports = {{"P(hit)", ReportKind::Probability, false},
                     {"E(x | hit)", ReportKind::Mean, true},
                     {"quantiles(x)", ReportKind::Quantiles, false},
                     {"P(hit | never)", ReportKind::Probability, true}};
  }
  const ScenarioInfo& info() const override { return info_; }

  bool initGlobals(Value* globals, const uint8_t* overridden, OmenError& error) const override {
    if (failGlobals) {
      error.code = OMEN_ERR_DIV_ZERO;
      error.site = 3;
      return false;
    }
    if (!overridden[0]) globals[0].r = 0.3;
    if (!overridden[2]) globals[2].i = 0;
    return true;
  }

  bool runBlock(const Value* globals, uint64_t seed, uint64_t first, uint32_t count,
                double* outcomes, OmenError& error, uint64_t& failedTrial,
                const std::atomic<bool>* cancel = nullptr, const OmenTilt* = nullptr) const override {
    // Uneven block durations so that blocks finish out of order on several threads.
    if (jitter && (first / 4096) % 3 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    for (uint64_t t = first; t < first + count; ++t) {
      if (cancelAt && t == cancelAtTrial) cancelAt->store(true);
      if (cutInside && cancel && cancel->load()) {  // as a compiled kernel polls it
        error = {};
        error.code = OMEN_ERR_CANCELLED;
        failedTrial = t;
        return false;
      }
      if (failAt.count(t)) {
        error = {};
        error.code = OMEN_ERR_DOMAIN;
        error.site = static_cast<uint32_t>(t % 100);
        error.argCount = 1;
        error.args[0] = -1;
        failedTrial = t;
        return false;
      }
      double u = uniform(seed, t, 0), w = uniform(seed, t, 1);
      double noise = globals[2].i ? globals[1].r : 10 * w;
      bool hit = u < globals[0].r;
      double x = t == nanAtTrial ? std::nan("") : noise + u;
      double* row = outcomes + (t - first) * info_.reports.size() * kOutcomeWidth;
      row[0] = 1, row[1] = hit;
      row[2] = hit, row[3] = x;
      row[4] = 1, row[5] = x;
      row[6] = 0, row[7] = hit;
    }
    return true;
  }

  std::set<uint64_t> failAt;
  bool failGlobals = false;
  bool jitter = false;
  uint64_t nanAtTrial = UINT64_MAX;
  std::atomic<bool>* cancelAt = nullptr;
  uint64_t cancelAtTrial = 0;
  bool cutInside = false;

 private:
  ScenarioInfo info_;
};

void expectSameBits(const ReportResult& a, const ReportResult& b) {
  EXPECT_EQ(a.n, b.n) << a.label;
  EXPECT_EQ(a.undefined, b.undefined) << a.label;
  EXPECT_EQ(std::memcmp(&a.estimate, &b.estimate, sizeof(double)), 0) << a.label;
  EXPECT_EQ(std::memcmp(&a.stdError, &b.stdError, sizeof(double)), 0) << a.label;
  EXPECT_EQ(std::memcmp(&a.ciLow, &b.ciLow, sizeof(double)), 0) << a.label;
  EXPECT_EQ(std::memcmp(&a.ciHigh, &b.ciHigh, sizeof(double)), 0) << a.label;
  ASSERT_EQ(a.quantiles.size(), b.quantiles.size());
  for (size_t i = 0; i < a.quantiles.size(); ++i)
    EXPECT_EQ(std::memcmp(&a.quantiles[i].value, &b.quantiles[i].value, sizeof(double)), 0);
}

void expectSameReports(const ScenarioResult& a, const ScenarioResult& b) {
  ASSERT_EQ(a.reports.size(), b.reports.size());
  for (size_t i = 0; i < a.reports.size(); ++i) expectSameBits(a.reports[i], b.reports[i]);
}

DriverOptions options(uint64_t trials, unsigned threads, uint64_t seed = 42) {
  DriverOptions o;
  o.trials = trials;
  o.threads = threads;
  o.seed = seed;
  return o;
}

}  // namespace

TEST(Driver, BlockSequenceIsFixedAndGrows) {
  // Block b holds min(4096, 16 * 2^(b div 32)) trials and starts where b - 1 ended.
  uint64_t start = 0;
  for (uint64_t b = 0; b < 400; ++b) {
    ASSERT_EQ(blockStart(b), start) << b;
    EXPECT_EQ(blockSize(b), std::min<uint64_t>(4096, uint64_t(16) << (b / 32))) << b;
    start += blockSize(b);
  }
  EXPECT_EQ(blockStart(256), 130560u);
  for (uint64_t trials : {uint64_t{1}, uint64_t{16}, uint64_t{17}, uint64_t{4000}, uint64_t{130560},
                          uint64_t{130561}, uint64_t{1000000}, uint64_t{1000000000000}}) {
    uint64_t n = blockCount(trials);
    EXPECT_LT(blockStart(n - 1), trials) << trials;
    EXPECT_GE(blockStart(n), trials) << trials;
  }
  // Few heavy trials spread over many cores.
  EXPECT_GE(blockCount(4000), 64u);
}

TEST(Driver, ResultsAreBitIdenticalForOneTwoAndThreeThreads) {
  FakeKernel kernel;
  kernel.jitter = true;
  for (uint64_t trials : {uint64_t{1}, uint64_t{4095}, uint64_t{4096}, uint64_t{4097},
                          uint64_t{3 * 4096 + 5}, uint64_t{50000}, uint64_t{140000}}) {
    SCOPED_TRACE(trials);
    ScenarioResult one = run(kernel, options(trials, 1));
    ASSERT_FALSE(one.error);
    EXPECT_FALSE(one.partial);
    EXPECT_EQ(one.trialsCompleted, trials);
    EXPECT_EQ(one.reports[0].n, trials);
    for (unsigned threads : {2u, 3u}) {
      ScenarioResult many = run(kernel, options(trials, threads));
      ASSERT_FALSE(many.error);
      expectSameReports(one, many);
    }
  }
}

TEST(Driver, EstimatesMatchADirectComputation) {
  FakeKernel kernel;
  const uint64_t trials = 10007, seed = 9;
  uint64_t hits = 0;
  double sumX = 0;
  for (uint64_t t = 0; t < trials; ++t) {
    double u = uniform(seed, t, 0);
    if (u < 0.3) {
      ++hits;
      sumX += 10 * uniform(seed, t, 1) + u;
    }
  }
  ScenarioResult r = run(kernel, options(trials, 2, seed));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.reports.size(), 4u);
  EXPECT_EQ(r.reports[0].kind, ReportKind::Probability);
  EXPECT_EQ(r.reports[0].estimate, static_cast<double>(hits) / trials);
  EXPECT_EQ(r.reports[1].n, hits);  // conditional: rests on the trials where hit held
  EXPECT_NEAR(r.reports[1].estimate, sumX / hits, 1e-12);
  EXPECT_EQ(r.reports[2].n, trials);
  EXPECT_EQ(r.reports[2].quantiles.size(), 5u);
  EXPECT_FALSE(r.reports[2].sketched);
  EXPECT_TRUE(r.reports[3].undefined);
  ASSERT_EQ(r.params.size(), 2u);
  EXPECT_EQ(r.params[0].value.r, 0.3);
  EXPECT_TRUE(r.params[1].drawn);
}

TEST(Driver, SeedChangesTheResult) {
  FakeKernel kernel;
  ScenarioResult a = run(kernel, options(5000, 1, 1)), b = run(kernel, options(5000, 1, 2));
  EXPECT_NE(a.reports[1].estimate, b.reports[1].estimate);
}

TEST(Driver, LowestFailingTrialIsReported) {
  FakeKernel kernel;
  kernel.jitter = true;
  kernel.failAt = {30000, 9000, 5001, 20000};
  for (unsigned threads : {1u, 2u, 3u}) {
    ScenarioResult r = run(kernel, options(40000, threads));
    ASSERT_TRUE(r.error) << threads;
    EXPECT_EQ(r.error->trial, 5001u);
    EXPECT_EQ(r.error->error.code, static_cast<uint32_t>(OMEN_ERR_DOMAIN));
    EXPECT_EQ(r.error->error.site, 1u);
    EXPECT_EQ(r.error->report, -1);
    EXPECT_TRUE(r.reports.empty());
  }
}

TEST(Driver, NonFiniteOutcomeIsAnErrorNotANaN) {
  FakeKernel kernel;
  kernel.nanAtTrial = 777;
  kernel.failAt = {900};
  ScenarioResult r = run(kernel, options(2000, 2));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->trial, 777u);
  EXPECT_EQ(r.error->error.code, static_cast<uint32_t>(OMEN_ERR_NOT_FINITE));
  // The first report whose condition held: E(x | hit) if trial 777 hit, else quantiles(x).
  EXPECT_EQ(r.error->report, uniform(42, 777, 0) < 0.3 ? 1 : 2);
}

TEST(Driver, GlobalsFailureIsAnErrorResult) {
  FakeKernel kernel;
  kernel.failGlobals = true;
  ScenarioResult r = run(kernel, options(100, 1));
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(r.error->inGlobals);
  EXPECT_EQ(r.error->error.site, 3u);
}

TEST(Driver, CancellationKeepsTheFinishedPrefix) {
  FakeKernel kernel;
  std::atomic<bool> cancel{false};
  kernel.cancelAt = &cancel;
  kernel.cancelAtTrial = 10000;  // inside block 2
  DriverOptions o = options(100000, 1);
  o.cancel = &cancel;
  ScenarioResult r = run(kernel, o);
  ASSERT_FALSE(r.error);
  EXPECT_TRUE(r.partial);
  // The block holding trial 10,000 (the one in flight) finishes; no later one starts.
  uint64_t cancelBlock = blockCount(10001) - 1;
  EXPECT_EQ(r.trialsCompleted, blockStart(cancelBlock + 1));
  FakeKernel plain;
  expectSameReports(r, run(plain, options(r.trialsCompleted, 1)));

  for (unsigned threads : {2u, 3u}) {
    cancel = false;
    o.threads = threads;
    ScenarioResult m = run(kernel, o);
    ASSERT_FALSE(m.error);
    EXPECT_TRUE(m.partial);
    EXPECT_EQ(blockStart(blockCount(m.trialsCompleted)), m.trialsCompleted);  // whole blocks
    EXPECT_GE(m.trialsCompleted, blockStart(cancelBlock));  // earlier blocks were handed out before it
    EXPECT_LT(m.trialsCompleted, 100000u);
    expectSameReports(m, run(plain, options(m.trialsCompleted, 1)));
  }
}

// A kernel that stops inside its block: the partial result is exactly a complete run of the
// trials that finished, whatever the thread count.
TEST(Driver, CancellationInsideABlockKeepsExactlyTheTrialsBeforeTheCut) {
  FakeKernel kernel;
  kernel.cutInside = true;
  std::atomic<bool> cancel{false};
  kernel.cancelAt = &cancel;
  kernel.cancelAtTrial = 10000;  // inside block 2
  FakeKernel plain;
  DriverOptions o = options(100000, 1);
  o.cancel = &cancel;
  ScenarioResult r = run(kernel, o);
  ASSERT_FALSE(r.error);
  EXPECT_TRUE(r.partial);
  EXPECT_EQ(r.trialsCompleted, 10000u);  // trial 10000 saw the flag and does not count
  expectSameReports(r, run(plain, options(10000, 1)));

  for (unsigned threads : {2u, 3u}) {
    cancel = false;
    o.threads = threads;
    ScenarioResult m = run(kernel, o);
    ASSERT_FALSE(m.error);
    EXPECT_TRUE(m.partial);
    EXPECT_LE(m.trialsCompleted, 10000u);
    expectSameReports(m, run(plain, options(m.trialsCompleted, 1)));
  }

  // A program error beyond the cut is not reported; one before it is.
  cancel = false;
  kernel.failAt = {50000};
  o.threads = 1;
  ScenarioResult beyond = run(kernel, o);
  EXPECT_FALSE(beyond.error);
  EXPECT_EQ(beyond.trialsCompleted, 10000u);
  cancel = false;
  kernel.failAt = {5000};
  ScenarioResult before = run(kernel, o);
  ASSERT_TRUE(before.error);
  EXPECT_EQ(before.error->trial, 5000u);
}

TEST(Driver, CancelBeforeStartRunsNothing) {
  FakeKernel kernel;
  std::atomic<bool> cancel{true};
  DriverOptions o = options(10000, 2);
  o.cancel = &cancel;
  ScenarioResult r = run(kernel, o);
  EXPECT_TRUE(r.partial);
  EXPECT_EQ(r.trialsCompleted, 0u);
  EXPECT_TRUE(r.reports[0].undefined);
}

TEST(Driver, OverridesPinFixedAndUncertainParams) {
  FakeKernel kernel;
  DriverOptions o = options(5000, 2);
  Value threshold, noise;
  threshold.r = 1.0;
  noise.r = 2.5;
  ASSERT_TRUE(pinParam(kernel.info(), "threshold", threshold, o.overrides));
  ASSERT_TRUE(pinParam(kernel.info(), "noise", noise, o.overrides));
  EXPECT_FALSE(pinParam(kernel.info(), "nope", noise, o.overrides));
  ScenarioResult r = run(kernel, o);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.reports[0].estimate, 1.0);  // every u < 1
  EXPECT_EQ(r.params[0].value.r, 1.0);
  EXPECT_FALSE(r.params[1].drawn);
  EXPECT_EQ(r.params[1].value.r, 2.5);
  EXPECT_NEAR(r.reports[1].estimate, 3.0, 0.02);  // 2.5 + E(u) = 3.0
}

TEST(Driver, QuantilesSwitchToTheSketchPastTheCapDeterministically) {
  FakeKernel kernel;
  DriverOptions o = options(30000, 1);
  o.exactQuantileCap = 5000;
  ScenarioResult one = run(kernel, o);
  o.threads = 3;
  ScenarioResult three = run(kernel, o);
  ASSERT_FALSE(one.error);
  EXPECT_TRUE(one.reports[2].sketched);
  EXPECT_GT(one.reports[2].rankError, 0.0);
  // The sketch stays within the cap too (QuantileBudgetTest), so a cap this small costs
  // accuracy: its bound is stated, and checked there.
  EXPECT_LT(one.reports[2].rankError, 0.01);
  expectSameReports(one, three);
}

TEST(Driver, PairedRunUsesCommonRandomNumbers) {
  FakeKernel a("low"), b("high");
  const uint64_t trials = 20000, seed = 5;
  DriverOptions o = options(trials, 1, seed);
  Value t;
  t.r = 0.5;
  ASSERT_TRUE(pinParam(b.info(), "threshold", t, o.overridesB));
  CompareResult one = runPaired(a, b, o);
  ASSERT_FALSE(one.error);
  ASSERT_EQ(one.comparisons.size(), 4u);
  // Same u in both: A hits iff u < 0.3, B iff u < 0.5, so A - B = -#(0.3 <= u < 0.5) / n.
  uint64_t between = 0;
  for (uint64_t i = 0; i < trials; ++i) {
    double u = uniform(seed, i, 0);
    between += u >= 0.3 && u < 0.5;
  }
  const Comparison& p = one.comparisons[0];
  EXPECT_EQ(p.label, "P(hit)");
  EXPECT_NEAR(p.difference, -static_cast<double>(between) / trials, 1e-15);
  EXPECT_GT(p.stdError, 0.0);
  EXPECT_EQ(p.a.estimate, run(a, options(trials, 1, seed)).reports[0].estimate);
  EXPECT_TRUE(one.comparisons[3].undefined);
  EXPECT_EQ(one.comparisons[2].quantileDifferences.size(), 5u);

  for (unsigned threads : {2u, 3u}) {
    o.threads = threads;
    CompareResult many = runPaired(a, b, o);
    expectSameReports(one.a, many.a);
    expectSameReports(one.b, many.b);
    for (size_t i = 0; i < 4; ++i) {
      EXPECT_EQ(std::memcmp(&one.comparisons[i].difference, &many.comparisons[i].difference, 8), 0);
      EXPECT_EQ(std::memcmp(&one.comparisons[i].stdError, &many.comparisons[i].stdError, 8), 0);
    }
  }
}

TEST(Driver, PairedRunOfAScenarioWithItselfHasZeroDifference) {
  FakeKernel a, b;
  CompareResult r = runPaired(a, b, options(9000, 2));
  ASSERT_FALSE(r.error);
  for (const Comparison& c : r.comparisons) {
    if (c.undefined || c.kind == ReportKind::Quantiles) continue;
    EXPECT_EQ(c.difference, 0.0) << c.label;
    EXPECT_NEAR(c.stdError, 0.0, 1e-15) << c.label;
  }
}

TEST(Driver, PairedRunReportsTheLowestFailingTrialOfEitherKernel) {
  FakeKernel a("a"), b("b");
  a.failAt = {7000};
  b.failAt = {6999};
  CompareResult r = runPaired(a, b, options(20000, 3));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->trial, 6999u);
  EXPECT_EQ(r.failedScenario, 'B');
}

TEST(Driver, ProgressLineShowsCountRateAndEta) {
  EXPECT_EQ(formatProgressLine(250, 1000, 2.0, 8), "[##      ]  25%  250/1000 trials  125/s  ETA 6s");
  EXPECT_EQ(formatProgressLine(0, 1000, 1.0, 4), "[    ]   0%  0/1000 trials  0/s  ETA ?");
}
