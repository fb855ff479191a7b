//===- Machine.cpp - Executes the compact form ------------------------------===//
#include "backend/interp/Machine.h"

#include <algorithm>
#include <cmath>

#include "backend/interp/BuiltinTable.h"
#include "runtime/kernel/Lookup.h"
#include "ir/Module.h"
#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/Hazard.h"

namespace omen::interp {

Machine::Machine(const Code& code, const Value* globals, const std::atomic<bool>* cancel, const OmenTilt* tilt)
    : code_(code),
      globals_(globals),
      frame_(code.frameSize),
      happened_(code.eventCount),
      times_(code.eventCount),
      reals_(std::max<size_t>(16, code.maxArgs)),
      args_(std::max<size_t>(16, code.maxArgs)),
      choiceP_(code.maxChoices),
      cancel_(cancel),
      tilt_(tilt) {}

// Evaluates child `i` into `x`, and returns from the caller at once if that failed. Leaves
// (constants, loads, clocks) cannot fail and are read inline: most operands are leaves, and
// skipping the call and the error check for them is what makes the interpreter fast.
#define EVAL(x, i)                           \
  Value x;                                   \
  {                                          \
    const Node& child_ = code_.nodes[i];     \
    if (isLeaf(child_.op)) {                 \
      x = leaf(child_);                      \
    } else {                                 \
      x = eval(i);                           \
      if (failed()) return Value{};          \
    }                                        \
  }

static Value boolValue(bool b) {
  Value v;
  v.i = b ? 1 : 0;
  return v;
}
static Value intValue(int64_t i) {
  Value v;
  v.i = i;
  return v;
}
static Value realValue(double r) {
  Value v;
  v.r = r;
  return v;
}

Value Machine::eval(uint32_t index) {
  const Node& n = code_.nodes[index];
  switch (n.op) {
    case Op::Const: return n.imm;
    case Op::LoadGlobal: return globals_[n.a];
    case Op::LoadSlot: return frame_[n.a];
    case Op::EventHappened: return boolValue(happened_[n.a]);
    case Op::EventTime: return intValue(times_[n.a]);
    case Op::ClockT: return intValue(t_);
    case Op::ClockStep: return intValue(step_);
    case Op::NegI: {
      EVAL(x, n.a);
      if (x.i == INT64_MIN) {
        fail(OMEN_ERR_INT_OVERFLOW, n.site, 1, double(x.i));
        return {};
      }
      return intValue(-x.i);
    }
    case Op::NegR: {
      EVAL(x, n.a);
      return realValue(-x.r);
    }
    case Op::Not: {
      EVAL(x, n.a);
      return boolValue(!x.i);
    }
    case Op::AddI:
    case Op::SubI:
    case Op::MulI: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      int64_t r;
      bool overflow = n.op == Op::AddI   ? __builtin_add_overflow(x.i, y.i, &r)
                      : n.op == Op::SubI ? __builtin_sub_overflow(x.i, y.i, &r)
                                         : __builtin_mul_overflow(x.i, y.i, &r);
      if (overflow) {
        fail(OMEN_ERR_INT_OVERFLOW, n.site, 2, double(x.i), double(y.i));
        return {};
      }
      return intValue(r);
    }
    case Op::AddR: { EVAL(x, n.a); EVAL(y, n.b); return realValue(x.r + y.r); }
    case Op::SubR: { EVAL(x, n.a); EVAL(y, n.b); return realValue(x.r - y.r); }
    case Op::MulR: { EVAL(x, n.a); EVAL(y, n.b); return realValue(x.r * y.r); }
    case Op::DivR: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      if (y.r == 0.0) {
        fail(OMEN_ERR_DIV_ZERO, n.site, 2, x.r, y.r);
        return {};
      }
      return realValue(x.r / y.r);
    }
    case Op::EqI: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.i == y.i); }
    case Op::NeI: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.i != y.i); }
    case Op::LtI: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.i < y.i); }
    case Op::LeI: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.i <= y.i); }
    case Op::GtI: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.i > y.i); }
    case Op::GeI: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.i >= y.i); }
    case Op::EqR: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.r == y.r); }
    case Op::NeR: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.r != y.r); }
    case Op::LtR: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.r < y.r); }
    case Op::LeR: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.r <= y.r); }
    case Op::GtR: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.r > y.r); }
    case Op::GeR: { EVAL(x, n.a); EVAL(y, n.b); return boolValue(x.r >= y.r); }
    case Op::EqB: { EVAL(x, n.a); EVAL(y, n.b); return boolValue((x.i != 0) == (y.i != 0)); }
    case Op::NeB: { EVAL(x, n.a); EVAL(y, n.b); return boolValue((x.i != 0) != (y.i != 0)); }
    case Op::And: {
      EVAL(x, n.a);
      if (!x.i) return boolValue(false);
      return operand(n.b);
    }
    case Op::Or: {
      EVAL(x, n.a);
      if (x.i) return boolValue(true);
      return operand(n.b);
    }
    case Op::Select: {
      EVAL(c, n.a);
      return operand(c.i ? n.b : n.c);
    }
    case Op::IntToReal: {
      EVAL(x, n.a);
      return realValue(double(x.i));
    }
    case Op::CallR_R: {
      EVAL(x, n.a);
      return realValue(reinterpret_cast<FnR_R>(n.fn)(&ctx_, n.site, x.r));
    }
    case Op::CallR_RR: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      return realValue(reinterpret_cast<FnR_RR>(n.fn)(&ctx_, n.site, x.r, y.r));
    }
    case Op::CallR_RRR: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      EVAL(z, n.c);
      return realValue(reinterpret_cast<FnR_RRR>(n.fn)(&ctx_, n.site, x.r, y.r, z.r));
    }
    case Op::CallI_I: {
      EVAL(x, n.a);
      return intValue(reinterpret_cast<FnI_I>(n.fn)(&ctx_, n.site, x.i));
    }
    case Op::CallI_II: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      return intValue(reinterpret_cast<FnI_II>(n.fn)(&ctx_, n.site, x.i, y.i));
    }
    case Op::CallI_III: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      EVAL(z, n.c);
      return intValue(reinterpret_cast<FnI_III>(n.fn)(&ctx_, n.site, x.i, y.i, z.i));
    }
    case Op::CallI_R: {
      EVAL(x, n.a);
      return intValue(reinterpret_cast<FnI_R>(n.fn)(&ctx_, n.site, x.r));
    }
    case Op::CallB_R: {
      EVAL(x, n.a);
      return boolValue(reinterpret_cast<FnB_R>(n.fn)(&ctx_, n.site, x.r));
    }
    case Op::CallI_IR: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      return intValue(reinterpret_cast<FnI_IR>(n.fn)(&ctx_, n.site, x.i, y.r));
    }
    case Op::CallR_BR: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      return realValue(reinterpret_cast<FnR_BR>(n.fn)(&ctx_, n.site, x.i != 0, y.r));
    }
    case Op::CallR_IR: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      return realValue(reinterpret_cast<FnR_IR>(n.fn)(&ctx_, n.site, x.i, y.r));
    }
    case Op::CallR_IIR: {
      EVAL(x, n.a);
      EVAL(y, n.b);
      EVAL(z, n.c);
      return realValue(reinterpret_cast<FnR_IIR>(n.fn)(&ctx_, n.site, x.i, y.i, z.r));
    }
    case Op::CallR_RRRR: {
      double v[4];
      for (uint32_t i = 0; i < 4; ++i) {
        Value x = eval(code_.lists[n.a + i]);
        if (failed()) return {};
        v[i] = x.r;
      }
      return realValue(reinterpret_cast<FnR_RRRR>(n.fn)(&ctx_, n.site, v[0], v[1], v[2], v[3]));
    }
    case Op::CallI_Rv:
    case Op::CallR_Rv: {
      size_t base = realsTop_;
      realsTop_ += n.b;
      if (reals_.size() < realsTop_) reals_.resize(2 * realsTop_);
      for (uint32_t i = 0; i < n.b; ++i) {
        Value x = eval(code_.lists[n.a + i]);
        if (failed()) {
          realsTop_ = base;
          return {};
        }
        reals_[base + i] = x.r;
      }
      realsTop_ = base;
      if (n.op == Op::CallR_Rv)
        return realValue(reinterpret_cast<FnR_Rv>(n.fn)(&ctx_, n.site, reals_.data() + base, int64_t(n.b)));
      return intValue(reinterpret_cast<FnI_Rv>(n.fn)(&ctx_, n.site, reals_.data() + base, int64_t(n.b)));
    }
    case Op::CallFn: return callFunction(n);
    case Op::LoadElem: {
      EVAL(i, n.b);
      const Value* at = element(n.a, i.i, n.site);
      return at ? *at : Value{};
    }
    case Op::LoadElemSlot: {
      const Value* at = element(n.a, frame_[n.b].i, n.site);
      return at ? *at : Value{};
    }
    case Op::ArrayLen: return intValue(arrayLength_[n.a]);
    case Op::Reduce: return reduce(n);
    case Op::Lookup: return lookup(n);
  }
  return {};
}

