//===- Nodes.cpp - Constructors and copies of IR expressions and statements ---===//
#include <utility>

#include "ir/Module.h"

namespace omen::ir {

ExprPtr Expr::clone() const {
  auto c = std::make_unique<Expr>(kind, type);
  c->unaryOp = unaryOp, c->binaryOp = binaryOp, c->clock = clock, c->builtin = builtin, c->reduceOp = reduceOp;
  c->intForm = intForm, c->index = index, c->site = site;
  c->intValue = intValue, c->realValue = realValue;
  c->table = table;
  for (const ExprPtr& o : operands) c->operands.push_back(o->clone());
  return c;
}

ExprPtr makeInt(int64_t v) {
  auto e = std::make_unique<Expr>(ExprKind::Const, Type::Int);
  e->intValue = v;
  return e;
}

ExprPtr makeReal(double v) {
  auto e = std::make_unique<Expr>(ExprKind::Const, Type::Real);
  e->realValue = v;
  return e;
}

ExprPtr makeBool(bool v) {
  auto e = std::make_unique<Expr>(ExprKind::Const, Type::Bool);
  e->intValue = v ? 1 : 0;
  return e;
}

static ExprPtr indexed(ExprKind k, Type t, uint32_t index) {
  auto e = std::make_unique<Expr>(k, t);
  e->index = index;
  return e;
}

ExprPtr makeLoadGlobal(uint32_t global, Type t) { return indexed(ExprKind::LoadGlobal, t, global); }
ExprPtr makeLoadSlot(uint32_t slot, Type t) { return indexed(ExprKind::LoadSlot, t, slot); }
ExprPtr makeEventHappened(uint32_t event) {
  return indexed(ExprKind::EventHappened, Type::Bool, event);
}
ExprPtr makeEventTime(uint32_t event) { return indexed(ExprKind::EventTime, Type::Int, event); }

ExprPtr makeLoadElement(uint32_t array, Type t, ExprPtr index, uint32_t site) {
  auto e = indexed(ExprKind::LoadElement, t, array);
  e->site = site;
  e->operands.push_back(std::move(index));
  return e;
}
ExprPtr makeArrayLength(uint32_t array) { return indexed(ExprKind::ArrayLength, Type::Int, array); }
ExprPtr makeReduce(ReduceOp op, uint32_t array, Type t, uint32_t site) {
  auto e = indexed(ExprKind::Reduce, t, array);
  e->reduceOp = op;
  e->site = site;
  return e;
}

ExprPtr makeLookup(std::shared_ptr<const LookupTable> table, std::vector<ExprPtr> key, Type t) {
  auto e = std::make_unique<Expr>(ExprKind::Lookup, t);
  e->table = std::move(table);
  e->operands = std::move(key);
  return e;
}

ExprPtr makeClock(Clock c) {
  auto e = std::make_unique<Expr>(ExprKind::Clock, Type::Int);
  e->clock = c;
  return e;
}

ExprPtr makeUnary(UnaryOp op, ExprPtr x, uint32_t site) {
  auto e = std::make_unique<Expr>(ExprKind::Unary, op == UnaryOp::Not ? Type::Bool : x->type);
  e->unaryOp = op;
  e->site = site;
  e->operands.push_back(std::move(x));
  return e;
}

ExprPtr makeBinary(BinaryOp op, ExprPtr a, ExprPtr b, uint32_t site) {
  Type t = Expr::isComparison(op) ? Type::Bool : op == BinaryOp::Div ? Type::Real : a->type;
  auto e = std::make_unique<Expr>(ExprKind::Binary, t);
  e->binaryOp = op;
  e->site = site;
  e->operands.push_back(std::move(a));
  e->operands.push_back(std::move(b));
  return e;
}

static ExprPtr logical(ExprKind k, ExprPtr a, ExprPtr b) {
  auto e = std::make_unique<Expr>(k, Type::Bool);
  e->operands.push_back(std::move(a));
  e->operands.push_back(std::move(b));
  return e;
}

ExprPtr makeAnd(ExprPtr a, ExprPtr b) { return logical(ExprKind::And, std::move(a), std::move(b)); }
ExprPtr makeOr(ExprPtr a, ExprPtr b) { return logical(ExprKind::Or, std::move(a), std::move(b)); }

ExprPtr makeSelect(ExprPtr c, ExprPtr a, ExprPtr b) {
  auto e = std::make_unique<Expr>(ExprKind::Select, a->type);
  e->operands.push_back(std::move(c));
  e->operands.push_back(std::move(a));
  e->operands.push_back(std::move(b));
  return e;
}

static Type letterType(char c, bool intForm) {
  switch (c) {
    case 'R': return Type::Real;
    case 'I': return Type::Int;
    case 'B': return Type::Bool;
    case 'N': return intForm ? Type::Int : Type::Real;
  }
  return Type::Unknown;
}

Type builtinResultType(BuiltinId id, bool intForm) { return letterType(builtin(id).ret, intForm); }

Type builtinArgType(BuiltinId id, bool intForm, size_t i) {
  std::string_view args = builtin(id).args;
  if (isVariadic(builtin(id))) {
    size_t fixed = args.size() - 1;  // letters before '*'; the last one repeats
    return letterType(args[i < fixed ? i : fixed - 1], intForm);
  }
  return i < args.size() ? letterType(args[i], intForm) : Type::Unknown;
}

ExprPtr makeCallBuiltin(BuiltinId id, bool intForm, std::vector<ExprPtr> args, uint32_t site) {
  auto e = std::make_unique<Expr>(ExprKind::CallBuiltin, builtinResultType(id, intForm));
  e->builtin = id;
  e->intForm = intForm;
  e->site = site;
  e->operands = std::move(args);
  return e;
}

ExprPtr makeCallFunction(uint32_t function, Type ret, std::vector<ExprPtr> args) {
  auto e = std::make_unique<Expr>(ExprKind::CallFunction, ret);
  e->index = function;
  e->operands = std::move(args);
  return e;
}

ExprPtr makeIntToReal(ExprPtr x) {
  auto e = std::make_unique<Expr>(ExprKind::IntToReal, Type::Real);
  e->operands.push_back(std::move(x));
  return e;
}

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "add";
    case BinaryOp::Sub: return "sub";
    case BinaryOp::Mul: return "mul";
    case BinaryOp::Div: return "div";
    case BinaryOp::Eq: return "eq";
    case BinaryOp::Ne: return "ne";
    case BinaryOp::Lt: return "lt";
    case BinaryOp::Le: return "le";
    case BinaryOp::Gt: return "gt";
    case BinaryOp::Ge: return "ge";
  }
  return "?";
}

