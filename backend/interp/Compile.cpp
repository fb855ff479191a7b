//===- Compile.cpp - IR to the interpreter's compact form --------------------===//
#include "backend/interp/Compile.h"

#include "backend/interp/BuiltinTable.h"

namespace omen::interp {
namespace {

class Compiler {
 public:
  Compiler(const ir::Module& m, Code& code) : m_(m), c_(code) {}

  uint32_t expr(const ir::Expr& e);
  void block(const ir::Block& b);
  uint32_t sequence(const ir::Block& b) {
    uint32_t start = here();
    block(b);
    emit({IOp::Halt});
    return start;
  }
  uint32_t frameBase = 0;  // absolute index of the current frame's slot 0
  const ir::Scenario* scenario = nullptr;
  bool watchStores = false;  // in the body of a phase that skips quiescent steps or jumps
  bool choices = false;      // in the body of a phase that jumps over its hazards

 private:
  uint32_t here() const { return uint32_t(c_.instrs.size()); }
  uint32_t emit(Instr i) {
    c_.instrs.push_back(i);
    return here() - 1;
  }
  uint32_t node(Node n) {
    c_.nodes.push_back(n);
    return uint32_t(c_.nodes.size() - 1);
  }
  uint32_t list(const ir::Expr& e) {
    std::vector<uint32_t> args;
    for (const ir::ExprPtr& o : e.operands) args.push_back(expr(*o));
    uint32_t first = uint32_t(c_.lists.size());
    c_.lists.insert(c_.lists.end(), args.begin(), args.end());
    if (args.size() > c_.maxArgs) c_.maxArgs = uint32_t(args.size());
    return first;
  }
  void stmt(const ir::Stmt& s);