#undef EVAL

bool Machine::pushArgs(const Node& n, size_t& base) {
  base = argsTop_;
  argsTop_ += n.b;
  if (args_.size() < argsTop_) args_.resize(2 * argsTop_);
  for (uint32_t i = 0; i < n.b; ++i) {
    Value x = eval(code_.lists[n.a + i]);
    if (failed()) {
      argsTop_ = base;
      return false;
    }
    args_[base + i] = x;
  }
  return true;
}

Value Machine::lookup(const Node& n) {
  size_t base;
  if (!pushArgs(n, base)) return {};
  lookupKey_.resize(n.b);
  for (uint32_t i = 0; i < n.b; ++i) lookupKey_[i] = args_[base + i].i;
  argsTop_ = base;
  const ir::LookupTable& t = *code_.tables[n.c];
  Value v;
  v.i = omen_rt_lookup(t.cells.data(), int64_t(t.rows()), int64_t(t.width), lookupKey_.data());
  return v;
}

Value Machine::callFunction(const Node& n) {
  const FunctionCode& f = code_.functions[n.c];
  // All arguments are evaluated before any is stored: an argument may call this same
  // function, whose static frame must not be overwritten under it.
  size_t base;
  if (!pushArgs(n, base)) return {};
  std::copy_n(args_.begin() + base, n.b, frame_.begin() + f.frameBase);
  argsTop_ = base;
  exec(f.entry);
  return failed() ? Value{} : ret_;
}

