//===- Evaluator.h - Runs IR over one trial's memory, following given draws -===//
//
// The exact engine's way to see every outcome of a step without a random stream: the step
// is run again and again from the same start, each time with a *script* saying which outcome
// each draw takes. The first draw past the end of the script stops the run (Status::Branch)
// and leaves its outcomes in branch(); the caller then extends the script once per outcome
// (Enumerate.h). The probability of the scripted path is the product of its outcomes'.
//
// Everything else is the interpreter's semantics (backend/interp/Machine.cpp): the same
// order of evaluation, the same runtime functions for math builtins (so the same values and
// error records), `t` counted the same way.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "ir/ChoiceKey.h"
#include "ir/Module.h"
#include "omen/Results.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::exact {

class StrategyGraph;

/// What one trial holds between steps: the trial frame, the events, the arrays, the clocks.
struct TrialMemory {
  std::vector<Value> frame;
  std::vector<uint8_t> happened;
  std::vector<int64_t> times;
  std::vector<Value> elements;  ///< every array's elements, one after another
  int64_t t = 0, step = 0;
};

/// One outcome of a draw: the value drawn and its probability.
struct DrawOutcome {
  Value value;
  double probability;
};

/// The outcomes of the draw that stopped a run, and the mass of those left out (the far
/// tails of poisson, binomial and geometric, below kTailMass on each side).
struct Branch {
  std::vector<DrawOutcome> outcomes;
  double droppedMass = 0;
  /// A `choose`: the outcomes are the agent's alternatives (probability 1 each), `site` is
  /// the statement's, and `seen` what it sees (ChoiceKey).
  bool decision = false;
  uint32_t site = 0;
  std::vector<int64_t> seen;
};

/// The most values one `choose` takes.
inline constexpr int64_t kMaxChoices = 4096;

/// Each tail of an unbounded or wide discrete draw left out of the enumeration.
inline constexpr double kTailMass = 1e-17;

class Evaluator {
 public:
  enum class Status { Done, Stop, End, Return, Branch, Failed };

  Evaluator(const ir::Module& module, const ir::Scenario& scenario, const Value* globals);

  /// Lays the arrays out (their lengths read globals only); false with error() set on failure.
  bool layoutArrays(TrialMemory& fresh);

  /// Runs `block` (trialInit or a phase body) on `memory`, taking draw i's outcome from
  /// script[i]. Returns Branch at the first draw beyond the script.
  Status runBlock(const ir::Block& block, TrialMemory& memory, const std::vector<uint32_t>& script);
  /// Evaluates `e` likewise (a phase's count, limit or condition, a report's value or given).
  Status evalExpr(const ir::Expr& e, TrialMemory& memory, const std::vector<uint32_t>& script, Value& out);

  double pathProbability() const { return probability_; }
  const Branch& branch() const { return branch_; }
  const OmenError& error() const { return ctx_.error; }
  /// Fails the run with `code` at `site` as a kernel would (the phase limit, a bad count).
  void fail(uint32_t code, uint32_t site, uint32_t argCount, double a0 = 0, double a1 = 0);
  void clearError() { ctx_.error = OmenError{}; }
  /// Set for `omen worst --exact`: enumerations record into it (Enumerate.h).
  StrategyGraph* graph() const { return graph_; }
  void setGraph(StrategyGraph* g) { graph_ = g; }

 private:
  void begin(TrialMemory& memory, const std::vector<uint32_t>& script);
  bool stopped() const { return branching_ || ctx_.error.code != OMEN_OK; }
  Value eval(const ir::Expr& e);
  Status exec(const ir::Block& b);
  Value callFunction(const ir::Expr& e);
  Value callBuiltin(const ir::Expr& e);
  Value reduce(const ir::Expr& e);
  Value priorMean(const ir::Expr& e, const std::vector<Value>& args);
  Value* element(uint32_t array, int64_t i, uint32_t site);
  /// The outcome of the next draw, whose outcomes are `outcomes` (or Branch).
  Value draw(Branch outcomes);
  Branch outcomesOf(BuiltinId id, const std::vector<double>& args, uint32_t site);
  Branch enumerateDraw(BuiltinId id, const std::vector<double>& args, uint32_t site);
  /// The alternatives of a Choose statement and what the agent sees there (or stopped()).
  Branch alternatives(const ir::Stmt& s);

  const ir::Module& m_;
  const ir::Scenario& s_;
  const Value* globals_;
  OmenTrialContext ctx_{};
  TrialMemory* mem_ = nullptr;
  std::vector<Value>* frame_ = nullptr;  ///< the trial frame, or a function's while it runs
  const std::vector<uint32_t>* script_ = nullptr;
  size_t position_ = 0;
  double probability_ = 1;
  bool branching_ = false;
  Branch branch_;
  Value ret_{};
  std::vector<int64_t> arrayBase_, arrayLength_;
  /// Outcomes already enumerated, by distribution and arguments: a replayed step meets the
  /// same draws again and again, and a poisson's quantiles are costly.
  std::map<std::pair<BuiltinId, std::vector<double>>, Branch> known_;
  std::map<uint32_t, std::vector<ir::ChoiceColumn>> columns_;  ///< per Choose site
  StrategyGraph* graph_ = nullptr;
};

}  // namespace omen::exact