  const ir::Module& m_;
  Code& c_;
};

Op binaryOp(ir::BinaryOp op, Type t) {
  using B = ir::BinaryOp;
  bool i = t == Type::Int, b = t == Type::Bool;
  switch (op) {
    case B::Add: return i ? Op::AddI : Op::AddR;
    case B::Sub: return i ? Op::SubI : Op::SubR;
    case B::Mul: return i ? Op::MulI : Op::MulR;
    case B::Div: return Op::DivR;
    case B::Eq: return b ? Op::EqB : i ? Op::EqI : Op::EqR;
    case B::Ne: return b ? Op::NeB : i ? Op::NeI : Op::NeR;
    case B::Lt: return i ? Op::LtI : Op::LtR;
    case B::Le: return i ? Op::LeI : Op::LeR;
    case B::Gt: return i ? Op::GtI : Op::GtR;
    case B::Ge: return i ? Op::GeI : Op::GeR;
  }
  return Op::AddR;
}

uint32_t Compiler::expr(const ir::Expr& e) {
  Node n{Op::Const};
  n.site = e.site;
  switch (e.kind) {
    case ir::ExprKind::Const:
      if (e.type == Type::Real)
        n.imm.r = e.realValue;
      else
        n.imm.i = e.intValue;
      break;
    case ir::ExprKind::LoadGlobal: n.op = Op::LoadGlobal, n.a = e.index; break;
    case ir::ExprKind::LoadSlot: n.op = Op::LoadSlot, n.a = frameBase + e.index; break;
    case ir::ExprKind::EventHappened: n.op = Op::EventHappened, n.a = e.index; break;
    case ir::ExprKind::EventTime: n.op = Op::EventTime, n.a = e.index; break;
    case ir::ExprKind::Clock: n.op = e.clock == ir::Clock::GlobalStep ? Op::ClockT : Op::ClockStep; break;
    case ir::ExprKind::Unary:
      n.op = e.unaryOp == ir::UnaryOp::Not ? Op::Not : e.type == Type::Int ? Op::NegI : Op::NegR;
      n.a = expr(*e.operands[0]);
      break;
    case ir::ExprKind::Binary:
      n.op = binaryOp(e.binaryOp, e.operands[0]->type);
      n.a = expr(*e.operands[0]);
      n.b = expr(*e.operands[1]);
      break;
    case ir::ExprKind::And:
    case ir::ExprKind::Or:
      n.op = e.kind == ir::ExprKind::And ? Op::And : Op::Or;
      n.a = expr(*e.operands[0]);
      n.b = expr(*e.operands[1]);
      break;
    case ir::ExprKind::Select:
      n.op = Op::Select;
      n.a = expr(*e.operands[0]);
      n.b = expr(*e.operands[1]);
      n.c = expr(*e.operands[2]);
      break;
    case ir::ExprKind::IntToReal:
      n.op = Op::IntToReal;
      n.a = expr(*e.operands[0]);
      break;
    case ir::ExprKind::CallBuiltin: {
      Callee callee = lookupBuiltin(e.builtin, e.intForm);
      n.op = callee.op;
      n.fn = callee.fn;
      if (n.op == Op::CallI_Rv || n.op == Op::CallR_RRRR || n.op == Op::CallR_Rv) {
        n.b = uint32_t(e.operands.size());
        n.a = list(e);
      } else {
        uint32_t* children[] = {&n.a, &n.b, &n.c};
        for (size_t i = 0; i < e.operands.size() && i < 3; ++i) *children[i] = expr(*e.operands[i]);
      }
      break;
    }
    case ir::ExprKind::LoadElement:
      // x[i] with i a local (typically a loop variable) skips the evaluation of a child node.
      if (e.operands[0]->kind == ir::ExprKind::LoadSlot)
        n.op = Op::LoadElemSlot, n.a = e.index, n.b = frameBase + e.operands[0]->index;
      else
        n.op = Op::LoadElem, n.a = e.index, n.b = expr(*e.operands[0]);
      break;
    case ir::ExprKind::ArrayLength: n.op = Op::ArrayLen, n.a = e.index; break;
    case ir::ExprKind::Reduce:
      n.op = Op::Reduce, n.a = e.index, n.b = uint32_t(e.reduceOp);
      n.c = uint32_t(scenario->arrays[e.index].type);
      break;
    case ir::ExprKind::Lookup:
      n.op = Op::Lookup;
      n.b = uint32_t(e.operands.size());
      n.c = uint32_t(c_.tables.size());
      c_.tables.push_back(e.table);
      n.a = list(e);
      break;
    case ir::ExprKind::CallFunction:
      n.op = Op::CallFn;
      n.b = uint32_t(e.operands.size());
      n.c = e.index;
      n.a = list(e);
      break;
  }
  return node(n);
}

void Compiler::block(const ir::Block& b) {
  for (const ir::StmtPtr& s : b) stmt(*s);
}

void Compiler::stmt(const ir::Stmt& s) {
  switch (s.kind) {
    case ir::StmtKind::Let: emit({IOp::Store, frameBase + s.index, expr(*s.value)}); return;
    case ir::StmtKind::Store:
      emit({watchStores ? IOp::StoreState : IOp::Store, frameBase + s.index, expr(*s.value)});
      return;
    case ir::StmtKind::If:
    case ir::StmtKind::WithProbability: {
      uint32_t cond = expr(*s.value);
      IOp op = s.kind == ir::StmtKind::If ? IOp::JumpIfFalse : choices ? IOp::Choice : IOp::WithProb;
      uint32_t branch = emit({op, 0, cond, s.site});
      block(s.thenBlock);
      if (s.elseBlock.empty()) {
        c_.instrs[branch].a = here();
        return;
      }
      uint32_t skip = emit({IOp::Jump});
      c_.instrs[branch].a = here();
      block(s.elseBlock);
      c_.instrs[skip].a = here();
      return;
    }
    case ir::StmtKind::Trigger: emit({IOp::Trigger, s.index}); return;
    case ir::StmtKind::End: emit({IOp::End}); return;
    case ir::StmtKind::Stop: emit({IOp::Stop}); return;
    case ir::StmtKind::Return: emit({IOp::Return, 0, expr(*s.value)}); return;
    case ir::StmtKind::StoreElement: {
      uint32_t sub = expr(*s.subscript);
      emit({IOp::StoreElem, s.index, expr(*s.value), s.site, sub});
      return;
    }
    case ir::StmtKind::TriggerElement: emit({IOp::TriggerElem, s.index, 0, s.site, expr(*s.subscript)}); return;
    case ir::StmtKind::Factor: emit({IOp::Factor, 0, expr(*s.value), s.site}); return;
    case ir::StmtKind::SplitPoint: emit({IOp::SplitPoint, 0, expr(*s.value), s.site}); return;
    // A policy replaces every Choose before a run (ir/ApplyPolicy.h), or the run is refused
    // (IrScenarioSource::cannotRun); a kernel compiled without one (the exact engine's, for
    // its globals; the fuzzers) takes the first alternative, as the JIT does.
    case ir::StmtKind::Choose:
      emit({IOp::Store, frameBase + s.index, expr(s.choices.empty() ? *s.value : *s.choices[0])});
      return;
    case ir::StmtKind::For: {
      // i = lo; end = hi; if i < end { do { body } while (++i < end) }: one instruction per
      // iteration besides the body.
      uint32_t i = frameBase + s.index, end = frameBase + s.aux;
      emit({IOp::Store, i, expr(*s.value)});
      emit({IOp::Store, end, expr(*s.bound)});
      uint32_t test = emit({IOp::ForTest, i, 0, s.site, end});
      uint32_t body = here();
      block(s.thenBlock);
      emit({IOp::ForNext, i, body, UINT32_MAX, end});
      c_.instrs[test].expr = here();
      return;
    }
  }
}

Op reportValueKind(Type t) {
  return t == Type::Int ? Op::IntToReal : t == Type::Bool ? Op::Not : Op::Const;
}

}  // namespace

Code compile(const ir::Module& m, const ir::Scenario& s) {
  Code code;
  Compiler c(m, code);
  c.scenario = &s;
  code.trialSlots = uint32_t(s.slots.size());
  code.eventCount = uint32_t(s.events.size());
  code.weighted = s.weighted;

  uint32_t base = code.trialSlots;
  for (const ir::Function& f : m.functions) {
    code.functions.push_back({0, base, f.argCount});
    base += uint32_t(f.slots.size());
  }
  code.frameSize = base;
  for (size_t i = 0; i < m.functions.size(); ++i) {
    c.frameBase = code.functions[i].frameBase;
    code.functions[i].entry = c.sequence(m.functions[i].body);
  }
  c.frameBase = 0;

  for (size_t i = 0; i < m.consts.size(); ++i)
    code.globals.push_back({GlobalCode::Eval, uint32_t(i), c.expr(*m.consts[i].init)});
  for (size_t i = 0; i < s.globals.size(); ++i) {
    const ir::Global& g = s.globals[i];
    GlobalCode gc{GlobalCode::Eval, uint32_t(m.consts.size() + i)};
    if (g.kind == ir::GlobalKind::Uncertain)
      gc.kind = GlobalCode::Uncertain;
    else if (g.kind == ir::GlobalKind::Pinned)
      gc.kind = GlobalCode::Pinned, gc.pins = g.pins;
    else
      gc.expr = c.expr(*g.init);
    code.globals.push_back(gc);
  }

  for (const ir::Array& a : s.arrays) code.arrays.push_back({c.expr(*a.length), a.site});
  code.trialInit = c.sequence(s.trialInit);
  for (const ir::Phase& p : s.phases) {
    PhaseCode pc;
    pc.isFor = p.form == ir::PhaseForm::For;
    pc.site = p.site;
    if (pc.isFor) {
      pc.count = c.expr(*p.count);
    } else {
      pc.cond = c.expr(*p.cond);
      pc.count = c.expr(*p.limit);
    }
    pc.skipQuiescent = p.skipQuiescent;
    pc.jumpsHazards = p.jumpsHazards;
    if (p.jumpsHazards && p.hazardSites > code.maxChoices) code.maxChoices = p.hazardSites;
    c.watchStores = p.skipQuiescent || p.jumpsHazards;
    c.choices = p.jumpsHazards;
    pc.body = c.sequence(p.body);
    c.watchStores = c.choices = false;
    code.phases.push_back(pc);
  }
  for (const ir::Report& r : s.reports) {
    ReportCode rc;
    rc.value = c.expr(*r.value);
    rc.valueKind = reportValueKind(r.value->type);
    rc.site = r.site;
    if (r.given) rc.hasGiven = true, rc.given = c.expr(*r.given);
    code.reports.push_back(rc);
  }
  return code;
}

}  // namespace omen::interp