Machine::Status Machine::exec(uint32_t pc) {
  for (;;) {
    const Instr& in = code_.instrs[pc];
    switch (in.op) {
      case IOp::Store: {
        Value v = operand(in.expr);
        if (failed()) return Status::Done;
        frame_[in.a] = v;
        ++pc;
        break;
      }
      case IOp::StoreState: {
        Value v = operand(in.expr);
        if (failed()) return Status::Done;
        // Bits, not values: -0.0 and 0.0 differ, and a NaN that stays a NaN is unchanged.
        changed_ |= frame_[in.a].i != v.i;
        frame_[in.a] = v;
        ++pc;
        break;
      }
      case IOp::JumpIfFalse: {
        Value c = operand(in.expr);
        if (failed()) return Status::Done;
        pc = c.i ? pc + 1 : in.a;
        break;
      }
      case IOp::Jump: pc = in.a; break;
      case IOp::WithProb: {
        Value p = operand(in.expr);
        if (failed()) return Status::Done;
        bool yes = omen_rt_bernoulli(&ctx_, in.site, p.r);
        if (failed()) return Status::Done;
        pc = yes ? pc + 1 : in.a;
        break;
      }
      case IOp::Choice: {
        Value p = operand(in.expr);
        if (failed()) return Status::Done;
        const uint32_t i = choices_++;
        bool yes;
        if (int64_t(i) <= pick_) {
          // The step after a jump: its choices before the pick fail and the pick succeeds
          // (the same choices with the same probabilities as the step the jump followed).
          yes = int64_t(i) == pick_;
        } else {
          yes = omen_rt_bernoulli(&ctx_, in.site, p.r);
          if (failed()) return Status::Done;
        }
        choiceP_[i] = p.r;
        choiceSucceeded_ |= yes;
        pc = yes ? pc + 1 : in.a;
        break;
      }
      case IOp::Trigger:
        if (!happened_[in.a]) {
          changed_ = true;
          happened_[in.a] = 1;
          times_[in.a] = t_;
        }
        ++pc;
        break;
      case IOp::StoreElem: {
        Value i = operand(in.b);
        if (failed()) return Status::Done;
        Value* at = element(in.a, i.i, in.site);
        if (!at) return Status::Done;
        Value v = operand(in.expr);
        if (failed()) return Status::Done;
        *at = v;
        ++pc;
        break;
      }
      case IOp::TriggerElem: {
        Value i = operand(in.b);
        if (failed()) return Status::Done;
        Value* at = element(in.a, i.i, in.site);
        if (!at) return Status::Done;
        if (!at->i) {
          at->i = 1;
          memory_[arrayBase_[in.a + 1] + i.i].i = t_;
        }
        ++pc;
        break;
      }
      case IOp::Factor: {
        Value w = operand(in.expr);
        if (failed()) return Status::Done;
        omen_rt_factor(&ctx_, in.site, w.r);
        if (failed()) return Status::Done;
        ++pc;
        break;
      }
      case IOp::SplitPoint: {
        Value v = operand(in.expr);
        if (failed()) return Status::Done;
        if (omen_rt_split_point(&ctx_, in.site, v.r)) return Status::End;
        ++pc;
        break;
      }
      case IOp::ForTest:
        if (!checkLoopLength(frame_[in.a].i, frame_[in.b].i, in.site)) return Status::Done;
        pc = frame_[in.a].i < frame_[in.b].i ? pc + 1 : in.expr;
        break;
      case IOp::ForNext:
        if (!stillWanted()) return Status::Done;
        pc = ++frame_[in.a].i < frame_[in.b].i ? in.expr : pc + 1;
        break;
      case IOp::End: return Status::End;
      case IOp::Stop: return Status::Stop;
      case IOp::Return:
        ret_ = eval(in.expr);
        return Status::Return;
      case IOp::Halt: return Status::Done;
    }
  }
}

