//===- Solve.cpp - A finite scenario's distribution, carried step by step ---===//
#include "backend/exact/Solve.h"

#include <chrono>

#include "backend/exact/Enumerate.h"
#include "backend/exact/Reports.h"
#include "backend/exact/StateSpace.h"
#include "backend/exact/StrategyGraph.h"
#include "runtime/host/ReportFormat.h"

namespace omen::exact {
namespace {

using Status = Evaluator::Status;

class Solver {
 public:
  Solver(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
         const std::atomic<bool>* cancel, ExactScenarioResult& out, SolveError& error, StrategyGraph* graph)
      : s_(s), ev_(m, s, globals), layout_(m, s), options_(options), cancel_(cancel), out_(out),
        error_(error), graph_(graph) {
    ev_.setGraph(graph);
  }

  bool run() {
    TrialMemory fresh;
    fresh.frame.assign(s_.slots.size(), Value{});
    fresh.happened.assign(s_.events.size(), 0);
    fresh.times.assign(s_.events.size(), -1);
    if (!ev_.layoutArrays(fresh)) return runtimeError(1.0);
    Distribution entering;
    if (graph_) graph_->beginSource({});
    bool ok = enumerate(
        ev_, fresh, 1.0, dropped_,
        [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev_.runBlock(s_.trialInit, mem, script); },
        [&](TrialMemory& mem, double p, Status st) {
          if (st == Status::Failed) return runtimeError(p);
          add(entering, layout_.encode(Position{0, -1}, mem), layout_.carry(Weight{1.0, {}}, fresh, mem, p));
          return true;
        });
    if (!ok) return false;
    out_.peakStates = entering.size();
    for (uint32_t phase = 0; phase < s_.phases.size(); ++phase) {
      Distribution next;
      if (!runPhase(phase, entering, next)) return false;
      entering = std::move(next);
    }
    for (auto& [key, weight] : entering) finished_[key] += weight;
    out_.leftOutMass = dropped_ + truncated_;
    out_.steps = steps_;
    if (graph_) return true;  // the strategy's value comes from the graph (Mdp.cpp)
    return computeReports(ev_, layout_, s_, finished_, out_.leftOutMass, out_.reports, error_);
  }

 private:
  bool runtimeError(double probability) {
    error_.runtime = ev_.error();
    error_.probability = probability;
    return false;
  }

  // The cancel flag (Ctrl-C) set: stops with where, for the partial result's notice.
  bool stopAsked(const ir::Phase& p, int64_t round, size_t alive) {
    if (!cancel_ || !cancel_->load(std::memory_order_relaxed)) return false;
    error_.interrupted = true;
    error_.message = "at step " + std::to_string(round) + " of phase " + p.name + ", " + std::to_string(alive) +
                     " states alive";
    out_.steps = steps_;
    return true;
  }

  bool tooMany(const Distribution& states, const ir::Phase& p, int64_t round) {
    error_.message = "more than " + std::to_string(options_.maxStates) + " distinct states (" +
                     std::to_string(states.size()) + " reached) at step " + std::to_string(round) + " of phase " +
                     p.name + "; most varied: " + layout_.mostVaried(states) +
                     ". Raise --max-states, or declare fewer values (docs/exact.md)";
    return false;
  }

  // In a strategy graph every alternative of a `choose` carries the whole probability, so
  // the mass inside an `until` phase is summed over all strategies. It shrinks only if every
  // strategy leaves the phase; where one can stay (always choosing to wait, say), the graph
  // would grow a step at a time for ever. Checked every kSettleRounds rounds: the mass must
  // at least halve, or the search stops and says why.
  static constexpr int64_t kSettleRounds = 1000;
  bool settling(const ir::Phase& p, int64_t round, double inside, double& insideBefore) {
    if (round % kSettleRounds != 0) return true;
    if (round > kSettleRounds && inside > insideBefore / 2) {
      error_.message = "the `until` phase " + p.name + " does not settle under every strategy: the probability "
                       "still inside it, summed over all strategies, is " + rt::shortestNumber(inside) +
                       " at step " + std::to_string(round) + " against " + rt::shortestNumber(insideBefore) +
                       " at step " + std::to_string(round - kSettleRounds) +
                       ". Some strategy of its `choose` can keep a trial in the phase (or the strategies "
                       "multiply faster than trials leave); worst --exact needs every strategy to leave an "
                       "`until` phase soon: bound it (`for N`), or make every alternative lead out of it "
                       "(docs/exact.md)";
      return false;
    }
    insideBefore = inside;
    return true;
  }