//===--- statements ----------------------------------------------------------===//

Block cloneBlock(const Block& b) {
  Block c;
  for (const StmtPtr& s : b) c.push_back(s->clone());
  return c;
}

Phase clonePhase(const Phase& p) {
  auto copy = [](const ExprPtr& e) { return e ? e->clone() : nullptr; };
  return {p.name, p.form, copy(p.count), copy(p.cond), copy(p.limit), cloneBlock(p.body), p.site,
          p.skipQuiescent, p.quiescence, p.jumpsHazards, p.hazardSites, p.hazards};
}

StmtPtr Stmt::clone() const {
  auto c = std::make_unique<Stmt>(kind);
  c->index = index, c->site = site, c->aux = aux;
  if (value) c->value = value->clone();
  if (subscript) c->subscript = subscript->clone();
  if (bound) c->bound = bound->clone();
  for (const ExprPtr& e : choices) c->choices.push_back(e->clone());
  c->visible = visible;
  c->thenBlock = cloneBlock(thenBlock);
  c->elseBlock = cloneBlock(elseBlock);
  return c;
}

static StmtPtr withValue(StmtKind k, uint32_t index, ExprPtr value) {
  auto s = std::make_unique<Stmt>(k);
  s->index = index;
  s->value = std::move(value);
  return s;
}

StmtPtr makeLet(uint32_t slot, ExprPtr value) { return withValue(StmtKind::Let, slot, std::move(value)); }
StmtPtr makeStore(uint32_t slot, ExprPtr value) {
  return withValue(StmtKind::Store, slot, std::move(value));
}
StmtPtr makeReturn(ExprPtr value) { return withValue(StmtKind::Return, 0, std::move(value)); }
StmtPtr makeTrigger(uint32_t event) { return withValue(StmtKind::Trigger, event, nullptr); }
StmtPtr makeEnd() { return std::make_unique<Stmt>(StmtKind::End); }
StmtPtr makeStop() { return std::make_unique<Stmt>(StmtKind::Stop); }

StmtPtr makeIf(ExprPtr cond, Block thenBlock, Block elseBlock) {
  auto s = withValue(StmtKind::If, 0, std::move(cond));
  s->thenBlock = std::move(thenBlock);
  s->elseBlock = std::move(elseBlock);
  return s;
}

StmtPtr makeWithProbability(ExprPtr p, uint32_t site, Block thenBlock, Block elseBlock) {
  auto s = makeIf(std::move(p), std::move(thenBlock), std::move(elseBlock));
  s->kind = StmtKind::WithProbability;
  s->site = site;
  return s;
}

StmtPtr makeStoreElement(uint32_t array, ExprPtr subscript, ExprPtr value, uint32_t site) {
  auto s = withValue(StmtKind::StoreElement, array, std::move(value));
  s->subscript = std::move(subscript);
  s->site = site;
  return s;
}

StmtPtr makeTriggerElement(uint32_t happenedArray, ExprPtr subscript, uint32_t site) {
  auto s = std::make_unique<Stmt>(StmtKind::TriggerElement);
  s->index = happenedArray;
  s->subscript = std::move(subscript);
  s->site = site;
  return s;
}

StmtPtr makeFactor(ExprPtr logWeight, uint32_t site) {
  auto s = withValue(StmtKind::Factor, 0, std::move(logWeight));
  s->site = site;
  return s;
}

StmtPtr makeSplitPoint(ExprPtr value, uint32_t site) {
  auto s = withValue(StmtKind::SplitPoint, 0, std::move(value));
  s->site = site;
  return s;
}

StmtPtr makeChoose(uint32_t slot, std::vector<ExprPtr> choices, ExprPtr lo, ExprPtr hi, std::vector<uint32_t> visible,
                   uint32_t site) {
  auto s = withValue(StmtKind::Choose, slot, std::move(lo));
  s->bound = std::move(hi);
  s->choices = std::move(choices);
  s->visible = std::move(visible);
  s->site = site;
  return s;
}

StmtPtr makeFor(uint32_t slot, uint32_t boundSlot, ExprPtr lo, ExprPtr hi, Block body, uint32_t site) {
  auto s = withValue(StmtKind::For, slot, std::move(lo));
  s->site = site;
  s->aux = boundSlot;
  s->bound = std::move(hi);
  s->thenBlock = std::move(body);
  return s;
}

}  // namespace omen::ir
