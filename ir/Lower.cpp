//===- Lower.cpp - Checked AST to IR ----------------------------------------===//
//
// One Lowerer walks the program. Names resolve through a map from the AST declaration a
// NameExpr points at (sema's NameExpr::target) to where its value lives; the map holds the
// consts always, and a function's arguments and lets, or a scenario's params, states,
// events and lets, while that function or scenario is being lowered.
//
//===----------------------------------------------------------------------===//
#include "ir/Lower.h"

#include "ir/Lowerer.h"

#include <algorithm>
#include <unordered_map>

namespace omen::ir {
namespace lowering {
void Lowerer::program(const ast::Program& p) {
  // Functions first by index, so calls between them (in any order) resolve.
  m_.functions.resize(p.functions.size());
  for (size_t i = 0; i < p.functions.size(); ++i) functions_[p.functions[i]] = uint32_t(i);
  for (const ast::ConstDecl* c : p.consts) constDecl(*c);
  for (size_t i = 0; i < p.functions.size(); ++i) function(*p.functions[i], m_.functions[i]);
  for (const auto& s : p.scenarios) {
    m_.scenarios.emplace_back();
    scenario(*s, m_.scenarios.back());
  }
}

void Lowerer::constDecl(const ast::ConstDecl& c) {
  Type t = c.type != Type::Unknown ? c.type : c.init->type;
  Global g{c.name, t, GlobalKind::Const, exprAs(*c.init, t), 0};
  names_[&c] = {Binding::Global, uint32_t(m_.consts.size()), t};
  m_.consts.push_back(std::move(g));
}

void Lowerer::function(const ast::FnDecl& f, Function& out) {
  out.name = f.name;
  out.returnType = f.type;
  out.argCount = uint32_t(f.args.size());
  returnType_ = f.type;
  slots_ = &out.slots;
  std::vector<const ast::NamedDecl*> scoped;
  for (const auto& a : f.args) {
    names_[a.get()] = {Binding::Slot, addSlot(a->name, a->type, SlotKind::Arg), a->type};
    scoped.push_back(a.get());
  }
  if (f.exprBody)
    out.body.push_back(makeReturn(exprAs(*f.exprBody, f.type)));
  else if (f.blockBody)
    block(*f.blockBody, out.body);
  else
    fail("function '" + f.name + "' has no body");
  for (const ast::NamedDecl* d : scoped) names_.erase(d);
  slots_ = nullptr;
}

// The values an uncertain param's draw can take: its distribution's support when the draw
// is one distribution call (through an int-to-real conversion), else unbounded.
static Support supportOf(const Expr& draw) {
  const Expr& e = draw.kind == ExprKind::IntToReal && !draw.operands.empty() ? *draw.operands[0] : draw;
  if (e.kind != ExprKind::CallBuiltin || !builtin(e.builtin).isDistribution) return {};
  std::vector<std::optional<double>> args;
  for (const ExprPtr& a : e.operands) {
    const Expr& v = a->kind == ExprKind::IntToReal && !a->operands.empty() ? *a->operands[0] : *a;
    if (v.kind != ExprKind::Const) args.push_back(std::nullopt);
    else args.push_back(v.type == Type::Real ? v.realValue : static_cast<double>(v.intValue));
  }
  return distributionSupport(e.builtin, args);
}

void Lowerer::scenario(const ast::Scenario& s, Scenario& out) {
  out.name = s.name;
  slots_ = &out.slots;
  globalBase_ = uint32_t(m_.consts.size());
  auto nextGlobal = [&] { return globalBase_ + uint32_t(out.globals.size()); };

  for (const ast::ParamDecl* p : s.params) {
    Type t = p->type != Type::Unknown ? p->type : p->init->type;
    Param info{p->name, t, p->uncertain, nextGlobal(), 0, 0};
    if (p->valueRange) info.hasRange = true, info.lo = p->valueRange->lo.value, info.hi = p->valueRange->hi.value;
    info.epistemic = p->epistemic;
    info.correlated = p->correlated;
    if (!p->uncertain) {
      out.globals.push_back({p->name, t, GlobalKind::FixedParam, exprAs(*p->init, t), 0});
      names_[p] = {Binding::Global, info.global, t};
    } else {
      out.globals.push_back({p->name, t, GlobalKind::Uncertain, nullptr, 0});
      info.pinned = nextGlobal();
      out.globals.push_back({p->name + ".pinned", Type::Bool, GlobalKind::Pinned, nullptr, info.global});
      info.slot = addSlot(p->name, t, SlotKind::Param);
      names_[p] = {Binding::Slot, info.slot, t};
    }
    out.params.push_back(std::move(info));
  }
  for (const ast::StateDecl* st : s.states) {
    if (st->length) continue;  // arrays(): after the slots, so that slot numbers do not move
    Type t = st->type != Type::Unknown ? st->type : st->init->type;
    names_[st] = {Binding::Slot, addSlot(st->name, t, SlotKind::State), t};
  }
  for (const ast::EventDecl* e : s.events) {
    if (e->length) continue;
    names_[e] = {Binding::Event, uint32_t(out.events.size()), Type::Bool};
    out.events.push_back(e->name);
  }
  arrays(s, out);

  // Trial start: each uncertain param is drawn unless pinned, in declaration order, then
  // each state is initialised in declaration order.
  size_t pi = 0;
  for (const ast::ParamDecl* p : s.params) {
    const Param& info = out.params[pi++];
    if (!p->uncertain) continue;
    Block pinned, drawn;
    pinned.push_back(makeStore(info.slot, makeLoadGlobal(info.global, info.type)));
    ExprPtr draw = exprAs(*p->init, info.type);
    out.params[pi - 1].support = supportOf(*draw);
    drawn.push_back(makeStore(info.slot, std::move(draw)));
    out.trialInit.push_back(
        makeIf(makeLoadGlobal(info.pinned, Type::Bool), std::move(pinned), std::move(drawn)));
  }
  for (const ast::StateDecl* st : s.states) {
    const Binding& b = names_[st];
    if (b.kind == Binding::Array) {
      // One initialiser per element, evaluated (and drawn) in index order.
      uint32_t k = addSlot(st->name + ".i", Type::Int, SlotKind::Local);
      uint32_t n = addSlot(st->name + ".n", Type::Int, SlotKind::Local);
      uint32_t at = site(st->nameRange, "state '" + st->name + "'");
      Block body;
      body.push_back(makeStoreElement(b.index, makeLoadSlot(k, Type::Int), exprAs(*st->init, b.type), at));
      out.trialInit.push_back(makeFor(k, n, makeInt(0), makeArrayLength(b.index), std::move(body)));
      continue;
    }
    out.trialInit.push_back(makeStore(b.index, exprAs(*st->init, b.type)));
  }

  weighted_ = false;
  for (const ast::PhaseDecl* p : s.phases) {
    out.phases.emplace_back();
    phase(*p, out.phases.back());
  }
  out.weighted = weighted_;
  for (const ast::ReportDecl* r : s.reports) {
    out.reports.emplace_back();
    report(*r, out.reports.back());
  }

  for (const ast::ParamDecl* p : s.params) names_.erase(p);
  for (const ast::StateDecl* st : s.states) names_.erase(st);
  for (const ast::EventDecl* e : s.events) names_.erase(e);
  slots_ = nullptr;
}

void Lowerer::phase(const ast::PhaseDecl& p, Phase& out) {
  out.name = p.name;
  out.form = p.form == ast::PhaseDecl::For ? PhaseForm::For : PhaseForm::Until;
  out.site = site(p.nameRange.valid() ? p.nameRange : p.range, "phase '" + p.name + "'");
  if (out.form == PhaseForm::For) {
    if (!p.count) fail("phase '" + p.name + "' has no count");
    else out.count = exprAs(*p.count, Type::Int);
  } else {
    if (!p.cond) fail("phase '" + p.name + "' has no condition");
    else out.cond = exprAs(*p.cond, Type::Bool);
    out.limit = p.limit ? exprAs(*p.limit, Type::Int) : makeInt(kDefaultUntilLimit);
  }
  if (p.body) block(*p.body, out.body);
}

void Lowerer::report(const ast::ReportDecl& r, Report& out) {
  out.kind = r.reportKind == ast::ReportDecl::Probability ? ReportKind::Probability
             : r.reportKind == ast::ReportDecl::Mean      ? ReportKind::Mean
                                                          : ReportKind::Quantiles;
  out.label = r.label;
  out.site = site(r.range, "report '" + r.label + "'");
  out.value = expr(*r.value);
  out.levels = r.levels;
  out.expectation = r.expectation;
  if (r.given) out.given = exprAs(*r.given, Type::Bool);
}

//===--- statements ----------------------------------------------------------===//

void Lowerer::block(const ast::BlockStmt& b, Block& out) {
  for (const auto& s : b.stmts) stmt(*s, out);
}

Block Lowerer::elsePart(const ast::Stmt* s) {
  Block out;
  if (s) stmt(*s, out);
  return out;
}

void Lowerer::stmt(const ast::Stmt& s, Block& out) {
  switch (s.kind) {
    case ast::StmtKind::Block: block(static_cast<const ast::BlockStmt&>(s), out); return;
    case ast::StmtKind::Let: {
      auto& l = static_cast<const ast::LetStmt&>(s);
      Type t = l.type != Type::Unknown ? l.type : l.init->type;
      ExprPtr v = exprAs(*l.init, t);  // before the binding: the init cannot see the let
      uint32_t slot = addSlot(l.name, t, SlotKind::Local);
      names_[&l] = {Binding::Slot, slot, t};
      out.push_back(makeLet(slot, std::move(v)));
      return;
    }
    case ast::StmtKind::For: forLoop(static_cast<const ast::ForStmt&>(s), out); return;
    case ast::StmtKind::Assign: {
      auto& a = static_cast<const ast::AssignStmt&>(s);
      if (a.index) return storeElement(a, out);
      auto it = names_.find(a.target->target);
      if (it == names_.end() || it->second.kind != Binding::Slot) {
        fail("assignment to '" + a.target->name + "', which is not a state");
        return;
      }
      out.push_back(makeStore(it->second.index, exprAs(*a.value, it->second.type)));
      return;
    }
    case ast::StmtKind::If: {
      auto& i = static_cast<const ast::IfStmt&>(s);
      // Lowered in source order (condition, then, else) so that sites and slots follow it.
      ExprPtr cond = exprAs(*i.cond, Type::Bool);
      Block thenBlock;
      block(*i.thenBlock, thenBlock);
      Block elseBlock = elsePart(i.elseStmt.get());
      out.push_back(makeIf(std::move(cond), std::move(thenBlock), std::move(elseBlock)));
      return;
    }
    case ast::StmtKind::WithProbability: {
      auto& w = static_cast<const ast::WithProbabilityStmt&>(s);
      uint32_t at = site(w.probability->range, "with probability");
      ExprPtr p = exprAs(*w.probability, Type::Real);
      Block thenBlock;
      block(*w.thenBlock, thenBlock);
      Block elseBlock = elsePart(w.elseStmt.get());
      out.push_back(makeWithProbability(std::move(p), at, std::move(thenBlock), std::move(elseBlock)));
      return;
    }
    case ast::StmtKind::Trigger: {
      auto& t = static_cast<const ast::TriggerStmt&>(s);
      if (t.index) return triggerElement(t, out);
      auto it = names_.find(t.event->target);
      if (it == names_.end() || it->second.kind != Binding::Event) {
        fail("trigger of '" + t.event->name + "', which is not an event");
        return;
      }
      out.push_back(makeTrigger(it->second.index));
      return;
    }
    case ast::StmtKind::Observe: observe(static_cast<const ast::ObserveStmt&>(s), out); return;
    case ast::StmtKind::End: out.push_back(makeEnd()); return;
    case ast::StmtKind::Stop: out.push_back(makeStop()); return;
    case ast::StmtKind::Return: {
      auto& r = static_cast<const ast::ReturnStmt&>(s);
      out.push_back(makeReturn(exprAs(*r.value, returnType_)));
      return;
    }
  }
}

//===--- expressions ---------------------------------------------------------===//

ExprPtr Lowerer::coerce(ExprPtr x, Type want) {
  if (want != Type::Real || x->type != Type::Int) return x;
  // A widened int literal is just a real literal: double(i) is the same in every engine.
  if (x->kind == ExprKind::Const) return makeReal(double(x->intValue));
  return makeIntToReal(std::move(x));
}

ExprPtr Lowerer::expr(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Number: {
      auto& n = static_cast<const ast::NumberExpr&>(e);
      if (n.isInt && e.type != Type::Real) return makeInt(n.intValue);
      return makeReal(n.isInt ? double(n.intValue) : n.realValue);
    }
    case ast::ExprKind::Bool: return makeBool(static_cast<const ast::BoolExpr&>(e).value);
    case ast::ExprKind::Name: return name(static_cast<const ast::NameExpr&>(e));
    case ast::ExprKind::Clock:
      return makeClock(static_cast<const ast::ClockExpr&>(e).which == ast::ClockExpr::GlobalStep
                           ? Clock::GlobalStep
                           : Clock::PhaseStep);
    case ast::ExprKind::Unary: return unary(static_cast<const ast::UnaryExpr&>(e));
    case ast::ExprKind::Binary: return binary(static_cast<const ast::BinaryExpr&>(e));
    case ast::ExprKind::If: {
      auto& i = static_cast<const ast::IfExpr&>(e);
      Type t = e.type;
      ExprPtr c = exprAs(*i.cond, Type::Bool);
      ExprPtr a = expr(*i.thenExpr);
      ExprPtr b = expr(*i.elseExpr);
      if (t == Type::Unknown) t = a->type == Type::Real || b->type == Type::Real ? Type::Real : a->type;
      return makeSelect(std::move(c), coerce(std::move(a), t), coerce(std::move(b), t));
    }
    case ast::ExprKind::Call: return call(static_cast<const ast::CallExpr&>(e));
    case ast::ExprKind::Time: {
      auto& t = static_cast<const ast::TimeExpr&>(e);
      if (t.index) return element(*t.event, *t.index, t.range, true);
      auto it = names_.find(t.event->target);
      if (it == names_.end() || it->second.kind != Binding::Event)
        return fail("time() of '" + t.event->name + "', which is not an event");
      return makeEventTime(it->second.index);
    }
    case ast::ExprKind::Cast: {
      auto& c = static_cast<const ast::CastExpr&>(e);
      return coerce(expr(*c.operand), e.type);
    }
    case ast::ExprKind::Index: {
      auto& i = static_cast<const ast::IndexExpr&>(e);
      return element(*i.array, *i.index, i.range, false);
    }
    case ast::ExprKind::Reduce: return reduce(static_cast<const ast::ReduceExpr&>(e));
  }
  return fail("unknown expression kind");
}

ExprPtr Lowerer::name(const ast::NameExpr& n) {
  auto it = names_.find(n.target);
  if (it == names_.end()) return fail("name '" + n.name + "' is not resolved");
  const Binding& b = it->second;
  switch (b.kind) {
    case Binding::Global: return makeLoadGlobal(b.index, b.type);
    case Binding::Slot: return makeLoadSlot(b.index, b.type);
    case Binding::Event: return makeEventHappened(b.index);
    case Binding::Array: return fail("array '" + n.name + "' used as one value");
  }
  return fail("name '" + n.name + "'");
}

ExprPtr Lowerer::unary(const ast::UnaryExpr& u) {
  if (u.op == ast::UnaryOp::Not) return makeUnary(UnaryOp::Not, expr(*u.operand));
  // Only int negation can fail (-INT64_MIN). Sites are numbered before operands, so that
  // they follow the source order.
  uint32_t at = u.operand->type == Type::Int ? site(u.range, "-") : kNoSite;
  return makeUnary(UnaryOp::Neg, expr(*u.operand), at);
}

ExprPtr Lowerer::binary(const ast::BinaryExpr& b) {
  SourceRange opRange = b.opRange.valid() ? b.opRange : b.range;
  if (b.op == ast::BinaryOp::And || b.op == ast::BinaryOp::Or) {
    ExprPtr l = exprAs(*b.lhs, Type::Bool);
    ExprPtr r = exprAs(*b.rhs, Type::Bool);
    return b.op == ast::BinaryOp::And ? makeAnd(std::move(l), std::move(r)) : makeOr(std::move(l), std::move(r));
  }
  if (b.op == ast::BinaryOp::Pow) {
    uint32_t at = site(opRange, "^");
    std::vector<ExprPtr> args;
    args.push_back(exprAs(*b.lhs, Type::Real));
    args.push_back(exprAs(*b.rhs, Type::Real));
    return makeCallBuiltin(BuiltinId::Pow, false, std::move(args), at);
  }
  // Operands of one type: if either is real, both are (sema's casts make this a no-op).
  Type t = b.lhs->type == Type::Real || b.rhs->type == Type::Real ? Type::Real : b.lhs->type;
  BinaryOp op = BinaryOp::Add;
  switch (b.op) {
    case ast::BinaryOp::Add: op = BinaryOp::Add; break;
    case ast::BinaryOp::Sub: op = BinaryOp::Sub; break;
    case ast::BinaryOp::Mul: op = BinaryOp::Mul; break;
    case ast::BinaryOp::Div: op = BinaryOp::Div, t = Type::Real; break;
    case ast::BinaryOp::Eq: op = BinaryOp::Eq; break;
    case ast::BinaryOp::Ne: op = BinaryOp::Ne; break;
    case ast::BinaryOp::Lt: op = BinaryOp::Lt; break;
    case ast::BinaryOp::Le: op = BinaryOp::Le; break;
    case ast::BinaryOp::Gt: op = BinaryOp::Gt; break;
    case ast::BinaryOp::Ge: op = BinaryOp::Ge; break;
    case ast::BinaryOp::Pow:  // lowered as the pow builtin, and/or as short-circuit ifs
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or: return fail("unexpected binary operator");
  }
  bool fails = op == BinaryOp::Div || (t == Type::Int && !Expr::isComparison(op));
  uint32_t at = fails ? site(opRange, ast::spelling(b.op)) : kNoSite;
  ExprPtr l = exprAs(*b.lhs, t);
  ExprPtr r = exprAs(*b.rhs, t);
  return makeBinary(op, std::move(l), std::move(r), at);
}

ExprPtr Lowerer::call(const ast::CallExpr& c) {
  std::vector<ExprPtr> args;
  if (c.function) {
    auto it = functions_.find(c.function);
    if (it == functions_.end()) return fail("call of unknown function '" + c.callee + "'");
    const ast::FnDecl& f = *c.function;
    for (size_t i = 0; i < c.args.size(); ++i)
      args.push_back(exprAs(*c.args[i], i < f.args.size() ? f.args[i]->type : Type::Unknown));
    return makeCallFunction(it->second, f.type, std::move(args));
  }
  if (c.builtin < 0 || c.builtin >= int(BuiltinId::Count))
    return fail("call of '" + c.callee + "' is not resolved");
  auto id = static_cast<BuiltinId>(c.builtin);
  const BuiltinInfo& info = builtin(id);
  uint32_t at = site(c.range, std::string(info.name));
  for (const auto& a : c.args) args.push_back(expr(*a));
  // An N builtin has its int form when every N argument is int.
  bool intForm = false;
  if (info.ret == 'N' || info.args.find('N') != std::string_view::npos) {
    intForm = true;
    for (size_t i = 0; i < args.size(); ++i)
      if (info.args[std::min(i, info.args.size() - 1)] == 'N' && args[i]->type != Type::Int) intForm = false;
  }
  for (size_t i = 0; i < args.size(); ++i)
    args[i] = coerce(std::move(args[i]), builtinArgType(id, intForm, i));
  return makeCallBuiltin(id, intForm, std::move(args), at);
}

}  // namespace lowering

using lowering::Lowerer;

std::unique_ptr<Module> lower(const ast::Program& program, std::string& error) {
  auto m = std::make_unique<Module>();
  Lowerer l(*m);
  l.program(program);
  if (!l.error.empty()) {
    error = "internal error while lowering: " + l.error;
    return nullptr;
  }
  return m;
}

std::unique_ptr<Module> lower(const ast::Program& program) {
  std::string error;
  return lower(program, error);
}

}  // namespace omen::ir
