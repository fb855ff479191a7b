//===- Verifier.cpp - Structural and type invariants of the IR --------------===//
#include "ir/Verifier.h"

#include <functional>

namespace omen::ir {
namespace {

enum class Where { GlobalInit, Function, TrialInit, Phase, Report };

class Verifier {
 public:
  explicit Verifier(const Module& m) : m_(m) {}

  std::vector<std::string> run();

 private:
  struct Ctx {
    std::string where;
    Where kind;
    const Scenario* scenario = nullptr;
    const std::vector<Slot>* slots = nullptr;
    uint32_t globalLimit = 0;  ///< globals below this may be read
    Type returnType = Type::Unknown;
  };

  void problem(const Ctx& c, const std::string& msg) { problems_.push_back(c.where + ": " + msg); }
  void expr(const Ctx& c, const Expr& e);
  void expectType(const Ctx& c, const Expr* e, Type t, const char* what);
  void needSite(const Ctx& c, const Expr& e, const char* what);
  void block(const Ctx& c, const Block& b);
  void stmt(const Ctx& c, const Stmt& s);
  bool returnsOnEveryPath(const Block& b) const;
  bool arrayReadable(const Ctx& c, uint32_t array) {
    if (c.kind == Where::Function || c.kind == Where::GlobalInit || !c.scenario)
      problem(c, "array outside a scenario's trial");
    else if (array >= c.scenario->arrays.size())
      problem(c, "array $" + std::to_string(array) + " out of range");
    else
      return true;
    return false;
  }
  bool draws(const Expr& e) const;
  bool blockDraws(const Block& b) const;
  void checkRecursion();

