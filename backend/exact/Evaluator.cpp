//===- Evaluator.cpp - IR over one trial's memory, draws from a script -----===//
#include "backend/exact/Evaluator.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/geometric.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <algorithm>
#include <cmath>

#include "backend/interp/BuiltinTable.h"
#include "runtime/kernel/Builtins.h"
#include "runtime/kernel/Lookup.h"

namespace omen::exact {

using ir::ExprKind;
using ir::StmtKind;

namespace {

Value boolValue(bool b) {
  Value v;
  v.i = b ? 1 : 0;
  return v;
}
Value intValue(int64_t i) {
  Value v;
  v.i = i;
  return v;
}
Value realValue(double r) {
  Value v;
  v.r = r;
  return v;
}

// The enumeration of an integer distribution between its kTailMass quantiles; what lies
// outside is dropped and counted.
template <class Dist>
Branch integerOutcomes(const Dist& d, int64_t shift) {
  namespace bm = boost::math;
  Branch out;
  double lo = bm::quantile(d, kTailMass), hi = bm::quantile(bm::complement(d, kTailMass));
  double kept = 0;
  for (double k = lo; k <= hi; ++k) {
    double p = bm::pdf(d, k);
    if (p <= 0) continue;
    out.outcomes.push_back({intValue(int64_t(k) + shift), p});
    kept += p;
  }
  out.droppedMass = std::max(0.0, 1.0 - kept);
  return out;
}

}  // namespace

Evaluator::Evaluator(const ir::Module& module, const ir::Scenario& scenario, const Value* globals)
    : m_(module), s_(scenario), globals_(globals) {}

void Evaluator::fail(uint32_t code, uint32_t site, uint32_t argCount, double a0, double a1) {
  omen_rt_fail(&ctx_, code, site, argCount, a0, a1, 0);
}

bool Evaluator::layoutArrays(TrialMemory& fresh) {
  std::vector<uint32_t> none;
  begin(fresh, none);
  int64_t total = 0;
  arrayBase_.clear(), arrayLength_.clear();
  for (const ir::Array& a : s_.arrays) {
    Value n = eval(*a.length);
    if (stopped()) return false;
    if (n.i < 0 || n.i > ir::kMaxArrayElements - total) {
      fail(OMEN_ERR_ARRAY_LENGTH, a.site, 2, double(n.i), double(ir::kMaxArrayElements));
      return false;
    }
    arrayBase_.push_back(total);
    arrayLength_.push_back(n.i);
    total += n.i;
  }
  fresh.elements.assign(size_t(total), Value{});  // trialInit's loops reset them, as in every engine
  return true;
}

void Evaluator::begin(TrialMemory& memory, const std::vector<uint32_t>& script) {
  omen_rt_begin_trial(&ctx_, 0, 0);
  mem_ = &memory;
  frame_ = &memory.frame;
  script_ = &script;
  position_ = 0;
  probability_ = 1;
  branching_ = false;
}

Evaluator::Status Evaluator::runBlock(const ir::Block& block, TrialMemory& memory,
                                      const std::vector<uint32_t>& script) {
  begin(memory, script);
  Status st = exec(block);
  if (branching_) return Status::Branch;
  if (ctx_.error.code != OMEN_OK) return Status::Failed;
  return st;
}

Evaluator::Status Evaluator::evalExpr(const ir::Expr& e, TrialMemory& memory, const std::vector<uint32_t>& script,
                                      Value& out) {
  begin(memory, script);
  out = eval(e);
  if (branching_) return Status::Branch;
  if (ctx_.error.code != OMEN_OK) return Status::Failed;
  return Status::Done;
}

Value Evaluator::draw(Branch outcomes) {
  if (position_ < script_->size()) {
    const DrawOutcome& o = outcomes.outcomes[(*script_)[position_++]];
    probability_ *= o.probability;
    return o.value;
  }
  branch_ = std::move(outcomes);
  branching_ = true;
  return Value{};
}

Branch Evaluator::outcomesOf(BuiltinId id, const std::vector<double>& args, uint32_t site) {
  auto key = std::make_pair(id, args);
  auto found = known_.find(key);
  if (found != known_.end()) return found->second;
  Branch b = enumerateDraw(id, args, site);
  // A failed check is not kept: its error record names this site.
  if (!stopped()) known_.emplace(std::move(key), b);
  return b;
}

Branch Evaluator::enumerateDraw(BuiltinId id, const std::vector<double>& args, uint32_t site) {
  namespace bm = boost::math;
  // The kernel's sampler checks the arguments, so that a bad one fails with exactly its
  // error record; its draw from a scratch stream is thrown away.
  OmenTrialContext scratch{};
  omen_rt_begin_trial(&scratch, 0, 0);
  switch (id) {
    case BuiltinId::Bernoulli: {
      double p = args[0];
      if (!(p >= 0 && p <= 1)) omen_rt_bernoulli(&scratch, site, p);
      break;
    }
    case BuiltinId::Poisson: omen_rt_poisson(&scratch, site, args[0]); break;
    case BuiltinId::Binomial: omen_rt_binomial(&scratch, site, int64_t(args[0]), args[1]); break;
    case BuiltinId::Geometric: omen_rt_geometric(&scratch, site, args[0]); break;
    case BuiltinId::Categorical: omen_rt_categorical(&scratch, site, args.data(), int64_t(args.size())); break;
    default:
      // ir/Exactness.h refuses every other distribution before a run starts.
      fail(OMEN_ERR_DIST_ARGS, site, 0);
      return {};
  }
  if (scratch.error.code != OMEN_OK) {
    ctx_.error = scratch.error;
    return {};
  }
  Branch out;
  switch (id) {
    case BuiltinId::Bernoulli: {
      double p = args[0];
      if (p > 0) out.outcomes.push_back({boolValue(true), p});
      if (p < 1) out.outcomes.push_back({boolValue(false), 1 - p});
      return out;
    }
    case BuiltinId::Poisson:
      if (args[0] == 0) return Branch{{{intValue(0), 1.0}}, 0};
      return integerOutcomes(bm::poisson_distribution<double>(args[0]), 0);
    case BuiltinId::Binomial: {
      double n = args[0], p = args[1];
      if (n == 0 || p == 0) return Branch{{{intValue(0), 1.0}}, 0};
      if (p == 1) return Branch{{{intValue(int64_t(n)), 1.0}}, 0};
      return integerOutcomes(bm::binomial_distribution<double>(n, p), 0);
    }
    case BuiltinId::Geometric:
      // boost counts the failures before the first success; omen the trials up to it.
      if (args[0] == 1) return Branch{{{intValue(1), 1.0}}, 0};
      return integerOutcomes(bm::geometric_distribution<double>(args[0]), 1);
    case BuiltinId::Categorical: {
      double sum = 0;
      for (double w : args) sum += w;
      for (size_t i = 0; i < args.size(); ++i)
        if (args[i] > 0) out.outcomes.push_back({intValue(int64_t(i)), args[i] / sum});
      return out;
    }
    default: return out;
  }
}

Value Evaluator::callBuiltin(const ir::Expr& e) {
  const BuiltinInfo& info = builtin(e.builtin);
  std::vector<Value> args;
  args.reserve(e.operands.size());
  for (const ir::ExprPtr& o : e.operands) {
    args.push_back(eval(*o));
    if (stopped()) return {};
  }
  if (info.isDistribution && std::count(s_.priorMeans.begin(), s_.priorMeans.end(), e.site)) return priorMean(e, args);
  if (info.isDistribution) {
    std::vector<double> reals;
    for (size_t i = 0; i < args.size(); ++i)
      reals.push_back(ir::builtinArgType(e.builtin, e.intForm, i) == Type::Int ? double(args[i].i) : args[i].r);
    Branch outcomes = outcomesOf(e.builtin, reals, e.site);
    if (stopped()) return {};
    return draw(std::move(outcomes));
  }
  interp::Callee c = interp::lookupBuiltin(e.builtin, e.intForm);
  using namespace interp;
  Value v{};
  switch (c.op) {
    case Op::CallR_R: v = realValue(reinterpret_cast<FnR_R>(c.fn)(&ctx_, e.site, args[0].r)); break;
    case Op::CallR_RR: v = realValue(reinterpret_cast<FnR_RR>(c.fn)(&ctx_, e.site, args[0].r, args[1].r)); break;
    case Op::CallR_RRR:
      v = realValue(reinterpret_cast<FnR_RRR>(c.fn)(&ctx_, e.site, args[0].r, args[1].r, args[2].r));
      break;
    case Op::CallI_I: v = intValue(reinterpret_cast<FnI_I>(c.fn)(&ctx_, e.site, args[0].i)); break;
    case Op::CallI_II: v = intValue(reinterpret_cast<FnI_II>(c.fn)(&ctx_, e.site, args[0].i, args[1].i)); break;
    case Op::CallI_III:
      v = intValue(reinterpret_cast<FnI_III>(c.fn)(&ctx_, e.site, args[0].i, args[1].i, args[2].i));
      break;
    case Op::CallI_R: v = intValue(reinterpret_cast<FnI_R>(c.fn)(&ctx_, e.site, args[0].r)); break;
    default: fail(OMEN_ERR_DIST_ARGS, e.site, 0); break;  // no math builtin has another form
  }
  return v;
}

// ir/Exactness.h: a continuous prior read once, as one draw's probability, is its mean.
Value Evaluator::priorMean(const ir::Expr& e, const std::vector<Value>& args) {
  OmenTrialContext scratch{};  // the sampler checks the arguments, as in outcomesOf
  omen_rt_begin_trial(&scratch, 0, 0);
  double a = args[0].r, b = args[1].r;
  double c = args.size() > 2 ? args[2].r : 0;
  double mean = 0;
  switch (e.builtin) {
    case BuiltinId::Beta: omen_rt_beta(&scratch, e.site, a, b), mean = a / (a + b); break;
    case BuiltinId::Uniform: omen_rt_uniform(&scratch, e.site, a, b), mean = (a + b) / 2; break;
    case BuiltinId::Triangular: omen_rt_triangular(&scratch, e.site, a, b, c), mean = (a + b + c) / 3; break;
    case BuiltinId::Pert: omen_rt_pert(&scratch, e.site, a, b, c), mean = (a + 4 * b + c) / 6; break;
    default: fail(OMEN_ERR_DIST_ARGS, e.site, 0); return {};
  }
  if (scratch.error.code != OMEN_OK) ctx_.error = scratch.error;
  return realValue(mean);
}

Value* Evaluator::element(uint32_t array, int64_t i, uint32_t site) {
  if (uint64_t(i) < uint64_t(arrayLength_[array])) return &mem_->elements[size_t(arrayBase_[array] + i)];
  fail(OMEN_ERR_INDEX_RANGE, site, 2, double(i), double(arrayLength_[array]));
  return nullptr;
}

Value Evaluator::eval(const ir::Expr& e) {
  switch (e.kind) {
    case ExprKind::Const: return e.type == Type::Real ? realValue(e.realValue) : intValue(e.intValue);
    case ExprKind::LoadGlobal: return globals_[e.index];
    case ExprKind::LoadSlot: return (*frame_)[e.index];
    case ExprKind::EventHappened: return boolValue(mem_->happened[e.index]);
    case ExprKind::EventTime: return intValue(mem_->times[e.index]);
    case ExprKind::Clock: return intValue(e.clock == ir::Clock::GlobalStep ? mem_->t : mem_->step);
    case ExprKind::Unary: {
      Value x = eval(*e.operands[0]);
      if (stopped()) return {};
      if (e.unaryOp == ir::UnaryOp::Not) return boolValue(!x.i);
      if (e.type == Type::Real) return realValue(-x.r);
      if (x.i == INT64_MIN) {
        fail(OMEN_ERR_INT_OVERFLOW, e.site, 1, double(x.i));
        return {};
      }
      return intValue(-x.i);
    }
    case ExprKind::Binary: {
      Value x = eval(*e.operands[0]);
      if (stopped()) return {};
      Value y = eval(*e.operands[1]);
      if (stopped()) return {};
      Type t = e.operands[0]->type;
      using ir::BinaryOp;
      if (e.binaryOp == BinaryOp::Div) {
        if (y.r == 0.0) {
          fail(OMEN_ERR_DIV_ZERO, e.site, 2, x.r, y.r);
          return {};
        }
        return realValue(x.r / y.r);
      }
      if (t == Type::Bool) {
        bool a = x.i != 0, b = y.i != 0;
        return boolValue(e.binaryOp == BinaryOp::Eq ? a == b : a != b);
      }
      if (t == Type::Real) {
        switch (e.binaryOp) {
          case BinaryOp::Add: return realValue(x.r + y.r);
          case BinaryOp::Sub: return realValue(x.r - y.r);
          case BinaryOp::Mul: return realValue(x.r * y.r);
          case BinaryOp::Div: return {};
          case BinaryOp::Eq: return boolValue(x.r == y.r);
          case BinaryOp::Ne: return boolValue(x.r != y.r);
          case BinaryOp::Lt: return boolValue(x.r < y.r);
          case BinaryOp::Le: return boolValue(x.r <= y.r);
          case BinaryOp::Gt: return boolValue(x.r > y.r);
          case BinaryOp::Ge: return boolValue(x.r >= y.r);
        }
        return {};
      }
      int64_t r = 0;
      bool overflow = false;
      switch (e.binaryOp) {
        case BinaryOp::Add: overflow = __builtin_add_overflow(x.i, y.i, &r); break;
        case BinaryOp::Sub: overflow = __builtin_sub_overflow(x.i, y.i, &r); break;
        case BinaryOp::Mul: overflow = __builtin_mul_overflow(x.i, y.i, &r); break;
        case BinaryOp::Div: return {};
        case BinaryOp::Eq: return boolValue(x.i == y.i);
        case BinaryOp::Ne: return boolValue(x.i != y.i);
        case BinaryOp::Lt: return boolValue(x.i < y.i);
        case BinaryOp::Le: return boolValue(x.i <= y.i);
        case BinaryOp::Gt: return boolValue(x.i > y.i);
        case BinaryOp::Ge: return boolValue(x.i >= y.i);
      }
      if (overflow) {
        fail(OMEN_ERR_INT_OVERFLOW, e.site, 2, double(x.i), double(y.i));
        return {};
      }
      return intValue(r);
    }
    case ExprKind::And: {
      Value x = eval(*e.operands[0]);
      if (stopped() || !x.i) return boolValue(false);
      return eval(*e.operands[1]);
    }
    case ExprKind::Or: {
      Value x = eval(*e.operands[0]);
      if (stopped()) return {};
      if (x.i) return boolValue(true);
      return eval(*e.operands[1]);
    }
    case ExprKind::Select: {
      Value c = eval(*e.operands[0]);
      if (stopped()) return {};
      return eval(*e.operands[c.i ? 1 : 2]);
    }
    case ExprKind::CallBuiltin: return callBuiltin(e);
    case ExprKind::CallFunction: return callFunction(e);
    case ExprKind::IntToReal: {
      Value x = eval(*e.operands[0]);
      return realValue(double(x.i));
    }
    case ExprKind::LoadElement: {
      Value i = eval(*e.operands[0]);
      if (stopped()) return {};
      const Value* at = element(e.index, i.i, e.site);
      return at ? *at : Value{};
    }
    case ExprKind::ArrayLength: return intValue(arrayLength_[e.index]);
    case ExprKind::Reduce: return reduce(e);
    case ExprKind::Lookup: {
      std::vector<int64_t> key;
      for (const ir::ExprPtr& o : e.operands) {
        Value x = eval(*o);
        if (stopped()) return {};
        key.push_back(x.i);
      }
      Value v;
      v.i = omen_rt_lookup(e.table->cells.data(), int64_t(e.table->rows()), int64_t(e.table->width), key.data());
      return v;
    }
  }
  return {};
}

Value Evaluator::callFunction(const ir::Expr& e) {
  const ir::Function& f = m_.functions[e.index];
  std::vector<Value> frame(f.slots.size());
  for (size_t i = 0; i < e.operands.size(); ++i) {
    frame[i] = eval(*e.operands[i]);
    if (stopped()) return {};
  }
  std::vector<Value>* caller = frame_;
  frame_ = &frame;
  exec(f.body);
  frame_ = caller;
  return stopped() ? Value{} : ret_;
}

Evaluator::Status Evaluator::exec(const ir::Block& b) {
  for (const ir::StmtPtr& s : b) {
    switch (s->kind) {
      case StmtKind::Let:
      case StmtKind::Store: {
        Value v = eval(*s->value);
        if (stopped()) return Status::Done;
        (*frame_)[s->index] = v;
        break;
      }
      case StmtKind::If: {
        Value c = eval(*s->value);
        if (stopped()) return Status::Done;
        Status st = exec(c.i ? s->thenBlock : s->elseBlock);
        if (st != Status::Done || stopped()) return st;
        break;
      }
      case StmtKind::WithProbability: {
        Value p = eval(*s->value);
        if (stopped()) return Status::Done;
        Branch outcomes = outcomesOf(BuiltinId::Bernoulli, {p.r}, s->site);
        if (stopped()) return Status::Done;
        Value yes = draw(std::move(outcomes));
        if (stopped()) return Status::Done;
        Status st = exec(yes.i ? s->thenBlock : s->elseBlock);
        if (st != Status::Done || stopped()) return st;
        break;
      }
      case StmtKind::Trigger:
        if (!mem_->happened[s->index]) {
          mem_->happened[s->index] = 1;
          mem_->times[s->index] = mem_->t;
        }
        break;
      case StmtKind::Factor: break;  // never reached: ir/Exactness refuses a scenario that observes
      case StmtKind::SplitPoint: break;  // never reached: ir/Exactness refuses split points
      case StmtKind::Choose: {
        Branch options = alternatives(*s);
        if (stopped()) return Status::Done;
        Value v = draw(std::move(options));
        if (stopped()) return Status::Done;
        (*frame_)[s->index] = v;
        break;
      }
      case StmtKind::End: return Status::End;
      case StmtKind::Stop: return Status::Stop;
      case StmtKind::Return:
        ret_ = eval(*s->value);
        return Status::Return;
      case StmtKind::StoreElement: {
        Value i = eval(*s->subscript);
        if (stopped()) return Status::Done;
        Value* at = element(s->index, i.i, s->site);
        if (!at) return Status::Done;
        Value v = eval(*s->value);
        if (stopped()) return Status::Done;
        *at = v;
        break;
      }
      case StmtKind::TriggerElement: {
        Value i = eval(*s->subscript);
        if (stopped()) return Status::Done;
        Value* at = element(s->index, i.i, s->site);
        if (!at) return Status::Done;
        if (!at->i) {
          at->i = 1;
          mem_->elements[size_t(arrayBase_[s->index + 1] + i.i)].i = mem_->t;
        }
        break;
      }
      case StmtKind::For: {
        Value lo = eval(*s->value);
        if (stopped()) return Status::Done;
        Value hi = eval(*s->bound);
        if (stopped()) return Status::Done;
        (*frame_)[s->index] = lo;
        (*frame_)[s->aux] = hi;
        while ((*frame_)[s->index].i < (*frame_)[s->aux].i) {
          Status st = exec(s->thenBlock);
          if (st != Status::Done || stopped()) return st;
          ++(*frame_)[s->index].i;
        }
        break;
      }
    }
  }
  return Status::Done;
}

Branch Evaluator::alternatives(const ir::Stmt& s) {
  Branch out;
  out.decision = true;
  out.site = s.site;
  for (const ir::ExprPtr& e : s.choices) {
    Value v = eval(*e);
    if (stopped()) return out;
    out.outcomes.push_back({v, 1.0});
  }
  if (s.choices.empty()) {
    Value lo = eval(*s.value);
    if (stopped()) return out;
    Value hi = eval(*s.bound);
    if (stopped()) return out;
    int64_t n = 0;
    if (__builtin_sub_overflow(hi.i, lo.i, &n) || n < 1 || n > kMaxChoices) {
      fail(OMEN_ERR_CHOICES, s.site, 2, double(hi.i) - double(lo.i), double(kMaxChoices));
      return out;
    }
    for (int64_t k = 0; k < n; ++k) out.outcomes.push_back({intValue(lo.i + k), 1.0});
  }
  auto [at, fresh] = columns_.try_emplace(s.site);
  if (fresh) at->second = ir::choiceColumns(s_, s);
  for (const ir::ChoiceColumn& c : at->second) {
    switch (c.kind) {
      case ir::ChoiceColumn::Clock: out.seen.push_back(mem_->t); break;
      case ir::ChoiceColumn::Slot: out.seen.push_back((*frame_)[c.index].i); break;
      case ir::ChoiceColumn::Event: out.seen.push_back(mem_->happened[c.index]); break;
    }
  }
  return out;
}

// The interpreter's order of operations (backend/interp/Machine.cpp), so values agree.
Value Evaluator::reduce(const ir::Expr& e) {
  const Value* x = mem_->elements.data() + arrayBase_[e.index];
  const int64_t len = arrayLength_[e.index];
  const bool isInt = s_.arrays[e.index].type == Type::Int;
  switch (e.reduceOp) {
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
          fail(OMEN_ERR_INT_OVERFLOW, e.site, 0);
          return {};
        }
      return intValue(s);
    }
    case ir::ReduceOp::Min:
    case ir::ReduceOp::Max: {
      if (len == 0) {
        fail(OMEN_ERR_EMPTY_ARRAY, e.site, 0);
        return {};
      }
      const bool min = e.reduceOp == ir::ReduceOp::Min;
      Value m = x[0];
      for (int64_t i = 1; i < len; ++i) {
        bool better = isInt ? (min ? x[i].i < m.i : x[i].i > m.i) : (min ? x[i].r < m.r : x[i].r > m.r);
        if (better) m = x[i];
      }
      return m;
    }
    case ir::ReduceOp::Mean: {
      if (len == 0) {
        fail(OMEN_ERR_EMPTY_ARRAY, e.site, 0);
        return {};
      }
      double s = 0.0;
      for (int64_t i = 0; i < len; ++i) s += isInt ? double(x[i].i) : x[i].r;
      return realValue(s / double(len));
    }
  }
  return {};
}

}  // namespace omen::exact