  // Evaluates the phase's count (or limit) in every entering state; the states then wait at
  // step 0 with it in their key.
  bool start(uint32_t phase, const Distribution& entering, Distribution& active) {
    const ir::Phase& p = s_.phases[phase];
    const ir::Expr& count = p.form == ir::PhaseForm::For ? *p.count : *p.limit;
    for (const auto& [key, weight] : entering) {
      if (stopAsked(p, 0, active.size())) return false;
      if (graph_) graph_->beginSource(key);
      Position at;
      TrialMemory start;
      layout_.decode(key, at, start);
      start.step = 0;
      Value n{};
      bool ok = enumerate(
          ev_, start, weight.mass, dropped_,
          [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev_.evalExpr(count, mem, script, n); },
          [&](TrialMemory& mem, double pr, Status st) {
            if (st == Status::Failed) return runtimeError(pr);
            if (n.i < 0 || n.i > ir::kMaxStepCount) {
              ev_.fail(OMEN_ERR_BAD_COUNT, p.site, 1, double(n.i));
              return runtimeError(pr);
            }
            add(active, layout_.encode(Position{phase, n.i}, mem), layout_.carry(weight, start, mem, pr));
            return true;
          });
      if (!ok) return false;
    }
    return true;
  }

  bool runPhase(uint32_t phase, const Distribution& entering, Distribution& leaving) {
    const ir::Phase& p = s_.phases[phase];
    Distribution active;
    if (!start(phase, entering, active)) return false;
    const bool isFor = p.form == ir::PhaseForm::For;
    double insideBefore = 1;  // the mass inside kSettleRounds rounds ago (strategy graphs)
    for (int64_t round = 0; !active.empty(); ++round) {
      ++steps_;
      out_.peakStates = std::max<uint64_t>(out_.peakStates, active.size());
      out_.visitedStates += active.size();
      Distribution next;
      for (const auto& [key, weight] : active) {
        // Every state, not every round: one round of a large distribution takes seconds.
        if (stopAsked(p, round, active.size())) return false;
        if (graph_) graph_->beginSource(key);
        Position at;
        TrialMemory state;
        layout_.decode(key, at, state);
        if (isFor && state.step >= at.limit) {
          add(leaving, layout_.encode(Position{phase + 1, -1}, state), weight);
          continue;
        }
        if (isFor) {
          if (!step(p, at, state, weight, next, leaving, phase)) return false;
          continue;
        }
        Value done{};
        bool ok = enumerate(
            ev_, state, weight.mass, dropped_,
            [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev_.evalExpr(*p.cond, mem, script, done); },
            [&](TrialMemory& mem, double pr, Status st) {
              if (st == Status::Failed) return runtimeError(pr);
              if (done.i) {
                add(leaving, layout_.encode(Position{phase + 1, -1}, mem), layout_.carry(weight, state, mem, pr));
                return true;
              }
              if (mem.step >= at.limit) {
                ev_.fail(OMEN_ERR_PHASE_LIMIT, p.site, 1, double(at.limit));
                return runtimeError(pr);
              }
              return step(p, at, mem, layout_.carry(weight, state, mem, pr), next, leaving, phase);
            });
        if (!ok) return false;
      }
      if (next.size() > options_.maxStates) return tooMany(next, p, round + 1);
      active = std::move(next);
      if (!isFor) {
        double inside = 0;
        for (const auto& [key, weight] : active) inside += weight.mass;
        if (inside <= options_.residual) {
          truncated_ += inside;
          break;
        }
        if (graph_ && !settling(p, round + 1, inside, insideBefore)) return false;
      }
    }
    return true;
  }

