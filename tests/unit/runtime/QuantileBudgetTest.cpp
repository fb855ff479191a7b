//===- QuantileBudgetTest.cpp - The exact quantile store is bounded per run --===//
//
// DriverOptions::exactQuantileCap bounds the values a run keeps for exact quantiles in total:
// a scenario with many quantiles reports must switch to the sketch sooner, not multiply
// its memory by the number of reports.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include "runtime/host/Driver.h"

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

}  // namespace
