//===- Quiescence.cpp - The static half of skipping quiescent steps -------===//
#include "ir/Quiescence.h"

#include "ir/StmtTraits.h"

#include <set>

namespace omen::ir {
namespace {

class QuiescenceAnalysis {
 public:
  QuiescenceAnalysis(const Module& m, const Scenario& s) : m_(m), s_(s) {
    mayDrawFn_.assign(m.functions.size(), -1);
    mustDrawFn_.assign(m.functions.size(), -1);
  }

  /// The reason `p` cannot skip, or "" when it can.
  std::string decide(const Phase& p) {
    if (p.form == PhaseForm::For && p.count->kind == ExprKind::Const && p.count->intValue <= 1)
      return "at most one step";
    if (p.form == PhaseForm::Until) {
      if (const char* clock = readsClock(*p.cond)) return std::string("the until condition reads ") + clock;
      if (mayDraw(*p.cond)) return "the until condition draws";
    }
    std::set<uint32_t> assigned;
    std::string why;
    if (!scanBlock(p.body, assigned, why)) return why;
    if (mustDraw(p.body)) return "every step draws";
    return "";
  }

 private:
  /// "t" or "step" if `e` reads that clock.
  static const char* readsClock(const Expr& e) {
    if (e.kind == ExprKind::Clock) return e.clock == Clock::GlobalStep ? "t" : "step";
    for (const ExprPtr& o : e.operands)
      if (const char* clock = readsClock(*o)) return clock;
    return nullptr;
  }

  bool isLocal(uint32_t slot) const { return slot < s_.slots.size() && s_.slots[slot].kind == SlotKind::Local; }

  /// Checks the clock and definite assignment of locals in the body's evaluation order.
  bool scanExpr(const Expr& e, const std::set<uint32_t>& assigned, std::string& why) const {
    if (e.kind == ExprKind::Clock) {
      why = e.clock == Clock::GlobalStep ? "the body reads t" : "the body reads step";
      return false;
    }
    if (e.kind == ExprKind::LoadSlot && isLocal(e.index) && !assigned.count(e.index)) {
      why = "the body may read a local before setting it";
      return false;
    }
    for (const ExprPtr& o : e.operands)
      if (!scanExpr(*o, assigned, why)) return false;
    return true;
  }

  bool scanBlock(const Block& b, std::set<uint32_t>& assigned, std::string& why) const {
    for (const StmtPtr& s : b) {
      if (s->value && !scanExpr(*s->value, assigned, why)) return false;
      switch (s->kind) {
        case StmtKind::Let:
        case StmtKind::Store: assigned.insert(s->index); break;
        case StmtKind::If:
        case StmtKind::WithProbability: {
          std::set<uint32_t> a = assigned, b2 = assigned;
          if (!scanBlock(s->thenBlock, a, why) || !scanBlock(s->elseBlock, b2, why)) return false;
          for (uint32_t slot : a)
            if (b2.count(slot)) assigned.insert(slot);
          break;
        }
        case StmtKind::Trigger:
        case StmtKind::End:
        case StmtKind::Stop:
        case StmtKind::Return: break;
        // Element stores and triggers are not watched for changes, and a loop's variable is
        // reassigned every iteration: such a body never skips (conservative, always exact).
        case StmtKind::StoreElement:
        case StmtKind::TriggerElement:
          why = "the body changes array elements";
          return false;
        case StmtKind::For:
          why = "the body has a for loop";
          return false;
        // Every step multiplies the trial's weight again: a skipped step would be missing.
        case StmtKind::Factor:
          why = "the body observes";
          return false;
        // A policy's decision may depend on `t`: an unchanged step may choose differently later.
        case StmtKind::Choose:
          why = "the body chooses";
          return false;
      }
    }
    return true;
  }

  // --- draws -------------------------------------------------------------------------------
  bool mayDraw(const Expr& e) {
    if (e.kind == ExprKind::CallBuiltin && builtin(e.builtin).isDistribution) return true;
    if (e.kind == ExprKind::CallFunction && mayDrawFunction(e.index)) return true;
    for (const ExprPtr& o : e.operands)
      if (mayDraw(*o)) return true;
    return false;
  }
  bool mayDraw(const Block& b) {
    for (const StmtPtr& s : b)
      if (traitsOf(s->kind).draws || (s->value && mayDraw(*s->value)) || mayDraw(s->thenBlock) ||
          mayDraw(s->elseBlock))
        return true;
    return false;
  }
  bool mayDrawFunction(uint32_t f) {
    int& memo = mayDrawFn_[f];
    if (memo < 0) memo = 0, memo = mayDraw(m_.functions[f].body) ? 1 : 0;  // no recursion (verifier)
    return memo == 1;
  }

  /// Whether evaluating `e` surely draws (a distribution on every path). Only a matter of
  /// speed: a phase whose every step draws never skips, so it need not pay for the check.
  bool mustDraw(const Expr& e) {
    switch (e.kind) {
      case ExprKind::CallBuiltin:
        if (builtin(e.builtin).isDistribution) return true;
        break;
      case ExprKind::CallFunction:
        if (mustDrawFunction(e.index)) return true;
        break;
      case ExprKind::And:
      case ExprKind::Or: return mustDraw(*e.operands[0]);
      case ExprKind::Select:
        return mustDraw(*e.operands[0]) || (mustDraw(*e.operands[1]) && mustDraw(*e.operands[2]));
      default: break;
    }
    for (const ExprPtr& o : e.operands)
      if (mustDraw(*o)) return true;
    return false;
  }
  static bool exits(const Block& b) {
    for (const StmtPtr& s : b)
      if (traitsOf(s->kind).leaves || exits(s->thenBlock) || exits(s->elseBlock))
        return true;
    return false;
  }
  /// Statements in order until one surely draws; a branch that may leave the block ends the
  /// search (what follows it may not run).
  bool mustDraw(const Block& b) {
    for (const StmtPtr& s : b) {
      if (traitsOf(s->kind).draws) return true;
      if (s->value && mustDraw(*s->value)) return true;
      if (s->kind == StmtKind::If) {
        if (mustDraw(s->thenBlock) && mustDraw(s->elseBlock)) return true;
        if (exits(s->thenBlock) || exits(s->elseBlock)) return false;
      }
      if (traitsOf(s->kind).leaves) return false;
    }
    return false;
  }
  bool mustDrawFunction(uint32_t f) {
    int& memo = mustDrawFn_[f];
    if (memo < 0) memo = 0, memo = mustDraw(m_.functions[f].body) ? 1 : 0;
    return memo == 1;
  }

  const Module& m_;
  const Scenario& s_;
  std::vector<int> mayDrawFn_, mustDrawFn_;  ///< -1 unknown, 0 no, 1 yes
};

}  // namespace

void analyzeQuiescence(Module& m) {
  for (Scenario& s : m.scenarios) {
    QuiescenceAnalysis a(m, s);
    for (Phase& p : s.phases) {
      p.quiescence = a.decide(p);
      p.skipQuiescent = p.quiescence.empty();
    }
  }
}

}  // namespace omen::ir
