//===- Exactness.cpp - Which scenarios the exact engine can answer ---------===//
#include "ir/Exactness.h"

#include <algorithm>
#include <map>
#include <set>

namespace omen::ir {

bool isEnumerable(BuiltinId id) {
  switch (id) {
    case BuiltinId::Bernoulli:
    case BuiltinId::Poisson:
    case BuiltinId::Binomial:
    case BuiltinId::Geometric:
    case BuiltinId::Categorical: return true;
    default: return false;
  }
}

bool hasClosedFormMean(BuiltinId id) {
  switch (id) {
    case BuiltinId::Beta:
    case BuiltinId::Uniform:
    case BuiltinId::Triangular:
    case BuiltinId::Pert: return true;
    default: return false;
  }
}

namespace {

bool isContinuousDraw(const Expr& e) {
  return e.kind == ExprKind::CallBuiltin && builtin(e.builtin).isDistribution && !isEnumerable(e.builtin);
}

// Where each trial slot is read, and whether that read is the probability of a draw that
// runs at most once per trial (in the trial's start, outside any loop).
struct Reads {
  std::map<uint32_t, int> count;
  std::set<uint32_t> onceAsProbability;
};

class Analysis {
 public:
  explicit Analysis(const Module& m) : m_(m) {}

  std::string decide(const Scenario& s, std::vector<uint32_t>& priorMeans, std::vector<std::string>& mustPin) {
    Reads reads;
    countReads(s.trialInit, reads, /*once=*/true);
    for (const Phase& p : s.phases) {
      countReads(p.body, reads, false);
      for (const Expr* e : {p.count.get(), p.cond.get(), p.limit.get()})
        if (e) countReads(*e, reads, false, false);
    }
    for (const Report& r : s.reports) {
      countReads(*r.value, reads, false, false);
      if (r.given) countReads(*r.given, reads, false, false);
    }
    // An uncertain param drawn from a continuous prior and read once, as one draw's
    // probability: the draw's probability is the prior's mean.
    std::map<uint32_t, const Expr*> priorOf;
    findPriors(s, s.trialInit, priorOf);
    for (const auto& [slot, draw] : priorOf)
      if (reads.count[slot] == 1 && reads.onceAsProbability.count(slot) && hasClosedFormMean(draw->builtin) &&
          std::all_of(draw->operands.begin(), draw->operands.end(), [](const ExprPtr& o) {
            return o->kind == ExprKind::Const || o->kind == ExprKind::LoadGlobal;
          }))
        priorMeans.push_back(draw->site);
    // Any other continuous prior is never drawn once its param is pinned with --set.
    skip_ = std::set<uint32_t>(priorMeans.begin(), priorMeans.end());
    for (const auto& [slot, draw] : priorOf)
      if (!skip_.count(draw->site)) {
        mustPin.push_back(s.slots[slot].name);
        skip_.insert(draw->site);
      }
    std::string why = scan(s.trialInit);
    for (const Phase& p : s.phases) {
      for (const Expr* e : {p.count.get(), p.cond.get(), p.limit.get()})
        if (why.empty() && e) why = scan(*e);
      if (why.empty()) why = scan(p.body);
    }
    for (const Report& r : s.reports) {
      if (why.empty()) why = scan(*r.value);
      if (why.empty() && r.given) why = scan(*r.given);
    }
    return why;
  }

 private:
  void findPriors(const Scenario& s, const Block& b, std::map<uint32_t, const Expr*>& out) {
    for (const StmtPtr& st : b) {
      if (st->kind == StmtKind::Store && s.slots[st->index].kind == SlotKind::Param && isContinuousDraw(*st->value))
        out[st->index] = st->value.get();
      findPriors(s, st->thenBlock, out);
      findPriors(s, st->elseBlock, out);
    }
  }

  void countReads(const Expr& e, Reads& reads, bool once, bool asProbability) {
    if (e.kind == ExprKind::LoadSlot) {
      ++reads.count[e.index];
      if (once && asProbability) reads.onceAsProbability.insert(e.index);
    }
    // Function bodies have frames of their own: their slots are not the trial's.
    bool drawsOnP = e.kind == ExprKind::CallBuiltin && e.builtin == BuiltinId::Bernoulli;
    for (const ExprPtr& o : e.operands) countReads(*o, reads, once, drawsOnP);
  }
  void countReads(const Block& b, Reads& reads, bool once) {
    for (const StmtPtr& s : b) {
      bool inner = once && s->kind != StmtKind::For;
      if (s->value) countReads(*s->value, reads, once, s->kind == StmtKind::WithProbability);
      for (const Expr* e : {s->subscript.get(), s->bound.get()})
        if (e) countReads(*e, reads, once, false);
      countReads(s->thenBlock, reads, inner);
      countReads(s->elseBlock, reads, inner);
    }
  }

  /// Why evaluating `e` (and the functions it calls) cannot be enumerated, or "".
  std::string scan(const Expr& e) {
    if (isContinuousDraw(e) && !skip_.count(e.site))
      return "the trial draws from " + std::string(builtin(e.builtin).name) + " (a continuous distribution) at " +
             (e.site < m_.sites.size() ? siteText(e.site) : "a function");
    if (e.kind == ExprKind::CallFunction) {
      std::string why = scanFunction(e.index);
      if (!why.empty()) return why;
    }
    for (const ExprPtr& o : e.operands) {
      std::string why = scan(*o);
      if (!why.empty()) return why;
    }
    return "";
  }
  std::string scan(const Block& b) {
    for (const StmtPtr& s : b) {
      // A splitting run's trials are replayed clones (ir/SplitPoints.h): not a distribution.
      if (s->kind == StmtKind::SplitPoint) return "the scenario has split points (multilevel splitting runs by Monte Carlo)";
      for (const Expr* e : {s->value.get(), s->subscript.get(), s->bound.get()}) {
        std::string why = e ? scan(*e) : "";
        if (!why.empty()) return why;
      }
      std::string why = scan(s->thenBlock);
      if (why.empty()) why = scan(s->elseBlock);
      if (!why.empty()) return why;
    }
    return "";
  }
  std::string scanFunction(uint32_t f) {
    auto found = functionWhy_.find(f);
    if (found != functionWhy_.end()) return found->second;
    std::string why = scan(m_.functions[f].body);  // no recursion (verifier)
    functionWhy_[f] = why;
    return why;
  }
  std::string siteText(uint32_t site) const {
    const SourceLoc& at = m_.sites[site].range.begin;
    return at.valid() ? "line " + std::to_string(at.line) : "[s" + std::to_string(site) + "]";
  }

  const Module& m_;
  std::set<uint32_t> skip_;
  std::map<uint32_t, std::string> functionWhy_;
};

}  // namespace

void analyzeExactness(Module& m) {
  Analysis a(m);
  for (Scenario& s : m.scenarios) {
    s.priorMeans.clear();
    s.exactPins.clear();
    // The exact engine carries probabilities, not the trial weights `observe` adds: it would
    // answer the prior, so it refuses rather than ignore the evidence.
    s.exactness = s.weighted ? "the scenario observes (weighted trials are not solved exactly)"
                             : a.decide(s, s.priorMeans, s.exactPins);
    s.exact = s.exactness.empty();
  }
}

}  // namespace omen::ir
