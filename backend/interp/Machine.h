//===- Machine.h - Executes the compact form: one trial at a time -----------===//
//
// A Machine holds everything that changes while trials run (the frame, the event flags and
// times, the clocks, the trial context), so a Kernel stays const and every thread running a
// block builds its own Machine. After any runtime error (ctx.error.code != 0) evaluation
// returns at once: no further draw, store or trigger happens in that trial.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <vector>

#include "backend/interp/Code.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::interp {

class Machine {
 public:
  /// `cancel` (may be null): the run's Ctrl-C flag, polled every OMEN_CANCEL_CHECK_INTERVAL
  /// steps or trials; once set, the running trial fails with OMEN_ERR_CANCELLED.
  Machine(const Code& code, const Value* globals, const std::atomic<bool>* cancel = nullptr,
          const OmenTilt* tilt = nullptr);

  /// Evaluates the globals into `globals` (the array given to the constructor), skipping
  /// overridden slots. An uncertain param's pinned flag, unless overridden itself, is 1 exactly
  /// when its value slot is overridden. Returns false with ctx().error set on failure.
  bool initGlobals(Value* globals, const uint8_t* overridden);

  /// Runs trial `trial` of the run seeded `seed` and writes its report outcomes (two doubles
  /// per report). Returns false with ctx().error set if the trial failed.
  bool runTrial(uint64_t seed, uint64_t trial, double* outcomes);

  const OmenTrialContext& ctx() const { return ctx_; }

 private:
  enum class Status { Done, Stop, End, Return };

  Value eval(uint32_t node);
  /// A leaf node's value (see isLeaf); leaves never fail. Inlined at every use so that each
  /// use site has its own branch history.
  [[gnu::always_inline]] Value leaf(const Node& n) const {
    Value v{};
    switch (n.op) {
      case Op::Const: return n.imm;
      case Op::LoadGlobal: return globals_[n.a];
      case Op::LoadSlot: return frame_[n.a];
      case Op::EventHappened: v.i = happened_[n.a]; return v;
      case Op::EventTime: v.i = times_[n.a]; return v;
      case Op::ClockT: v.i = t_; return v;
      case Op::ClockStep: v.i = step_; return v;
      default: return v;
    }
  }
  /// eval() with leaves read inline.
  Value operand(uint32_t node) {
    const Node& n = code_.nodes[node];
    return isLeaf(n.op) ? leaf(n) : eval(node);
  }
  Status exec(uint32_t pc);
  Value callFunction(const Node& n);
  Value lookup(const Node& n);
  /// Evaluates `n`'s argument list onto the args_ stack at args_[base, base + n.b); false,
  /// the stack as before, when one fails.
  bool pushArgs(const Node& n, size_t& base);
  bool failed() const { return ctx_.error.code != OMEN_OK; }
  void fail(uint32_t code, uint32_t site, uint32_t argCount, double a0 = 0, double a1 = 0) {
    omen_rt_fail(&ctx_, code, site, argCount, a0, a1, 0);
  }
  /// Checks a `for` count or an `until` limit.
  bool checkCount(int64_t n, uint32_t site);
  /// Checks a `for i in lo..hi` range against ir::kMaxLoopIterations.
  bool checkLoopLength(int64_t lo, int64_t hi, uint32_t site);
  bool runPhases();
  /// Counts one step, loop iteration or trial start; false (the trial failed) if the run was
  /// cancelled.
  bool stillWanted() {
    if (--untilCancelCheck_ != 0) return true;
    untilCancelCheck_ = OMEN_CANCEL_CHECK_INTERVAL;
    if (!cancel_ || !cancel_->load(std::memory_order_relaxed)) return true;
    fail(OMEN_ERR_CANCELLED, 0, 0);
    return false;
  }
  /// Evaluates the array lengths and lays the arrays out (once per Machine).
  bool layoutArrays();
  Value reduce(const Node& n);
  /// Element `i` of array `a`, or null after recording OMEN_ERR_INDEX_RANGE at `site`.
  Value* element(uint32_t a, int64_t i, uint32_t site) {
    if (uint64_t(i) < uint64_t(arrayLength_[a])) return &memory_[arrayBase_[a] + i];
    fail(OMEN_ERR_INDEX_RANGE, site, 2, double(i), double(arrayLength_[a]));
    return nullptr;
  }

  const Code& code_;
  const Value* globals_;
  OmenTrialContext ctx_{};
  double ahead_[OMEN_STREAM_AHEAD];  ///< lent to the stream for lane refills (TrialContext.h)
  std::vector<Value> frame_;
  std::vector<uint8_t> happened_;
  std::vector<int64_t> times_;
  // Stacks for arguments being evaluated: a nested call reserves above its caller's.
  std::vector<double> reals_;  ///< variadic builtin arguments
  size_t realsTop_ = 0;
  std::vector<Value> args_;    ///< function arguments (copied into the callee's frame at once)
  std::vector<int64_t> lookupKey_;  ///< a Lookup's key cells, read from args_
  size_t argsTop_ = 0;
  int64_t t_ = 0, step_ = 0;
  std::vector<Value> memory_;  ///< every array's elements, one after another
  std::vector<int64_t> arrayBase_, arrayLength_;
  bool arraysReady_ = false;
  Value ret_{};
  bool changed_ = false;  ///< the current step changed a state or triggered a new event
  // The current step's choices in a phase that jumps over its hazards (ir/Hazards.h).
  std::vector<double> choiceP_;  ///< the probability of each choice reached, in order
  uint32_t choices_ = 0;         ///< choices reached
  bool choiceSucceeded_ = false;
  int64_t pick_ = -1;            ///< after a jump: the choice that succeeds (those before it fail)
  const std::atomic<bool>* cancel_;
  const OmenTilt* tilt_;  ///< an importance-sampling run's, set into each trial's context
  uint32_t untilCancelCheck_ = 1;  // the first trial start checks at once
};

}  // namespace omen::interp
