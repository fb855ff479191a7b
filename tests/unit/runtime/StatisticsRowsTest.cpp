//===- StatisticsRowsTest.cpp - addRows is add() trial after trial, bit for bit ===//
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "runtime/host/StateCodec.h"
#include "runtime/host/StatisticsReport.h"

namespace omen::rt {
namespace {

/// The accumulator's complete state, as MPI ranks ship it.
std::string stateOf(const ReportAccumulator& a) {
  ByteWriter w;
  StateCodec::put(w, a);
  return w.bytes();
}

TEST(StatisticsRows, SameStateAsAddingTrialByTrial) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> value(-3, 7);
  for (ReportKind kind : {ReportKind::Probability, ReportKind::Mean, ReportKind::Quantiles}) {
    for (size_t reports : {1u, 2u, 3u}) {
      for (uint32_t count : {0u, 1u, 7u, 16u, 1001u}) {
        SCOPED_TRACE("kind " + std::to_string(int(kind)) + ", reports " + std::to_string(reports) + ", count " +
                     std::to_string(count));
        size_t stride = 2 * reports;
        std::vector<double> rows((count + 1) * stride);  // a spare row: data() is never null, even at count 0
        for (double& v : rows) v = value(rng);
        for (uint32_t j = 0; j < count; ++j) {
          double* p = rows.data() + j * stride + 2 * (reports - 1);  // the last report's pair
          p[0] = rng() % 4 == 0 ? 0.0 : 1.0;                        // given in 3 of 4 trials
          if (kind == ReportKind::Probability) p[1] = rng() % 3 == 0 ? 1.0 : 0.0;
        }
        // Three blocks of rows into one accumulator, against the same trial by trial.
        ReportAccumulator byRows(kind, 500), byTrial(kind, 500);
        const double* pairs = rows.data() + 2 * (reports - 1);
        uint32_t cut1 = count / 3, cut2 = 2 * count / 3;
        byRows.addRows(pairs, stride, cut1);
        byRows.addRows(pairs + cut1 * stride, stride, cut2 - cut1);
        byRows.addRows(pairs + cut2 * stride, stride, count - cut2);
        for (uint32_t j = 0; j < count; ++j) byTrial.add(pairs[j * stride], pairs[j * stride + 1]);
        EXPECT_EQ(stateOf(byRows), stateOf(byTrial));
        EXPECT_EQ(byRows.count(), byTrial.count());
      }
    }
  }
}

}  // namespace
}  // namespace omen::rt
