//===- RunBudget.h - Which fuzzed scenarios are cheap enough to run --------===//
//
// A fuzzer that runs every scenario it checks would spend its time in legitimately long
// runs (`for 10^15`, an `until` that never holds and its default limit of 10^7 steps) and
// report them as timeouts. Only scenarios whose every phase has a small step count that
// is known before the run, and whose every `for` loop (functions' included) has a known
// range that is small or over the loop limit (it then fails at once, which both engines
// must agree on), are run; the others are still checked, lowered and compiled.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>

#include "ir/Module.h"

namespace omen::fuzz {

inline constexpr uint64_t kTrials = 10;
/// Steps per phase a fuzzed scenario may take.
inline constexpr int64_t kMaxSteps = 2000;

/// The value of an int expression made of constants, consts and fixed params (their
/// defaults) and + - *, or nothing if it depends on anything else.
inline std::optional<int64_t> constantInt(const ir::Module& m, const ir::Scenario& s, const ir::Expr& e,
                                          int depth = 0) {
  if (depth > 32) return std::nullopt;
  switch (e.kind) {
    case ir::ExprKind::Const: return e.intValue;
    case ir::ExprKind::LoadGlobal: {
      if (e.index >= m.globalCount(s)) return std::nullopt;
      const ir::Global& g = m.global(s, e.index);
      if (!g.init || (g.kind != ir::GlobalKind::Const && g.kind != ir::GlobalKind::FixedParam)) return std::nullopt;
      return constantInt(m, s, *g.init, depth + 1);
    }
    case ir::ExprKind::Binary: {
      auto a = constantInt(m, s, *e.operands[0], depth + 1);
      auto b = constantInt(m, s, *e.operands[1], depth + 1);
      if (!a || !b || *a < -kMaxSteps || *a > kMaxSteps || *b < -kMaxSteps || *b > kMaxSteps) return std::nullopt;
      switch (e.binaryOp) {
        case ir::BinaryOp::Add: return *a + *b;
        case ir::BinaryOp::Sub: return *a - *b;
        case ir::BinaryOp::Mul: return *a * *b;
        default: return std::nullopt;
      }
    }
    default: return std::nullopt;
  }
}

/// Whether every `for` in `b` has constant ends and a range of at most kMaxSteps values, or
/// more than ir::kMaxLoopIterations (a runtime error before the first iteration).
inline bool loopsCheap(const ir::Module& m, const ir::Scenario& s, const ir::Block& b) {
  for (const ir::StmtPtr& st : b) {
    if (st->kind == ir::StmtKind::For && st->site != ir::kNoSite) {
      auto lo = constantInt(m, s, *st->value), hi = constantInt(m, s, *st->bound);
      if (!lo || !hi) return false;
      const uint64_t range = *hi > *lo ? uint64_t(*hi) - uint64_t(*lo) : 0;
      if (range > uint64_t(kMaxSteps) && range <= uint64_t(ir::kMaxLoopIterations)) return false;
    }
    if (!loopsCheap(m, s, st->thenBlock) || !loopsCheap(m, s, st->elseBlock)) return false;
  }
  return true;
}

inline bool cheapToRun(const ir::Module& m, const ir::Scenario& s) {
  for (const ir::Function& f : m.functions)
    if (!loopsCheap(m, s, f.body)) return false;
  if (!loopsCheap(m, s, s.trialInit)) return false;
  for (const ir::Phase& phase : s.phases) {
    const ir::ExprPtr& bound = phase.form == ir::PhaseForm::For ? phase.count : phase.limit;
    if (!bound) return false;  // an `until` with the default limit
    auto steps = constantInt(m, s, *bound);
    if (!steps || *steps > kMaxSteps || !loopsCheap(m, s, phase.body)) return false;
  }
  return true;
}

}  // namespace omen::fuzz
