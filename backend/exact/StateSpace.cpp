//===- StateSpace.cpp - A trial's memory as a hashable key ------------------===//
#include "backend/exact/StateSpace.h"

#include <set>

namespace omen::exact {
namespace {

// Key layout: phase, limit, t, step, the kept frame slots, one word per event (its time if
// read, else its flag), then the array elements.
constexpr size_t kHeader = 4;

void markTimes(const ir::Expr& e, std::vector<uint8_t>& read) {
  if (e.kind == ir::ExprKind::EventTime) read[e.index] = 1;
  for (const ir::ExprPtr& o : e.operands) markTimes(*o, read);
}

// The event whose time `e` is, with or without a conversion to real, or -1.
int64_t timeOf(const ir::Expr& e) {
  if (e.kind == ir::ExprKind::EventTime) return e.index;
  if (e.kind == ir::ExprKind::IntToReal && e.operands[0]->kind == ir::ExprKind::EventTime) return e.operands[0]->index;
  return -1;
}

void markTimes(const ir::Block& b, std::vector<uint8_t>& read) {
  for (const ir::StmtPtr& s : b) {
    for (const ir::Expr* e : {s->value.get(), s->subscript.get(), s->bound.get()})
      if (e) markTimes(*e, read);
    markTimes(s->thenBlock, read);
    markTimes(s->elseBlock, read);
  }
}

}  // namespace

StateLayout::StateLayout(const ir::Module&, const ir::Scenario& s) : s_(s) {
  frameSize_ = s.slots.size();
  events_ = s.events.size();
  for (uint32_t i = 0; i < s.slots.size(); ++i)
    if (s.slots[i].kind != ir::SlotKind::Local) kept_.push_back(i);
  timeRead_.assign(events_, 0);
  markTimes(s.trialInit, timeRead_);
  for (const ir::Phase& p : s.phases) {
    markTimes(p.body, timeRead_);
    for (const ir::Expr* e : {p.count.get(), p.cond.get(), p.limit.get()})
      if (e) markTimes(*e, timeRead_);
  }
  // Times read by a phase or the trial's start stay in the key; so do those a report reads
  // other than as the whole value of an E report.
  std::vector<uint8_t> onlyMean(events_, 1), inReports(events_, 0);
  for (const ir::Report& r : s.reports) {
    int64_t e = r.kind == ir::ReportKind::Mean ? timeOf(*r.value) : -1;
    std::vector<uint8_t> read(events_, 0);
    if (e < 0) markTimes(*r.value, read);
    if (r.given) markTimes(*r.given, read);
    for (size_t i = 0; i < events_; ++i) onlyMean[i] &= !read[i], inReports[i] |= read[i];
    if (e >= 0) inReports[size_t(e)] = 1;
  }
  for (uint32_t e = 0; e < events_; ++e) {
    if (timeRead_[e] || !inReports[e]) continue;
    if (onlyMean[e] && moments_.size() < kMaxMoments)
      moments_.push_back(e);
    else
      timeRead_[e] = 1;
  }
}

Weight StateLayout::carry(const Weight& from, const TrialMemory& before, const TrialMemory& after,
                          double probability) const {
  Weight w;
  w.mass = probability;
  double share = from.mass > 0 ? probability / from.mass : 0;
  for (size_t j = 0; j < moments_.size(); ++j) {
    uint32_t e = moments_[j];
    w.moments[j] = before.happened[e]  ? share * from.moments[j]
                   : after.happened[e] ? probability * double(after.times[e])
                                       : 0;
  }
  return w;
}

int StateLayout::momentOf(const ir::Report& r, uint32_t& event) const {
  if (r.kind != ir::ReportKind::Mean) return -1;
  int64_t e = timeOf(*r.value);
  for (size_t j = 0; j < moments_.size(); ++j)
    if (int64_t(moments_[j]) == e) {
      event = moments_[j];
      return int(j);
    }
  return -1;
}

StateKey StateLayout::encode(const Position& at, const TrialMemory& m) const {
  StateKey k;
  k.reserve(kHeader + kept_.size() + events_ + m.elements.size());
  k.push_back(at.phase);
  k.push_back(at.limit);
  k.push_back(m.t);
  k.push_back(m.step);
  for (uint32_t slot : kept_) k.push_back(m.frame[slot].i);
  for (size_t e = 0; e < events_; ++e)
    k.push_back(timeRead_[e] ? m.times[e] : (m.happened[e] ? 0 : -1));
  for (const Value& v : m.elements) k.push_back(v.i);
  return k;
}

void StateLayout::decode(const StateKey& k, Position& at, TrialMemory& m) const {
  at.phase = uint32_t(k[0]);
  at.limit = k[1];
  m.t = k[2];
  m.step = k[3];
  m.frame.assign(frameSize_, Value{});
  size_t i = kHeader;
  for (uint32_t slot : kept_) m.frame[slot].i = k[i++];
  m.happened.resize(events_);
  m.times.resize(events_);
  for (size_t e = 0; e < events_; ++e) {
    int64_t w = k[i++];
    m.happened[e] = w >= 0;
    m.times[e] = timeRead_[e] ? w : (w >= 0 ? 0 : -1);
  }
  m.elements.resize(k.size() - i);
  for (Value& v : m.elements) v.i = k[i++];
}

std::string StateLayout::mostVaried(const Distribution& states) const {
  std::string name;
  size_t most = 0;
  auto consider = [&](const std::string& what, size_t column) {
    std::set<int64_t> seen;
    for (const auto& [key, mass] : states) seen.insert(key[column]);
    if (seen.size() > most) most = seen.size(), name = what + " (" + std::to_string(seen.size()) + " values)";
  };
  consider("t", 2);
  for (size_t j = 0; j < kept_.size(); ++j) consider(s_.slots[kept_[j]].name, kHeader + j);
  for (size_t e = 0; e < events_; ++e)
    if (timeRead_[e]) consider("time(" + s_.events[e] + ")", kHeader + kept_.size() + e);
  size_t elements = states.empty() ? 0 : states.begin()->first.size() - (kHeader + kept_.size() + events_);
  for (size_t j = 0; j < elements; ++j) consider("an array element", kHeader + kept_.size() + events_ + j);
  return name;
}

}  // namespace omen::exact