  const Module& m_;
  std::vector<std::string> problems_;
  std::vector<int> fnDraws_;  // -1 unknown, 0/1
};

void Verifier::expectType(const Ctx& c, const Expr* e, Type t, const char* what) {
  if (!e)
    problem(c, std::string("missing ") + what);
  else if (e->type != t)
    problem(c, std::string(what) + " has type " + std::string(typeName(e->type)) + ", expected " +
                   std::string(typeName(t)));
}

void Verifier::needSite(const Ctx& c, const Expr& e, const char* what) {
  if (e.site >= m_.sites.size()) problem(c, std::string(what) + " without a valid site");
}

void Verifier::expr(const Ctx& c, const Expr& e) {
  for (const ExprPtr& o : e.operands)
    if (!o)
      return problem(c, "null operand");
    else
      expr(c, *o);
  auto arity = [&](size_t n) {
    if (e.operands.size() == n) return true;
    problem(c, "operator with " + std::to_string(e.operands.size()) + " operands, expected " + std::to_string(n));
    return false;
  };
  const auto& ops = e.operands;
  switch (e.kind) {
    case ExprKind::Const:
      if (e.type == Type::Unknown) problem(c, "constant of unknown type");
      if (e.type == Type::Bool && e.intValue != 0 && e.intValue != 1) problem(c, "bool constant not 0 or 1");
      break;
    case ExprKind::LoadGlobal: {
      if (e.index >= c.globalLimit) {
        problem(c, "global @" + std::to_string(e.index) + " is not readable here");
        break;
      }
      const Global& g = c.scenario ? m_.global(*c.scenario, e.index) : m_.consts[e.index];
      if (g.type != e.type) problem(c, "load of global '" + g.name + "' with the wrong type");
      break;
    }
    case ExprKind::LoadSlot:
      if (!c.slots || e.index >= c.slots->size())
        problem(c, "slot %" + std::to_string(e.index) + " out of range");
      else if ((*c.slots)[e.index].type != e.type)
        problem(c, "load of slot '" + (*c.slots)[e.index].name + "' with the wrong type");
      break;
    case ExprKind::EventHappened:
    case ExprKind::EventTime:
      if (c.kind == Where::Function || c.kind == Where::GlobalInit || !c.scenario)
        problem(c, "event outside a scenario's trial");
      else if (e.index >= c.scenario->events.size())
        problem(c, "event #" + std::to_string(e.index) + " out of range");
      if (e.type != (e.kind == ExprKind::EventTime ? Type::Int : Type::Bool)) problem(c, "event of the wrong type");
      break;
    case ExprKind::Clock:
      if (c.kind == Where::Function || c.kind == Where::GlobalInit) problem(c, "clock outside a scenario's trial");
      if (e.type != Type::Int) problem(c, "clock not int");
      break;
    case ExprKind::Unary:
      if (!arity(1)) break;
      if (e.unaryOp == UnaryOp::Not) {
        expectType(c, ops[0].get(), Type::Bool, "operand of not");
        expectType(c, &e, Type::Bool, "not");
      } else {
        if (!isNumeric(e.type)) problem(c, "negation of a non-number");
        expectType(c, ops[0].get(), e.type, "operand of neg");
        if (e.type == Type::Int) needSite(c, e, "int negation");
      }
      break;
    case ExprKind::Binary: {
      if (!arity(2)) break;
      Type t = ops[0]->type;
      if (ops[1]->type != t) problem(c, std::string("operands of ") + spelling(e.binaryOp) + " differ in type");
      if (Expr::isComparison(e.binaryOp)) {
        expectType(c, &e, Type::Bool, "comparison");
        bool eq = e.binaryOp == BinaryOp::Eq || e.binaryOp == BinaryOp::Ne;
        if (!isNumeric(t) && !(eq && t == Type::Bool)) problem(c, "comparison of unordered operands");
      } else if (e.binaryOp == BinaryOp::Div) {
        expectType(c, ops[0].get(), Type::Real, "dividend");
        expectType(c, &e, Type::Real, "division");
        needSite(c, e, "division");
      } else {
        if (!isNumeric(t)) problem(c, std::string("arithmetic ") + spelling(e.binaryOp) + " on a non-number");
        expectType(c, &e, t, "arithmetic result");
        if (t == Type::Int) needSite(c, e, "int arithmetic");
      }
      break;
    }
    case ExprKind::And:
    case ExprKind::Or:
      if (!arity(2)) break;
      expectType(c, ops[0].get(), Type::Bool, "left of and/or");
      expectType(c, ops[1].get(), Type::Bool, "right of and/or");
      expectType(c, &e, Type::Bool, "and/or");
      break;
    case ExprKind::Lookup:
      if (!e.table || e.table->width != ops.size() || e.table->rows() == 0 ||
          e.table->cells.size() != e.table->rows() * (ops.size() + 1))
        problem(c, "a lookup whose table does not fit its key");
      break;
    case ExprKind::Select:
      if (!arity(3)) break;
      expectType(c, ops[0].get(), Type::Bool, "select condition");
      expectType(c, ops[1].get(), e.type, "select's then value");
      expectType(c, ops[2].get(), e.type, "select's else value");
      break;
    case ExprKind::CallBuiltin: {
      if (e.builtin >= BuiltinId::Count) {
        problem(c, "unknown builtin");
        break;
      }
      const BuiltinInfo& b = builtin(e.builtin);
      size_t fixed = isVariadic(b) ? b.args.size() - 1 : b.args.size();
      if (isVariadic(b) ? ops.size() < fixed : ops.size() != fixed)
        problem(c, std::string(b.name) + " with " + std::to_string(ops.size()) + " arguments");
      bool hasN = b.ret == 'N' || b.args.find('N') != std::string_view::npos;
      if (e.intForm && !hasN) problem(c, std::string(b.name) + " has no int form");
      for (size_t i = 0; i < ops.size(); ++i)
        expectType(c, ops[i].get(), builtinArgType(e.builtin, e.intForm, i), "builtin argument");
      expectType(c, &e, builtinResultType(e.builtin, e.intForm), "builtin result");
      needSite(c, e, "builtin call");
      if (b.isDistribution && c.kind == Where::GlobalInit) problem(c, "a draw in a global's init");
      if (b.isDistribution && c.kind == Where::Report) problem(c, "a draw in a report");
      break;
    }
    case ExprKind::CallFunction: {
      if (e.index >= m_.functions.size()) {
        problem(c, "call of function f" + std::to_string(e.index) + " out of range");
        break;
      }
      const Function& f = m_.functions[e.index];
      if (ops.size() != f.argCount) problem(c, "call of " + f.name + " with the wrong number of arguments");
      for (size_t i = 0; i < ops.size() && i < f.argCount && i < f.slots.size(); ++i)
        expectType(c, ops[i].get(), f.slots[i].type, "function argument");
      expectType(c, &e, f.returnType, "function result");
      if ((c.kind == Where::GlobalInit || c.kind == Where::Report) && blockDraws(f.body))
        problem(c, "a call of drawing function " + f.name + " where draws are not allowed");
      break;
    }
    case ExprKind::IntToReal:
      if (!arity(1)) break;
      expectType(c, ops[0].get(), Type::Int, "operand of real()");
      expectType(c, &e, Type::Real, "real()");
      break;
    case ExprKind::LoadElement:
    case ExprKind::ArrayLength:
    case ExprKind::Reduce: {
      if (!arrayReadable(c, e.index)) break;
      const Array& a = c.scenario->arrays[e.index];
      if (e.kind == ExprKind::LoadElement) {
        if (!arity(1)) break;
        expectType(c, ops[0].get(), Type::Int, "element index");
        expectType(c, &e, a.type, "element");
        needSite(c, e, "element load");
      } else if (e.kind == ExprKind::ArrayLength) {
        expectType(c, &e, Type::Int, "array length");
      } else {
        bool boolOp = e.reduceOp == ReduceOp::Any || e.reduceOp == ReduceOp::All || e.reduceOp == ReduceOp::Count;
        if (boolOp != (a.type == Type::Bool)) problem(c, std::string(spelling(e.reduceOp)) + " of the wrong element type");
        Type want = e.reduceOp == ReduceOp::Count ? Type::Int
                    : boolOp                      ? Type::Bool
                    : e.reduceOp == ReduceOp::Mean ? Type::Real
                                                   : a.type;
        expectType(c, &e, want, "reduction");
        bool fails = e.reduceOp == ReduceOp::Min || e.reduceOp == ReduceOp::Max || e.reduceOp == ReduceOp::Mean ||
                     (e.reduceOp == ReduceOp::Sum && a.type == Type::Int);
        if (fails) needSite(c, e, "reduction");
      }
      break;
    }
  }
}

void Verifier::block(const Ctx& c, const Block& b) {
  for (const StmtPtr& s : b)
    if (!s)
      problem(c, "null statement");
    else
      stmt(c, *s);
}

void Verifier::stmt(const Ctx& c, const Stmt& s) {
  auto value = [&](Type t, const char* what) {
    if (!s.value) return problem(c, std::string(what) + " without a value");
    expr(c, *s.value);
    if (t != Type::Unknown) expectType(c, s.value.get(), t, what);
  };
  auto slotOf = [&]() -> const Slot* {
    if (!c.slots || s.index >= c.slots->size()) {
      problem(c, "store to slot %" + std::to_string(s.index) + " out of range");
      return nullptr;
    }
    return &(*c.slots)[s.index];
  };
  bool inPhase = c.kind == Where::Phase;
  switch (s.kind) {
    case StmtKind::Let:
    case StmtKind::Store: {
      const Slot* slot = slotOf();
      if (!slot) return value(Type::Unknown, "store");
      value(slot->type, s.kind == StmtKind::Let ? "let" : "store");
      if (s.kind == StmtKind::Let && slot->kind != SlotKind::Local) problem(c, "let into non-local '" + slot->name + "'");
      if (s.kind == StmtKind::Store) {
        bool ok = slot->kind == SlotKind::State || (slot->kind == SlotKind::Param && c.kind == Where::TrialInit);
        if (!ok) problem(c, "store into '" + slot->name + "', which is not assignable here");
      }
      return;
    }
    case StmtKind::If:
    case StmtKind::WithProbability:
      if (s.kind == StmtKind::If)
        value(Type::Bool, "if condition");
      else {
        value(Type::Real, "probability");
        if (s.site >= m_.sites.size()) problem(c, "with probability without a valid site");
      }
      block(c, s.thenBlock);
      block(c, s.elseBlock);
      return;
    case StmtKind::Trigger:
      if (!inPhase) problem(c, "trigger outside a phase");
      else if (s.index >= c.scenario->events.size()) problem(c, "trigger of event out of range");
      return;
    case StmtKind::End:
    case StmtKind::Stop:
      if (!inPhase) problem(c, std::string(s.kind == StmtKind::End ? "end" : "stop") + " outside a phase");
      return;
    case StmtKind::Factor:
      if (!inPhase) problem(c, "factor outside a phase");
      else if (!c.scenario->weighted) problem(c, "factor in a scenario not marked weighted");
      if (s.site >= m_.sites.size()) problem(c, "factor without a valid site");
      value(Type::Real, "factor");
      return;
    case StmtKind::SplitPoint:
      if (!inPhase) problem(c, "split point outside a phase");
      value(Type::Real, "split point");
      return;
    case StmtKind::Choose: {
      if (!inPhase) problem(c, "choose outside a phase");
      if (s.site >= m_.sites.size()) problem(c, "choose without a valid site");
      const Slot* slot = slotOf();
      if (!slot) return;
      if (slot->kind != SlotKind::Local) problem(c, "choose into non-local '" + slot->name + "'");
      if (s.choices.empty() == !s.value || !s.value != !s.bound) problem(c, "choose needs choices or a range, not both");
      for (const ExprPtr& e : s.choices) {
        expr(c, *e);
        expectType(c, e.get(), slot->type, "choice");
      }
      if (s.value) value(Type::Int, "choose range start");
      if (s.bound) {
        expr(c, *s.bound);
        expectType(c, s.bound.get(), Type::Int, "choose range end");
      }
      for (uint32_t v : s.visible)
        if (!c.slots || v >= c.slots->size() || (*c.slots)[v].kind != SlotKind::Local)
          problem(c, "choose sees slot %" + std::to_string(v) + ", which is not a local");
      return;
    }
    case StmtKind::Return:
      if (c.kind != Where::Function) problem(c, "return outside a function");
      value(c.returnType, "return");
      return;
    case StmtKind::StoreElement:
    case StmtKind::TriggerElement: {
      if (!s.subscript) return problem(c, "element statement without a subscript");
      expr(c, *s.subscript);
      expectType(c, s.subscript.get(), Type::Int, "element index");
      bool trigger = s.kind == StmtKind::TriggerElement;
      if (trigger ? !inPhase : !(inPhase || c.kind == Where::TrialInit)) problem(c, "element statement outside a trial");
      if (!arrayReadable(c, s.index)) return;
      const Array& a = c.scenario->arrays[s.index];
      if (trigger) {
        if (a.type != Type::Bool || s.index + 1 >= c.scenario->arrays.size() ||
            c.scenario->arrays[s.index + 1].type != Type::Int)
          problem(c, "trigger of an array that is not an event array");
        if (s.site >= m_.sites.size()) problem(c, "element trigger without a valid site");
      } else {
        value(a.type, "element store");
        if (s.site >= m_.sites.size() && c.kind != Where::TrialInit) problem(c, "element store without a valid site");
      }
      return;
    }
    case StmtKind::For: {
      value(Type::Int, "for start");
      if (!s.bound) return problem(c, "for without a bound");
      expr(c, *s.bound);
      expectType(c, s.bound.get(), Type::Int, "for bound");
      for (uint32_t slot : {s.index, s.aux})
        if (!c.slots || slot >= c.slots->size() || (*c.slots)[slot].kind != SlotKind::Local ||
            (*c.slots)[slot].type != Type::Int)
          problem(c, "for over a slot that is not an int local");
      block(c, s.thenBlock);
      return;
    }
  }
}

bool Verifier::returnsOnEveryPath(const Block& b) const {
  for (const StmtPtr& s : b) {
    if (s->kind == StmtKind::Return) return true;
    if ((s->kind == StmtKind::If || s->kind == StmtKind::WithProbability) &&
        returnsOnEveryPath(s->thenBlock) && returnsOnEveryPath(s->elseBlock))
      return true;
  }
  return false;
}

bool Verifier::draws(const Expr& e) const {
  if (e.kind == ExprKind::CallBuiltin && e.builtin < BuiltinId::Count && builtin(e.builtin).isDistribution)
    return true;
  if (e.kind == ExprKind::CallFunction && e.index < m_.functions.size() && fnDraws_[e.index] == 1) return true;
  for (const ExprPtr& o : e.operands)
    if (o && draws(*o)) return true;
  return false;
}

bool Verifier::blockDraws(const Block& b) const {
  for (const StmtPtr& s : b) {
    if (!s) continue;
    if (s->kind == StmtKind::WithProbability) return true;
    if (s->value && draws(*s->value)) return true;
    if (s->subscript && draws(*s->subscript)) return true;
    if (s->bound && draws(*s->bound)) return true;
    if (blockDraws(s->thenBlock) || blockDraws(s->elseBlock)) return true;
  }
  return false;
}

void Verifier::checkRecursion() {
  // Depth-first search over the call graph; a back edge is recursion.
  size_t n = m_.functions.size();
  std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
  std::function<void(const Expr&, std::vector<uint32_t>&)> callees = [&](const Expr& e, std::vector<uint32_t>& out) {
    if (e.kind == ExprKind::CallFunction && e.index < n) out.push_back(e.index);
    for (const ExprPtr& o : e.operands)
      if (o) callees(*o, out);
  };
  std::function<void(const Block&, std::vector<uint32_t>&)> blockCallees = [&](const Block& b, std::vector<uint32_t>& out) {
    for (const StmtPtr& s : b) {
      if (!s) continue;
      if (s->value) callees(*s->value, out);
      if (s->subscript) callees(*s->subscript, out);
      if (s->bound) callees(*s->bound, out);
      blockCallees(s->thenBlock, out);
      blockCallees(s->elseBlock, out);
    }
  };
  std::function<bool(uint32_t)> visit = [&](uint32_t f) {
    state[f] = 1;
    std::vector<uint32_t> out;
    blockCallees(m_.functions[f].body, out);
    bool drawsHere = blockDraws(m_.functions[f].body);  // callees not yet known count as non-drawing
    for (uint32_t g : out) {
      if (state[g] == 1) {
        problems_.push_back("function " + m_.functions[f].name + " calls " + m_.functions[g].name +
                            " recursively");
        continue;
      }
      if (state[g] == 0) visit(g);
      if (fnDraws_[g] == 1) drawsHere = true;
    }
    fnDraws_[f] = drawsHere ? 1 : 0;
    state[f] = 2;
    return true;
  };
  for (uint32_t f = 0; f < n; ++f)
    if (state[f] == 0) visit(f);
}

std::vector<std::string> Verifier::run() {
  fnDraws_.assign(m_.functions.size(), -1);
  checkRecursion();

  for (size_t i = 0; i < m_.consts.size(); ++i) {
    const Global& g = m_.consts[i];
    Ctx c{"const " + g.name, Where::GlobalInit, nullptr, nullptr, uint32_t(i)};
    if (g.kind != GlobalKind::Const) problem(c, "module global that is not a const");
    if (!g.init) problem(c, "const without an init");
    else expr(c, *g.init), expectType(c, g.init.get(), g.type, "init");
  }

  for (size_t i = 0; i < m_.functions.size(); ++i) {
    const Function& f = m_.functions[i];
    Ctx c{"fn " + f.name, Where::Function, nullptr, &f.slots, uint32_t(m_.consts.size()), f.returnType};
    if (f.argCount > f.slots.size()) problem(c, "more arguments than slots");
    for (size_t a = 0; a < f.slots.size(); ++a)
      if ((f.slots[a].kind == SlotKind::Arg) != (a < f.argCount)) problem(c, "slot kinds out of order");
    block(c, f.body);
    if (!returnsOnEveryPath(f.body)) problem(c, "a path that does not return");
  }

  for (const Scenario& s : m_.scenarios) {
    std::string where = "scenario " + s.name;
    uint32_t base = uint32_t(m_.consts.size());
    for (size_t i = 0; i < s.globals.size(); ++i) {
      const Global& g = s.globals[i];
      Ctx c{where + ": global " + g.name, Where::GlobalInit, &s, nullptr, base + uint32_t(i)};
      switch (g.kind) {
        case GlobalKind::Const: problem(c, "const among a scenario's globals"); break;
        case GlobalKind::FixedParam:
          if (!g.init) problem(c, "fixed param without an init");
          else expr(c, *g.init), expectType(c, g.init.get(), g.type, "init");
          break;
        case GlobalKind::Uncertain:
          if (g.init) problem(c, "uncertain param with a run-time init");
          break;
        case GlobalKind::Pinned:
          if (g.type != Type::Bool) problem(c, "pinned flag not bool");
          if (g.pins < base || g.pins >= m_.globalCount(s) || m_.global(s, g.pins).kind != GlobalKind::Uncertain)
            problem(c, "pinned flag of something not an uncertain param");
          break;
      }
    }
    for (const Array& a : s.arrays) {
      Ctx c{where + ": array " + a.name, Where::GlobalInit, &s, nullptr, m_.globalCount(s)};
      if (a.site >= m_.sites.size()) problem(c, "array without a valid site");
      if (a.type == Type::Unknown) problem(c, "array of unknown type");
      if (!a.length) problem(c, "array without a length");
      else expr(c, *a.length), expectType(c, a.length.get(), Type::Int, "array length");
    }
    for (const Param& p : s.params) {
      Ctx c{where + ": param " + p.name, Where::TrialInit, &s, &s.slots, m_.globalCount(s)};
      if (p.global >= m_.globalCount(s) || p.global < base) { problem(c, "global out of range"); continue; }
      const Global& g = m_.global(s, p.global);
      if (g.type != p.type || (g.kind == GlobalKind::Uncertain) != p.uncertain) problem(c, "param and global disagree");
      if (p.uncertain && (p.slot >= s.slots.size() || s.slots[p.slot].kind != SlotKind::Param ||
                          p.pinned >= m_.globalCount(s) || m_.global(s, p.pinned).kind != GlobalKind::Pinned))
        problem(c, "uncertain param without its slot and pinned flag");
      if (p.hasRange && (!(p.lo < p.hi) || p.type == Type::Bool)) problem(c, "range empty or on a bool");
    }
    uint32_t all = m_.globalCount(s);
    block(Ctx{where + ": init", Where::TrialInit, &s, &s.slots, all}, s.trialInit);
    for (const Phase& ph : s.phases) {
      Ctx c{where + ": phase " + ph.name, Where::Phase, &s, &s.slots, all};
      if (ph.site >= m_.sites.size()) problem(c, "phase without a valid site");
      if (ph.form == PhaseForm::For) {
        if (ph.count) expr(c, *ph.count);
        expectType(c, ph.count.get(), Type::Int, "for count");
      } else {
        if (ph.cond) expr(c, *ph.cond);
        if (ph.limit) expr(c, *ph.limit);
        expectType(c, ph.cond.get(), Type::Bool, "until condition");
        expectType(c, ph.limit.get(), Type::Int, "until limit");
      }
      block(c, ph.body);
    }
    for (const Report& r : s.reports) {
      Ctx c{where + ": report " + r.label, Where::Report, &s, &s.slots, all};
      if (r.site >= m_.sites.size()) problem(c, "report without a valid site");
      if (!r.value) { problem(c, "report without a value"); continue; }
      expr(c, *r.value);
      if (r.kind == ReportKind::Probability) expectType(c, r.value.get(), Type::Bool, "P value");
      else if (!isNumeric(r.value->type)) problem(c, "mean or quantiles of a non-number");
      if (r.given) expr(c, *r.given), expectType(c, r.given.get(), Type::Bool, "given");
    }
  }
  return std::move(problems_);
}

}  // namespace

std::vector<std::string> verify(const Module& m) { return Verifier(m).run(); }

}  // namespace omen::ir
