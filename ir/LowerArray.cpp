//===- LowerArray.cpp - Arrays, elements, reductions and loops --------------===//
//
// A state array is one ir::Array; an event array is two consecutive ones (happened flags,
// then first-trigger times), reset at trial start by a loop in trialInit, so that engines
// need no per-event-array logic of their own.
//
//===----------------------------------------------------------------------===//
#include "ir/Lowerer.h"

namespace omen::ir::lowering {

void Lowerer::arrays(const ast::Scenario& s, Scenario& out) {
  // The length reads a literal, a const or a fixed param: all globals or constants here.
  auto add = [&](const ast::NamedDecl& d, const ast::Expr& length, const std::string& name, Type t) {
    Array a{name, t, exprAs(length, Type::Int), site(length.range, "the length of '" + d.name + "'")};
    out.arrays.push_back(std::move(a));
    return uint32_t(out.arrays.size() - 1);
  };
  // In declaration order, states and events interleaved as written.
  for (const ast::MemberPtr& m : s.members) {
    if (auto* st = dynamic_cast<const ast::StateDecl*>(m.get()); st && st->length) {
      Type t = st->type != Type::Unknown ? st->type : st->init->type;
      names_[st] = {Binding::Array, add(*st, *st->length, st->name, t), t};
    } else if (auto* e = dynamic_cast<const ast::EventDecl*>(m.get()); e && e->length) {
      uint32_t happened = add(*e, *e->length, e->name, Type::Bool);
      add(*e, *e->length, e->name + ".time", Type::Int);
      names_[e] = {Binding::Array, happened, Type::Bool};
      // Every element starts as not happened, with time -1 (see EventTime).
      uint32_t k = addSlot(e->name + ".i", Type::Int, SlotKind::Local);
      uint32_t n = addSlot(e->name + ".n", Type::Int, SlotKind::Local);
      Block body;
      body.push_back(makeStoreElement(happened, makeLoadSlot(k, Type::Int), makeBool(false), kNoSite));
      body.push_back(makeStoreElement(happened + 1, makeLoadSlot(k, Type::Int), makeInt(-1), kNoSite));
      out.trialInit.push_back(makeFor(k, n, makeInt(0), makeArrayLength(happened), std::move(body)));
    }
  }
}

uint32_t Lowerer::arrayOf(const ast::NameExpr& n) {
  auto it = names_.find(n.target);
  if (it == names_.end() || it->second.kind != Binding::Array) {
    fail("'" + n.name + "' is not an array");
    return UINT32_MAX;
  }
  return it->second.index;
}

ExprPtr Lowerer::element(const ast::NameExpr& array, const ast::Expr& index, SourceRange at, bool time) {
  uint32_t a = arrayOf(array);
  if (a == UINT32_MAX) return makeInt(0);
  uint32_t s = site(at, "'" + array.name + "'");
  ExprPtr i = exprAs(index, Type::Int);
  if (time) return makeLoadElement(a + 1, Type::Int, std::move(i), s);
  return makeLoadElement(a, names_[array.target].type, std::move(i), s);
}

ExprPtr Lowerer::reduce(const ast::ReduceExpr& r) {
  uint32_t a = arrayOf(*r.array);
  if (a == UINT32_MAX) return makeInt(0);
  ReduceOp op = r.op;
  Type elem = names_[r.array->target].type;
  Type t = op == ReduceOp::Any || op == ReduceOp::All ? Type::Bool
           : op == ReduceOp::Count                    ? Type::Int
           : op == ReduceOp::Mean                     ? Type::Real
                                                      : elem;
  bool fails = op == ReduceOp::Min || op == ReduceOp::Max || op == ReduceOp::Mean ||
               (op == ReduceOp::Sum && elem == Type::Int);
  uint32_t s = fails ? site(r.range, std::string(spelling(op)) + "(" + r.array->name + ")") : kNoSite;
  return makeReduce(op, a, t, s);
}

void Lowerer::forLoop(const ast::ForStmt& f, Block& out) {
  ExprPtr lo = exprAs(*f.lo, Type::Int);
  ExprPtr hi = exprAs(*f.hi, Type::Int);
  uint32_t slot = addSlot(f.name, Type::Int, SlotKind::Local);
  uint32_t bound = addSlot(f.name + ".end", Type::Int, SlotKind::Local);
  names_[&f] = {Binding::Slot, slot, Type::Int};
  Block body;
  block(*f.body, body);
  uint32_t s = site(SourceRange::join(f.range, f.hi->range), "loop 'for " + f.name + "'");
  out.push_back(makeFor(slot, bound, std::move(lo), std::move(hi), std::move(body), s));
}

void Lowerer::storeElement(const ast::AssignStmt& a, Block& out) {
  uint32_t arr = arrayOf(*a.target);
  if (arr == UINT32_MAX) return;
  uint32_t s = site(a.target->range, "'" + a.target->name + "'");
  ExprPtr i = exprAs(*a.index, Type::Int);
  ExprPtr v = exprAs(*a.value, names_[a.target->target].type);
  out.push_back(makeStoreElement(arr, std::move(i), std::move(v), s));
}

void Lowerer::triggerElement(const ast::TriggerStmt& t, Block& out) {
  uint32_t arr = arrayOf(*t.event);
  if (arr == UINT32_MAX) return;
  uint32_t s = site(t.event->range, "'" + t.event->name + "'");
  out.push_back(makeTriggerElement(arr, exprAs(*t.index, Type::Int), s));
}

}  // namespace omen::ir::lowering
