// StateCodec restores an accumulator bit for bit: folding restored block states gives the
// same bytes as folding the originals (what makes an MPI run identical to one process).
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "runtime/host/Paired.h"
#include "runtime/host/StateCodec.h"
#include "runtime/host/StatisticsReport.h"

namespace omen::rt {
namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void expectSame(const ReportResult& a, const ReportResult& b) {
  EXPECT_EQ(a.n, b.n);
  EXPECT_TRUE(sameBits(a.estimate, b.estimate));
  EXPECT_TRUE(sameBits(a.stdError, b.stdError));
  EXPECT_TRUE(sameBits(a.ciLow, b.ciLow));
  EXPECT_EQ(a.sketched, b.sketched);
  EXPECT_TRUE(sameBits(a.rankError, b.rankError));
  ASSERT_EQ(a.quantiles.size(), b.quantiles.size());
  for (size_t i = 0; i < a.quantiles.size(); ++i) EXPECT_TRUE(sameBits(a.quantiles[i].value, b.quantiles[i].value));
}

std::vector<ReportAccumulator> block(std::mt19937_64& rng, uint64_t cap) {
  std::vector<ReportAccumulator> out;
  for (ReportKind k : {ReportKind::Probability, ReportKind::Mean, ReportKind::Quantiles}) out.emplace_back(k, cap);
  std::normal_distribution<double> normal(3, 2);
  std::bernoulli_distribution given(0.7);
  for (int i = 0; i < 4096; ++i)
    for (ReportAccumulator& a : out) a.add(given(rng), normal(rng));
  return out;
}

// cap 1000 makes the quantile store spill into the sketch inside a block; 10^7 keeps it exact.
class StateCodecTest : public ::testing::TestWithParam<uint64_t> {};

TEST_P(StateCodecTest, FoldOfRestoredBlocksEqualsFoldOfOriginals) {
  std::mt19937_64 rng(7);
  std::vector<ReportAccumulator> direct, viaBytes;
  for (ReportKind k : {ReportKind::Probability, ReportKind::Mean, ReportKind::Quantiles}) {
    direct.emplace_back(k, GetParam());
    viaBytes.emplace_back(k, GetParam());
  }
  for (int b = 0; b < 6; ++b) {
    std::vector<ReportAccumulator> original = block(rng, GetParam());
    ByteWriter w;
    StateCodec::put(w, original);
    std::vector<ReportAccumulator> restored;
    for (ReportKind k : {ReportKind::Probability, ReportKind::Mean, ReportKind::Quantiles}) restored.emplace_back(k, 1);
    ByteReader r(w.bytes());
    StateCodec::get(r, restored);
    for (size_t i = 0; i < direct.size(); ++i) {
      direct[i].merge(std::move(original[i]));
      viaBytes[i].merge(std::move(restored[i]));
    }
  }
  const char* labels[] = {"p", "e", "q"};
  for (size_t i = 0; i < direct.size(); ++i) {
    ReportInfo info{labels[i], direct[i].kind(), true};
    expectSame(direct[i].finish(info), viaBytes[i].finish(info));
  }
}

INSTANTIATE_TEST_SUITE_P(ExactAndSketched, StateCodecTest, ::testing::Values(uint64_t{10'000'000}, uint64_t{1000}));

TEST(StateCodec, PairedMomentsAndErrors) {
  PairedMoments m;
  std::mt19937_64 rng(3);
  std::normal_distribution<double> normal;
  for (int i = 0; i < 1000; ++i) m.add(1, normal(rng), 1, normal(rng));
  ByteWriter w;
  StateCodec::put(w, m);
  RunError e;
  e.trial = 123456;
  e.report = 2;
  e.error.code = 7;
  e.error.args[1] = -0.5;
  StateCodec::put(w, e);
  ByteReader r(w.bytes());
  PairedMoments back;
  StateCodec::get(r, back);
  EXPECT_EQ(back.count(), m.count());
  EXPECT_TRUE(back.mean() == m.mean());
  EXPECT_TRUE(back.comoment() == m.comoment());
  RunError eBack = StateCodec::getError(r);
  EXPECT_EQ(eBack.trial, 123456u);
  EXPECT_EQ(eBack.report, 2);
  EXPECT_EQ(eBack.error.code, 7u);
  EXPECT_EQ(eBack.error.args[1], -0.5);
  EXPECT_THROW(r.get<uint64_t>(), std::runtime_error);  // nothing left: truncated, not garbage
}

// A world of a two-level run travels between ranks as its finished reports.
TEST(StateCodec, FinishedReports) {
  std::mt19937_64 rng(11);
  std::vector<ReportAccumulator> accumulators = block(rng, 1000);  // the quantiles are sketched
  const char* labels[] = {"p", "e", "q"};
  ByteWriter w;
  std::vector<ReportResult> reports;
  for (size_t i = 0; i < accumulators.size(); ++i) {
    reports.push_back(accumulators[i].finish(ReportInfo{labels[i], accumulators[i].kind(), i == 1}));
    StateCodec::put(w, reports.back());
  }
  ReportResult odd = reports[0];  // every field travels, also the rarely set ones
  odd.undefined = true;
  odd.hasSpread = false;
  StateCodec::put(w, odd);
  reports.push_back(odd);
  ByteReader r(w.bytes());
  for (const ReportResult& sent : reports) {
    ReportResult got = StateCodec::getReport(r);
    expectSame(sent, got);
    EXPECT_EQ(got.label, sent.label);
    EXPECT_EQ(got.kind, sent.kind);
    EXPECT_EQ(got.conditional, sent.conditional);
    EXPECT_EQ(got.undefined, sent.undefined);
    EXPECT_EQ(got.hasSpread, sent.hasSpread);
    EXPECT_TRUE(sameBits(got.ciHigh, sent.ciHigh));
    for (size_t i = 0; i < sent.quantiles.size(); ++i) {
      EXPECT_TRUE(sameBits(got.quantiles[i].p, sent.quantiles[i].p));
      EXPECT_TRUE(sameBits(got.quantiles[i].ciLow, sent.quantiles[i].ciLow));
      EXPECT_TRUE(sameBits(got.quantiles[i].ciHigh, sent.quantiles[i].ciHigh));
    }
  }
  EXPECT_TRUE(reports[2].sketched);
  EXPECT_THROW(r.get<uint8_t>(), std::runtime_error);
}

}  // namespace
}  // namespace omen::rt
