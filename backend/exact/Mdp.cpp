//===- Mdp.cpp - Backward induction over every strategy ---------------------===//
#include "backend/exact/Mdp.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <thread>

#include "backend/exact/Enumerate.h"
#include "backend/exact/StrategyGraph.h"

namespace omen::exact {
namespace {

using Status = Evaluator::Status;

/// Two alternatives within this of each other are equally good (for ties across states
/// that see the same).
constexpr double kTie = 1e-12;

struct Bracket {
  double lo = 0, hi = 0;
  double mid() const { return 0.5 * (lo + hi); }
};

class Induction {
 public:
  Induction(const ir::Module& m, const ir::Scenario& s, const Value* globals, const MdpRequest& request,
            const std::atomic<bool>* cancel, StrategyGraph& graph, MdpResult& out, SolveError& error)
      : s_(s), ev_(m, s, globals), layout_(m, s), request_(request), cancel_(cancel), graph_(graph), out_(out),
        error_(error) {}

  bool run() {
    const size_t n = graph_.keys.size();
    value_.assign(n, Bracket{});
    known_.assign(n, 0);
    if (!terminalValues()) return false;
    for (auto it = graph_.order.rbegin(); it != graph_.order.rend(); ++it)
      if (stopAsked() || !stepValue(*it)) return false;
    Bracket root = value_[graph_.root];
    out_.value = root.mid();
    out_.errorBound = 0.5 * (root.hi - root.lo);
    out_.states = n;
    return true;
  }

 private:
  // The report's value at each finished trial (a draw in it enumerated); its range bounds
  // what was left out.
  bool terminalValues() {
    const ir::Report& r = s_.reports[request_.report];
    uint32_t event = 0;
    if (layout_.momentOf(r, event) >= 0) {
      error_.message = "the report's value is an event's time, which the exact engine keeps as a mean only; "
                       "report it as a state (set it where the event is triggered)";
      return false;
    }
    const bool probability = r.kind == ir::ReportKind::Probability;
    lowest_ = probability ? 0.0 : std::numeric_limits<double>::infinity();
    highest_ = probability ? 1.0 : -std::numeric_limits<double>::infinity();
    const int64_t finishedPhase = int64_t(s_.phases.size());
    TrialMemory scratch;  // the array layout, which the reports' element reads need
    if (!ev_.layoutArrays(scratch)) {
      error_.runtime = ev_.error();
      return false;
    }
    for (uint32_t i = 0; i < graph_.keys.size(); ++i) {
      if (stopAsked()) return false;
      if (graph_.keys[i].empty() || graph_.keys[i][0] != finishedPhase) continue;
      Position at;
      TrialMemory state;
      layout_.decode(graph_.keys[i], at, state);
      double sum = 0, ignored = 0;
      Value v{};
      bool ok = enumerate(
          ev_, state, 1.0, ignored,
          [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev_.evalExpr(*r.value, mem, script, v); },
          [&](TrialMemory&, double p, Status st) {
            if (st == Status::Failed) {
              error_.runtime = ev_.error();
              error_.report = int(request_.report);
              return false;
            }
            sum += p * (r.value->type == Type::Bool ? (v.i ? 1.0 : 0.0)
                        : r.value->type == Type::Int ? double(v.i)
                                                      : v.r);
            return true;
          });
      if (!ok) return false;
      if (!std::isfinite(sum)) {
        error_.message = "the report's value is not finite in a finished trial";
        return false;
      }
      value_[i] = {sum, sum};
      known_[i] = 1;
      lowest_ = std::min(lowest_, sum), highest_ = std::max(highest_, sum);
    }
    if (lowest_ > highest_) lowest_ = highest_ = 0;  // no trial finishes: nothing to bound by
    return true;
  }

  // The cancel flag (Ctrl-C), polled at every state: induction over a large graph takes seconds.
  bool stopAsked() {
    if (!cancel_ || !cancel_->load(std::memory_order_relaxed)) return false;
    error_.interrupted = true;
    error_.message = "during backward induction over " + std::to_string(graph_.keys.size()) + " states";
    return true;
  }

  Bracket valueOf(uint32_t node) const { return known_[node] ? value_[node] : Bracket{lowest_, highest_}; }

  bool better(double a, double b) const { return request_.maximize ? a > b : a < b; }

