//===- StepAnalysis.cpp - Clocks, carried locals and draws in a phase's code ---===//
#include "ir/StepAnalysis.h"

#include "ir/StmtTraits.h"

namespace omen::ir {

StepAnalysis::StepAnalysis(const Module& m, const Scenario& s) : m_(m), s_(s) {
  mayDrawFn_.assign(m.functions.size(), -1);
  mustDrawFn_.assign(m.functions.size(), -1);
}

std::string StepAnalysis::unchangedBetweenSteps(const Phase& p) {
  if (p.form == PhaseForm::Until) {
    if (const char* clock = readsClock(*p.cond)) return std::string("the until condition reads ") + clock;
    if (mayDraw(*p.cond)) return "the until condition draws";
  }
  std::set<uint32_t> assigned;
  std::string why;
  scanBlock(p.body, assigned, why);
  return why;
}

const char* StepAnalysis::readsClock(const Expr& e) {
  if (e.kind == ExprKind::Clock) return e.clock == Clock::GlobalStep ? "t" : "step";
  for (const ExprPtr& o : e.operands)
    if (const char* clock = readsClock(*o)) return clock;
  return nullptr;
}

bool StepAnalysis::isLocal(uint32_t slot) const {
  return slot < s_.slots.size() && s_.slots[slot].kind == SlotKind::Local;
}

/// Checks the clock and definite assignment of locals in the body's evaluation order.
bool StepAnalysis::scanExpr(const Expr& e, const std::set<uint32_t>& assigned, std::string& why) const {
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

bool StepAnalysis::scanBlock(const Block& b, std::set<uint32_t>& assigned, std::string& why) const {
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
      // Each step's value is recorded and may switch the stream (ir/SplitPoints.h).
      case StmtKind::SplitPoint:
        why = "the body has split points";
        return false;
    }
  }
  return true;
}

bool StepAnalysis::mayDraw(const Expr& e) {
  if (e.kind == ExprKind::CallBuiltin && builtin(e.builtin).isDistribution) return true;
  if (e.kind == ExprKind::CallFunction && mayDrawFunction(e.index)) return true;
  for (const ExprPtr& o : e.operands)
    if (mayDraw(*o)) return true;
  return false;
}

bool StepAnalysis::mayDraw(const Block& b) {
  for (const StmtPtr& s : b)
    if (traitsOf(s->kind).draws || (s->value && mayDraw(*s->value)) || mayDraw(s->thenBlock) ||
        mayDraw(s->elseBlock))
      return true;
  return false;
}

bool StepAnalysis::mayDrawFunction(uint32_t f) {
  int& memo = mayDrawFn_[f];
  if (memo < 0) memo = 0, memo = mayDraw(m_.functions[f].body) ? 1 : 0;  // no recursion (verifier)
  return memo == 1;
}

bool StepAnalysis::mustDraw(const Expr& e) {
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

static bool mayLeaveBlock(const Block& b) {
  for (const StmtPtr& s : b)
    if (traitsOf(s->kind).leaves || mayLeaveBlock(s->thenBlock) || mayLeaveBlock(s->elseBlock)) return true;
  return false;
}

/// Statements in order until one surely draws; a branch that may leave the block ends the
/// search (what follows it may not run).
bool StepAnalysis::mustDraw(const Block& b) {
  for (const StmtPtr& s : b) {
    if (traitsOf(s->kind).draws) return true;
    if (s->value && mustDraw(*s->value)) return true;
    if (s->kind == StmtKind::If) {
      if (mustDraw(s->thenBlock) && mustDraw(s->elseBlock)) return true;
      if (mayLeaveBlock(s->thenBlock) || mayLeaveBlock(s->elseBlock)) return false;
    }
    if (traitsOf(s->kind).leaves) return false;
  }
  return false;
}

bool StepAnalysis::mustDrawFunction(uint32_t f) {
  int& memo = mustDrawFn_[f];
  if (memo < 0) memo = 0, memo = mustDraw(m_.functions[f].body) ? 1 : 0;
  return memo == 1;
}

}  // namespace omen::ir
