//===- QuantileBudgetTest.cpp - The exact quantile store is bounded per run --===//
//
// DriverOptions::exactQuantileCap bounds the values a run keeps for its quantiles in total:
// a scenario with many quantiles reports must switch to the sketch sooner, not multiply
// its memory by the number of reports, and the sketch past a share stays within the share,
// so that a sweep, which gives each of its points a share, keeps memory flat in the points.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include "runtime/host/Driver.h"
#include "runtime/host/DriverSupport.h"

using namespace omen;
using namespace omen::rt;

namespace {

/// `reports` quantiles reports of the trial index.
class ManyQuantiles : public Kernel {
 public:
  explicit ManyQuantiles(int reports) {
    info_.name = "many";
    for (int i = 0; i < reports; ++i)
      info_.reports.push_back({"quantiles(x" + std::to_string(i) + ")", ReportKind::Quantiles, false});
  }
  const ScenarioInfo& info() const override { return info_; }
  bool initGlobals(Value*, const uint8_t*, OmenError&) const override { return true; }
  bool runBlock(const Value*, uint64_t, uint64_t first, uint32_t count, double* outcomes, OmenError&,
                uint64_t&, const std::atomic<bool>* = nullptr, const OmenTilt* = nullptr) const override {
    size_t width = info_.reports.size() * kOutcomeWidth;
    for (uint32_t j = 0; j < count; ++j)
      for (size_t r = 0; r < info_.reports.size(); ++r) {
        outcomes[j * width + r * kOutcomeWidth] = 1;
        outcomes[j * width + r * kOutcomeWidth + 1] = static_cast<double>(first + j);
      }
    return true;
  }

 private:
  ScenarioInfo info_;
};

DriverOptions smallCap(uint64_t trials) {
  DriverOptions o;
  o.trials = trials;
  o.threads = 1;
  o.exactQuantileCap = 8000;
  return o;
}

TEST(QuantileBudget, OneReportKeepsTheWholeCapExact) {
  ScenarioResult r = run(ManyQuantiles(1), smallCap(6000));
  ASSERT_FALSE(r.error);
  EXPECT_FALSE(r.reports[0].sketched);
}

TEST(QuantileBudget, ManyReportsShareTheCap) {
  // 4 reports of 6000 values each would keep 24000 values; the cap is 8000 for the run.
  ScenarioResult r = run(ManyQuantiles(4), smallCap(6000));
  ASSERT_FALSE(r.error);
  for (const ReportResult& q : r.reports) {
    EXPECT_TRUE(q.sketched) << q.label;
    EXPECT_GT(q.rankError, 0.0);
    EXPECT_NEAR(q.quantiles[2].value, 3000, 6000 * q.rankError + 1) << q.label;  // the median
  }
}

TEST(QuantileBudget, ASketchPastItsShareStaysWithinIt) {
  // Every budget and count, down to shares too small for the default sketch's first level.
  for (uint64_t items : {1'000u, 50'000u, 10'000'000u})
    for (uint64_t count : {2'000u, 200'000u, 3'000'000u}) {
      if (count <= items) continue;
      QuantileAccumulator q(items, QuantileSketch::capacityWithin(items, count));
      for (uint64_t i = 0; i < count; ++i) q.add(static_cast<double>((i * 7919) % count));
      EXPECT_TRUE(q.sketched());
      EXPECT_LE(q.retained(), items) << items << " items, " << count << " values";
      // The stated bound still holds: value v has rank v + 1.
      double median = q.read({0.5}, {}).quantiles[0];
      EXPECT_LE(std::abs(median + 1 - (1 + 0.5 * static_cast<double>(count - 1))),
                q.rankError() * static_cast<double>(count) + 1)
          << items << " items, " << count << " values";
    }
}

TEST(QuantileBudget, ASweepsPointsShareOneRunsBudget) {
  // runSweep gives each of P points makeAccumulators(info, cap / P, trials): whatever P, the
  // values all points hold together stay within the one cap.
  const uint64_t cap = 100'000, trials = 20'000;
  ManyQuantiles kernel(1);
  for (uint64_t points : {2u, 20u, 200u, 2'000u}) {
    size_t held = 0;
    for (uint64_t k = 0; k < points; ++k) {
      std::vector<ReportAccumulator> acc = detail::makeAccumulators(kernel.info(), cap / points, trials);
      for (uint64_t i = 0; i < trials; ++i) acc[0].add(1, static_cast<double>(i));
      held += acc[0].retainedQuantiles();
    }
    EXPECT_LE(held, cap) << points << " points";
  }
}

}  // namespace