  bool stepValue(uint32_t node) {
    const std::vector<TreeNode>& tree = graph_.states[node].tree;
    if (tree.empty()) return true;  // left unexplored: bracketed by valueOf
    std::vector<Bracket> v(tree.size());
    for (size_t j = tree.size(); j-- > 0;) {
      const TreeNode& t = tree[j];
      switch (t.kind) {
        case TreeNode::Leaf: v[j] = valueOf(t.target); break;
        case TreeNode::Chance: {
          Bracket sum{t.dropped * lowest_, t.dropped * highest_};
          for (size_t k = 0; k < t.children.size(); ++k) {
            sum.lo += t.probability[k] * v[t.children[k]].lo;
            sum.hi += t.probability[k] * v[t.children[k]].hi;
          }
          v[j] = sum;
          break;
        }
        case TreeNode::Decision:
          if (!decide(t, v, v[j])) return false;
          break;
      }
    }
    value_[node] = v[0];
    known_[node] = 1;
    return true;
  }

  // The best alternative; states that see the same at the same statement must agree (the
  // agent cannot tell them apart), which only ties allow.
  bool decide(const TreeNode& t, const std::vector<Bracket>& v, Bracket& out) {
    ++out_.decisions;
    uint32_t best = 0;
    Bracket optimum = v[t.children[0]];
    for (uint32_t k = 0; k < t.children.size(); ++k) {
      const Bracket& b = v[t.children[k]];
      if (better(b.mid(), v[t.children[best]].mid())) best = k;
      optimum.lo = request_.maximize ? std::max(optimum.lo, b.lo) : std::min(optimum.lo, b.lo);
      optimum.hi = request_.maximize ? std::max(optimum.hi, b.hi) : std::min(optimum.hi, b.hi);
    }
    auto [row, fresh] = rows_.try_emplace(std::make_pair(t.site, t.seen), uint32_t(out_.strategy.size()));
    if (!fresh) {
      const DecisionRow& earlier = out_.strategy[row->second];
      double mine = v[t.children[earlier.alternative]].mid(), top = v[t.children[best]].mid();
      if (std::fabs(mine - top) > kTie * std::max(1.0, std::fabs(top))) {
        error_.message = "the best choice depends on more than the `choose` sees (an array element, an event's "
                         "time, or the step within a phase that follows an `until` phase); declare what matters "
                         "as a state (docs/exact.md)";
        return false;
      }
      out = optimum;
      return true;
    }
    DecisionRow r;
    r.site = t.site;
    r.seen = t.seen;
    r.alternative = best;
    r.choice = t.alternatives[best];
    r.value = v[t.children[best]].mid();
    for (uint32_t c : t.children) r.alternativeValues.push_back(v[c].mid());
    out_.strategy.push_back(std::move(r));
    out = optimum;
    return true;
  }

  const ir::Scenario& s_;
  Evaluator ev_;
  StateLayout layout_;
  const MdpRequest& request_;
  const std::atomic<bool>* cancel_;
  StrategyGraph& graph_;
  MdpResult& out_;
  SolveError& error_;
  std::vector<Bracket> value_;
  std::vector<uint8_t> known_;
  double lowest_ = 0, highest_ = 0;
  std::map<std::pair<uint32_t, std::vector<int64_t>>, uint32_t> rows_;
};

// A graph of millions of states is millions of small allocations, and freeing them takes
// about a second per gigabyte: after Ctrl-C that would be the wait. A thread of its own
// frees it while the partial result is printed (the REPL and Python keep running, so the
// memory must come back; a process that exits first takes it back anyway).
void freeAside(StrategyGraph&& graph) {
  std::thread([doomed = std::move(graph)]() mutable { StrategyGraph gone(std::move(doomed)); }).detach();
}

}  // namespace

bool solveMdp(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
              const std::atomic<bool>* cancel, const MdpRequest& request, MdpResult& out, SolveError& error) {
  auto begin = std::chrono::steady_clock::now();
  StrategyGraph graph;
  if (!explore(m, s, globals, options, cancel, graph, out.counts, error)) {
    if (error.interrupted) freeAside(std::move(graph));
    return false;
  }
  Induction induction(m, s, globals, request, cancel, graph, out, error);
  bool ok = induction.run();
  out.counts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  return ok;
}

}  // namespace omen::exact
