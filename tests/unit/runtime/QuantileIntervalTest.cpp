// The order-statistic interval of a quantile report covers the true quantile about 95% of
// the time: uniform(0, 1) samples, whose p-quantile is p, at chosen levels.
#include <gtest/gtest.h>

#include <random>

#include "runtime/host/StatisticsReport.h"

using namespace omen;
using namespace omen::rt;

TEST(QuantileInterval, CoversTheTrueQuantileAbout95Percent) {
  const std::vector<double> levels = {0.01, 0.25, 0.5, 0.9};
  const int runs = 2000, n = 1000;
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<int> covered(levels.size(), 0);
  for (int run = 0; run < runs; ++run) {
    ReportAccumulator acc(ReportKind::Quantiles, kExactQuantileCap, levels);
    for (int i = 0; i < n; ++i) acc.add(1.0, u(rng));
    ReportResult r = acc.finish({"q", ReportKind::Quantiles, false, levels});
    ASSERT_EQ(r.quantiles.size(), levels.size());
    for (size_t k = 0; k < levels.size(); ++k) {
      const QuantilePoint& q = r.quantiles[k];
      EXPECT_EQ(q.p, levels[k]);
      EXPECT_LE(q.ciLow, q.value);
      EXPECT_GE(q.ciHigh, q.value);
      covered[k] += q.ciLow <= levels[k] && levels[k] <= q.ciHigh;
    }
  }
  // Binomial(2000, 0.95) has sd 0.0049; the normal-approximation ranks are slightly
  // conservative (ceil/floor), so coverage lies in [0.93, 0.985].
  for (size_t k = 0; k < levels.size(); ++k) {
    double coverage = double(covered[k]) / runs;
    EXPECT_GE(coverage, 0.93) << "level " << levels[k];
    EXPECT_LE(coverage, 0.985) << "level " << levels[k];
  }
}
