//===- StateCodec.cpp - Accumulator state as bytes, bit for bit -------------===//
#include "runtime/host/StateCodec.h"

#include "runtime/host/Paired.h"
#include "runtime/host/StatisticsReport.h"

namespace omen::rt {

void StateCodec::put(ByteWriter& w, const Welford& m) {
  w.put(m.n_);
  w.put(m.mean_);
  w.put(m.m2_);
}

void StateCodec::get(ByteReader& r, Welford& m) {
  m.n_ = r.get<uint64_t>();
  m.mean_ = r.get<double>();
  m.m2_ = r.get<double>();
}

void StateCodec::put(ByteWriter& w, const QuantileSketch& s) {
  w.put(s.capacity_);
  w.put(s.n_);
  w.put<uint64_t>(s.levels_.size());
  for (const QuantileSketch::Level& level : s.levels_) {
    w.putDoubles(level.items);
    w.put(level.evenCompactions);
    w.put(level.oddCompactions);
    w.put<uint8_t>(level.nextOdd);
  }
}

void StateCodec::get(ByteReader& r, QuantileSketch& s) {
  s.capacity_ = r.get<uint32_t>();
  s.n_ = r.get<uint64_t>();
  s.levels_.resize(r.get<uint64_t>());
  for (QuantileSketch::Level& level : s.levels_) {
    level.items = r.getDoubles();
    level.evenCompactions = r.get<uint64_t>();
    level.oddCompactions = r.get<uint64_t>();
    level.nextOdd = r.get<uint8_t>() != 0;
  }
}

void StateCodec::put(ByteWriter& w, const QuantileAccumulator& q) {
  w.put(q.cap_);
  w.putDoubles(q.exact_);
  w.put<uint8_t>(q.sketch_ != nullptr);
  if (q.sketch_) put(w, *q.sketch_);
}

void StateCodec::get(ByteReader& r, QuantileAccumulator& q) {
  q.cap_ = r.get<uint64_t>();
  q.exact_ = r.getDoubles();
  q.sketch_.reset();
  if (r.get<uint8_t>()) {
    q.sketch_ = std::make_unique<QuantileSketch>();
    get(r, *q.sketch_);
  }
}

void StateCodec::put(ByteWriter& w, const ReportAccumulator& a) {
  w.put(a.kind_);
  w.put(a.count_.n);
  w.put(a.count_.k);
  put(w, a.moments_);
  put(w, a.quantiles_);
  w.put(a.weighting_);
  put(w, a.weighted_);
  std::vector<double> flat;
  for (const auto& [value, logWeight] : a.weightedValues_) flat.push_back(value), flat.push_back(logWeight);
  w.putDoubles(flat);
}

void StateCodec::put(ByteWriter& w, const WeightedStats& s) {
  w.put(s.keep_);
  w.put(s.n_);
  for (double x : {s.maxLog_, s.minLog_, s.shift_, s.s0_, s.s1_, s.s2_, s.s2f_, s.s2ff_}) w.put(x);
  w.put<uint8_t>(s.shifted_);
  w.putDoubles(s.largest_);
}

void StateCodec::put(ByteWriter& w, const PairedWeights& p) {
  w.put(p.n_);
  for (double x : {p.maxA_, p.maxB_, p.sa_, p.sb_, p.saa_, p.sbb_, p.sab_}) w.put(x);
}

void StateCodec::get(ByteReader& r, PairedWeights& p) {
  p.n_ = r.get<uint64_t>();
  for (double* x : {&p.maxA_, &p.maxB_, &p.sa_, &p.sb_, &p.saa_, &p.sbb_, &p.sab_}) *x = r.get<double>();
}

void StateCodec::get(ByteReader& r, WeightedStats& s) {
  s.keep_ = r.get<uint32_t>();
  s.n_ = r.get<uint64_t>();
  for (double* x : {&s.maxLog_, &s.minLog_, &s.shift_, &s.s0_, &s.s1_, &s.s2_, &s.s2f_, &s.s2ff_}) *x = r.get<double>();
  s.shifted_ = r.get<uint8_t>() != 0;
  s.largest_ = r.getDoubles();
}

void StateCodec::get(ByteReader& r, ReportAccumulator& a) {
  a.kind_ = r.get<ReportKind>();
  a.count_.n = r.get<uint64_t>();
  a.count_.k = r.get<uint64_t>();
  get(r, a.moments_);
  get(r, a.quantiles_);
  a.weighting_ = r.get<Weighting>();
  get(r, a.weighted_);
  std::vector<double> flat = r.getDoubles();
  a.weightedValues_.clear();
  for (size_t i = 0; i + 1 < flat.size(); i += 2) a.weightedValues_.emplace_back(flat[i], flat[i + 1]);
}

void StateCodec::put(ByteWriter& w, const std::vector<ReportAccumulator>& all) {
  w.put<uint64_t>(all.size());
  for (const ReportAccumulator& a : all) put(w, a);
}

void StateCodec::get(ByteReader& r, std::vector<ReportAccumulator>& all) {
  uint64_t n = r.get<uint64_t>();
  if (n != all.size()) throw std::runtime_error("omen: MPI ranks disagree on a scenario's reports");
  for (ReportAccumulator& a : all) get(r, a);
}

void StateCodec::put(ByteWriter& w, const PairedMoments& m) {
  w.put(m.n_);
  for (int i = 0; i < 4; ++i) w.put(m.mean_(i));
  for (int i = 0; i < 16; ++i) w.put(m.comoment_.data()[i]);
}

void StateCodec::get(ByteReader& r, PairedMoments& m) {
  m.n_ = r.get<uint64_t>();
  for (int i = 0; i < 4; ++i) m.mean_(i) = r.get<double>();
  for (int i = 0; i < 16; ++i) m.comoment_.data()[i] = r.get<double>();
}

void StateCodec::put(ByteWriter& w, const RunError& e) {
  w.put(e.error);
  w.put(e.trial);
  w.put(e.report);
  w.put<uint8_t>(e.inGlobals);
}

RunError StateCodec::getError(ByteReader& r) {
  RunError e;
  e.error = r.get<OmenError>();
  e.trial = r.get<uint64_t>();
  e.report = r.get<int>();
  e.inGlobals = r.get<uint8_t>() != 0;
  return e;
}

void StateCodec::put(ByteWriter& w, const ReportResult& report) {
  w.put<uint64_t>(report.label.size());
  w.bytes().append(report.label);
  w.put(report.kind);
  w.put<uint8_t>(report.conditional);
  w.put(report.n);
  w.put<uint8_t>(report.undefined);
  w.put(report.estimate);
  w.put(report.stdError);
  w.put(report.ciLow);
  w.put(report.ciHigh);
  w.put<uint8_t>(report.hasSpread);
  w.put<uint64_t>(report.quantiles.size());
  for (const QuantilePoint& q : report.quantiles) w.put(q);
  w.put<uint8_t>(report.sketched);
  w.put(report.rankError);
  w.put<uint8_t>(report.weighted);
  w.put(report.ess);
}

ReportResult StateCodec::getReport(ByteReader& r) {
  ReportResult report;
  uint64_t length = r.get<uint64_t>();
  report.label.reserve(length);
  for (uint64_t i = 0; i < length; ++i) report.label.push_back(r.get<char>());
  report.kind = r.get<ReportKind>();
  report.conditional = r.get<uint8_t>() != 0;
  report.n = r.get<uint64_t>();
  report.undefined = r.get<uint8_t>() != 0;
  report.estimate = r.get<double>();
  report.stdError = r.get<double>();
  report.ciLow = r.get<double>();
  report.ciHigh = r.get<double>();
  report.hasSpread = r.get<uint8_t>() != 0;
  report.quantiles.resize(r.get<uint64_t>());
  for (QuantilePoint& q : report.quantiles) q = r.get<QuantilePoint>();
  report.sketched = r.get<uint8_t>() != 0;
  report.rankError = r.get<double>();
  report.weighted = r.get<uint8_t>() != 0;
  report.ess = r.get<double>();
  return report;
}

}  // namespace omen::rt