bool Machine::checkCount(int64_t n, uint32_t site) {
  if (n >= 0 && n <= ir::kMaxStepCount) return true;
  fail(OMEN_ERR_BAD_COUNT, site, 1, double(n));
  return false;
}

bool Machine::checkLoopLength(int64_t lo, int64_t hi, uint32_t site) {
  if (site == ir::kNoSite || hi <= lo) return true;
  const uint64_t n = uint64_t(hi) - uint64_t(lo);
  if (n <= uint64_t(ir::kMaxLoopIterations)) return true;
  fail(OMEN_ERR_LOOP_LIMIT, site, 1, double(n));
  return false;
}

bool Machine::runPhases() {
  for (const PhaseCode& p : code_.phases) {
    step_ = 0;
    pick_ = -1;  // a trial cut after a jump leaves none for the next
    Value n = eval(p.count);  // the `for` count, or the `until` limit
    if (failed() || !checkCount(n.i, p.site)) return false;
    for (step_ = 0;; ++step_) {
      if (p.isFor) {
        if (step_ >= n.i) break;
      } else {
        Value done = operand(p.cond);
        if (failed()) return false;
        if (done.i) break;
        if (step_ >= n.i) {
          fail(OMEN_ERR_PHASE_LIMIT, p.site, 1, double(n.i));
          return false;
        }
      }
      changed_ = false;
      choices_ = 0, choiceSucceeded_ = false;
      uint64_t block = ctx_.rng.block;
      uint32_t spare = ctx_.rng.hasSpare, ahead = ctx_.rng.ahead;
      Status st = exec(p.body);
      pick_ = -1;
      ++t_;  // a step that ends the trial or the phase still counts as executed
      if (failed()) return false;
      if (st == Status::End) return true;
      if (st == Status::Stop) break;
      if (p.jumpsHazards) {
        if (!changed_ && !choiceSucceeded_) {
          // Every following step would fail the same choices (ir/Hazards.h): jump to the one
          // in which the first succeeds, or to the phase's end (for `until`, its limit).
          int64_t wait = omen_rt_hazard_wait(&ctx_, choiceP_.data(), choices_, n.i - (step_ + 1), &pick_);
          t_ += wait;
          step_ += wait;
        }
      } else if (p.skipQuiescent && !changed_ && ctx_.rng.block == block && ctx_.rng.hasSpare == spare &&
                 ctx_.rng.ahead == ahead) {
        // Quiescent (ir/Quiescence.h): the remaining steps would repeat this one exactly.
        // For `until`, the head then finds the condition still false at the limit and fails.
        int64_t remaining = n.i - (step_ + 1);
        t_ += remaining;
        step_ += remaining;
      }
      if (!stillWanted()) return false;
    }
  }
  return true;
}

bool Machine::runTrial(uint64_t seed, uint64_t trial, double* outcomes) {
  omen_rt_begin_trial(&ctx_, seed, trial);
  ctx_.rng.next = ahead_;
  ctx_.tilt = tilt_;
  if (!stillWanted()) return false;
  std::fill(frame_.begin(), frame_.end(), Value{});
  std::fill(happened_.begin(), happened_.end(), 0);
  std::fill(times_.begin(), times_.end(), -1);  // time(e) of an event that has not happened
  t_ = 0, step_ = 0;
  realsTop_ = 0, argsTop_ = 0;
  if (!arraysReady_ && !layoutArrays()) return false;

  exec(code_.trialInit);
  if (failed() || !runPhases()) return false;

  for (const ReportCode& r : code_.reports) {
    bool given = true;
    if (r.hasGiven) {
      Value g = eval(r.given);
      if (failed()) return false;
      given = g.i != 0;
    }
    double value = 0;
    if (given) {
      Value v = eval(r.value);
      if (failed()) return false;
      value = r.valueKind == Op::IntToReal ? double(v.i) : r.valueKind == Op::Not ? double(v.i != 0) : v.r;
      if (!std::isfinite(value)) {
        fail(OMEN_ERR_NOT_FINITE, r.site, 1, value);
        return false;
      }
    }
    *outcomes++ = given ? 1.0 : 0.0;
    *outcomes++ = value;
  }
  if (code_.weighted) {
    *outcomes++ = ctx_.logWeight;
    *outcomes++ = 0.0;
  }
  return true;
}

