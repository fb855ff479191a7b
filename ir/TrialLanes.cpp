//===- TrialLanes.cpp - Straight-line scenarios: safe to run speculatively ---===//
#include "ir/TrialLanes.h"

#include "ir/StmtTraits.h"

#include <map>
#include <string>

namespace omen::ir {
namespace {

class LaneAnalysis {
 public:
  explicit LaneAnalysis(const Module& m) : m_(m) {}

  /// The reason `s` must run one trial at a time, or "" when its trials may share vectors.
  std::string decide(const Scenario& s) {
    if (!s.arrays.empty()) return "the scenario has arrays";
    // The lanes write no log weight (EmitLanes.cpp); a weighted trial runs on its own.
    if (s.weighted) return "the scenario observes";
    for (const Phase& p : s.phases) {
      if (p.form == PhaseForm::Until) return "phase " + p.name + " is an until phase";
      if (!p.count || p.count->kind != ExprKind::Const) return "phase " + p.name + " has a step count that is not a constant";
      if (p.count->intValue > 1) return "phase " + p.name + " runs more than one step";
    }
    std::string why = scan(s.trialInit);
    for (const Phase& p : s.phases)
      if (why.empty()) why = scan(p.body);
    for (const Report& r : s.reports) {
      if (why.empty()) why = scan(*r.value);
      if (why.empty() && r.given) why = scan(*r.given);
    }
    return why;
  }

 private:
  /// Builtins whose code has no loop and no libm call (the samplers use the kernel's own
  /// log, exp and sqrt, runtime/kernel/LoopFreeMath.h; the rejection samplers have one-try
  /// variants for lanes), so that a trial made of them can be vectorised. The others would
  /// only make a second copy of the trial for nothing; log, exp, pow, sin and cos keep
  /// libm's correctly rounded results for what users compute with them.
  static bool vectorizes(BuiltinId id) {
    switch (id) {
      case BuiltinId::Bernoulli:
      case BuiltinId::Uniform:
      case BuiltinId::Normal:
      case BuiltinId::Lognormal:
      case BuiltinId::Beta:
      case BuiltinId::Gamma:
      case BuiltinId::Exponential:
      case BuiltinId::Triangular:
      case BuiltinId::Pert:
      case BuiltinId::Loguniform:
      case BuiltinId::To:
      case BuiltinId::Sqrt:
      case BuiltinId::Abs:
      case BuiltinId::Min:
      case BuiltinId::Max:
      case BuiltinId::Clamp: return true;
      default: return false;
    }
  }

  /// Why evaluating `e` (and the functions it calls) cannot run in lanes, or "".
  std::string scan(const Expr& e) {
    if (e.kind == ExprKind::CallBuiltin && !vectorizes(e.builtin))
      return "the trial calls " + std::string(builtin(e.builtin).name) + " (a loop or a libm call)";
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
      if (traitsOf(s->kind).loops) return "the trial has a for loop";
      if (traitsOf(s->kind).decides) return "the trial chooses";
      if (s->kind == StmtKind::SplitPoint) return "the trial has split points";
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

  const Module& m_;
  std::map<uint32_t, std::string> functionWhy_;
};

}  // namespace

void analyzeTrialLanes(Module& m) {
  LaneAnalysis a(m);
  for (Scenario& s : m.scenarios) {
    s.trialLanes = a.decide(s);
    s.runsInLanes = s.trialLanes.empty();
  }
}

}  // namespace omen::ir
