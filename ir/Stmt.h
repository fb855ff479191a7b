//===- Stmt.h - IR statements: structured blocks, not SSA -----------------===//
//
// Statements keep the source's structure (if / with-probability blocks) so that codegen can
// emit straight-line LLVM blocks without rebuilding control flow. Blocks are plain lists;
// scoping is gone because every local already has its own slot.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <vector>

#include "ir/Expr.h"

namespace omen::ir {

enum class StmtKind : uint8_t {
  Let,              ///< slot (a Local) = value
  Store,            ///< slot (a State; a Param in Scenario::trialInit) = value
  If,               ///< if value { thenBlock } else { elseBlock }
  WithProbability,  ///< one uniform through the bernoulli runtime call on value (site), then branch
  Trigger,          ///< event index: set its flag; record `t` as its time on the first trigger
  End,              ///< end the trial (phases only)
  Stop,             ///< end the current phase (phases only)
  Return,           ///< return value (functions only)
  StoreElement,     ///< array index: element subscript (checked, site) = value
  TriggerElement,   ///< array index (an event's happened flags; index+1 its times): element subscript (site)
  For,              ///< slot index = value; slot aux = bound (both once); while index < aux { thenBlock; ++index }
  Factor,           ///< the trial's log weight += value (real; -inf is weight 0) through omen_rt_factor (site)
  /// slot index (a Local) = the modelled agent's decision (site): one of `choices`, or of
  /// value..bound-1 (ints) when `choices` is empty. The exact engine branches on it (an MDP,
  /// docs/exact.md); Monte Carlo engines never see it: a policy replaces it first
  /// (ir/ApplyPolicy.h), or the run is refused.
  Choose,
  /// value (real) through omen_rt_split_point (site) after a phase step; the trial ends when
  /// it returns 1. Only in a scenario instrumented for multilevel splitting
  /// (ir/SplitPoints.h), never lowered from source.
  SplitPoint,
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct Stmt {
  StmtKind kind;
  uint32_t index = 0;       ///< slot (Let, Store) or event (Trigger)
  uint32_t site = kNoSite;  ///< WithProbability, StoreElement, TriggerElement, For
  ExprPtr value;            ///< Let/Store/Return value, If condition, WithProbability p, For start
  ExprPtr subscript;        ///< StoreElement, TriggerElement: the element (int)
  ExprPtr bound;            ///< For: the end of the range (int, exclusive)
  uint32_t aux = 0;         ///< For: the Local slot holding the bound
  std::vector<ExprPtr> choices;    ///< Choose: the set form's values (pure)
  std::vector<uint32_t> visible;   ///< Choose: the Local slots in scope (the agent sees them)
  Block thenBlock, elseBlock;

  explicit Stmt(StmtKind k) : kind(k) {}
  StmtPtr clone() const;
};

StmtPtr makeLet(uint32_t slot, ExprPtr value);
StmtPtr makeStore(uint32_t slot, ExprPtr value);
StmtPtr makeIf(ExprPtr cond, Block thenBlock, Block elseBlock = {});
StmtPtr makeWithProbability(ExprPtr p, uint32_t site, Block thenBlock, Block elseBlock = {});
StmtPtr makeTrigger(uint32_t event);
StmtPtr makeEnd();
StmtPtr makeStop();
StmtPtr makeReturn(ExprPtr value);
StmtPtr makeStoreElement(uint32_t array, ExprPtr subscript, ExprPtr value, uint32_t site);
StmtPtr makeTriggerElement(uint32_t happenedArray, ExprPtr subscript, uint32_t site);
StmtPtr makeFactor(ExprPtr logWeight, uint32_t site);
StmtPtr makeSplitPoint(ExprPtr value, uint32_t site);
/// `choices` empty: the range lo..hi-1.
StmtPtr makeChoose(uint32_t slot, std::vector<ExprPtr> choices, ExprPtr lo, ExprPtr hi, std::vector<uint32_t> visible,
                   uint32_t site);
/// `site` (kNoSite for the loops lowering makes itself, whose ranges are array lengths) is
/// where a range longer than kMaxLoopIterations fails (OMEN_ERR_LOOP_LIMIT).
StmtPtr makeFor(uint32_t slot, uint32_t boundSlot, ExprPtr lo, ExprPtr hi, Block body, uint32_t site = kNoSite);

Block cloneBlock(const Block& b);

}  // namespace omen::ir