  // One step of phase `p` from `state` (of weight `weight`): every outcome goes on, leaves
  // the phase or ends the trial. A quiescent step jumps to the phase's end as the kernels do.
  bool step(const ir::Phase& p, const Position& at, const TrialMemory& state, const Weight& weight,
            Distribution& next, Distribution& leaving, uint32_t phase) {
    const double mass = weight.mass;
    struct Outcome {
      TrialMemory memory;
      double probability;
      std::vector<uint32_t> path;  ///< in the strategy graph
    };
    std::vector<Outcome> outcomes;
    bool ok = enumerate(
        ev_, state, mass, dropped_,
        [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev_.runBlock(p.body, mem, script); },
        [&](TrialMemory& mem, double pr, Status st) {
          if (st == Status::Failed) return runtimeError(pr);
          ++mem.t;  // a step that ends the trial or the phase still counts as executed
          switch (st) {
            case Status::End:
              add(finished_, layout_.encode(Position{uint32_t(s_.phases.size()), -1}, mem),
                  layout_.carry(weight, state, mem, pr));
              break;
            case Status::Stop:
              add(leaving, layout_.encode(Position{phase + 1, -1}, mem), layout_.carry(weight, state, mem, pr));
              break;
            default:
              ++mem.step;
              outcomes.push_back({std::move(mem), pr, graph_ ? graph_->path : std::vector<uint32_t>{}});
              break;
          }
          return true;
        });
    if (!ok) return false;
    if (p.skipQuiescent && outcomes.size() == 1 && outcomes[0].probability == mass &&
        sameBetweenSteps(at, state, outcomes[0].memory)) {
      TrialMemory& mem = outcomes[0].memory;
      if (graph_) graph_->path = outcomes[0].path;
      int64_t remaining = at.limit - mem.step;
      mem.t += remaining;
      mem.step += remaining;
      if (p.form == ir::PhaseForm::For) {
        add(leaving, layout_.encode(Position{phase + 1, -1}, mem), layout_.carry(weight, state, mem, mass));
        return true;
      }
      // An `until` phase whose condition stays false to its limit: the kernels' limit error.
      ev_.fail(OMEN_ERR_PHASE_LIMIT, p.site, 1, double(at.limit));
      return runtimeError(mass);
    }
    for (Outcome& o : outcomes) {
      if (graph_) graph_->path = o.path;
      add(next, layout_.encode(at, o.memory), layout_.carry(weight, state, o.memory, o.probability));
    }
    return true;
  }

  void add(Distribution& to, StateKey key, const Weight& w) {
    if (graph_) graph_->arrive(key);
    to[std::move(key)] += w;
  }

  // The step (which drew nothing: one outcome of probability 1) changed no state and no event.
  bool sameBetweenSteps(const Position& at, const TrialMemory& before, TrialMemory after) const {
    after.t = before.t, after.step = before.step;
    return layout_.encode(at, before) == layout_.encode(at, after);
  }

  const ir::Scenario& s_;
  Evaluator ev_;
  StateLayout layout_;
  const ExactOptions& options_;
  const std::atomic<bool>* cancel_;
  ExactScenarioResult& out_;
  SolveError& error_;
  Distribution finished_;
  double dropped_ = 0, truncated_ = 0;
  uint64_t steps_ = 0;
  StrategyGraph* graph_;
};

}  // namespace

bool solve(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
           const std::atomic<bool>* cancel, ExactScenarioResult& out, SolveError& error) {
  auto begin = std::chrono::steady_clock::now();
  Solver solver(m, s, globals, options, cancel, out, error, nullptr);
  bool ok = solver.run();
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  return ok;
}

}  // namespace omen::exact

namespace omen::exact {

bool explore(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
             const std::atomic<bool>* cancel, StrategyGraph& graph, ExactScenarioResult& out, SolveError& error) {
  Solver solver(m, s, globals, options, cancel, out, error, &graph);
  return solver.run();
}

}  // namespace omen::exact