bool Machine::initGlobals(Value* globals, const uint8_t* overridden) {
  globals_ = globals;
  omen_rt_begin_trial(&ctx_, 0, 0);
  auto isOverridden = [&](uint32_t slot) { return overridden && overridden[slot]; };
  for (const GlobalCode& g : code_.globals) {
    if (isOverridden(g.slot)) continue;
    switch (g.kind) {
      case GlobalCode::Eval: {
        Value v = eval(g.expr);
        if (failed()) return false;
        globals[g.slot] = v;
        break;
      }
      case GlobalCode::Uncertain: globals[g.slot] = Value{}; break;
      case GlobalCode::Pinned: globals[g.slot] = boolValue(isOverridden(g.pins)); break;
    }
  }
  return true;
}

bool Machine::layoutArrays() {
  int64_t total = 0;
  arrayBase_.clear(), arrayLength_.clear();
  for (const ArrayCode& a : code_.arrays) {
    Value n = eval(a.length);
    if (failed()) return false;
    if (n.i < 0 || n.i > ir::kMaxArrayElements - total) {
      fail(OMEN_ERR_ARRAY_LENGTH, a.site, 2, double(n.i), double(ir::kMaxArrayElements));
      return false;
    }
    arrayBase_.push_back(total);
    arrayLength_.push_back(n.i);
    total += n.i;
  }
  memory_.assign(size_t(total), Value{});
  arraysReady_ = true;
  return true;
}

// The order of operations here is the one backend/llvm/EmitArray.cpp emits: elements in index
// order, reals summed left to right from +0.0, min/max keeping the first of equal elements.
Value Machine::reduce(const Node& n) {
  const Value* x = memory_.data() + arrayBase_[n.a];
  const int64_t len = arrayLength_[n.a];
  const bool isInt = Type(n.c) == Type::Int;
  switch (ir::ReduceOp(n.b)) {
    case ir::ReduceOp::Any:
      for (int64_t i = 0; i < len; ++i)
        if (x[i].i) return boolValue(true);
      return boolValue(false);
    case ir::ReduceOp::All:
      for (int64_t i = 0; i < len; ++i)
        if (!x[i].i) return boolValue(false);
      return boolValue(true);
    case ir::ReduceOp::Count: {
      int64_t c = 0;
      for (int64_t i = 0; i < len; ++i) c += x[i].i != 0;
      return intValue(c);
    }
    case ir::ReduceOp::Sum: {
      if (!isInt) {
        double s = 0.0;
        for (int64_t i = 0; i < len; ++i) s += x[i].r;
        return realValue(s);
      }
      int64_t s = 0;
      for (int64_t i = 0; i < len; ++i)
        if (__builtin_add_overflow(s, x[i].i, &s)) {
          fail(OMEN_ERR_INT_OVERFLOW, n.site, 0);
          return {};
        }
      return intValue(s);
    }
    case ir::ReduceOp::Min:
    case ir::ReduceOp::Max: {
      if (len == 0) {
        fail(OMEN_ERR_EMPTY_ARRAY, n.site, 0);
        return {};
      }
      const bool min = ir::ReduceOp(n.b) == ir::ReduceOp::Min;
      Value m = x[0];
      for (int64_t i = 1; i < len; ++i) {
        bool better = isInt ? (min ? x[i].i < m.i : x[i].i > m.i) : (min ? x[i].r < m.r : x[i].r > m.r);
        if (better) m = x[i];
      }
      return m;
    }
    case ir::ReduceOp::Mean: {
      if (len == 0) {
        fail(OMEN_ERR_EMPTY_ARRAY, n.site, 0);
        return {};
      }
      double s = 0.0;
      for (int64_t i = 0; i < len; ++i) s += isInt ? double(x[i].i) : x[i].r;
      return realValue(s / double(len));
    }
  }
  return {};
}

}  // namespace omen::interp
