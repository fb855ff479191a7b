//===- Printer.cpp - The textual IR -----------------------------------------===//
#include "ir/Printer.h"

#include <charconv>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace omen::ir {

std::string formatReal(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, end);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

namespace {

const char* suffix(Type t) {
  switch (t) {
    case Type::Int: return ".i";
    case Type::Real: return ".r";
    case Type::Bool: return ".b";
    case Type::Unknown: return ".?";
  }
  return ".?";
}

std::string siteTag(uint32_t site) {
  return site == kNoSite ? std::string() : "[s" + std::to_string(site) + "]";
}

std::string quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

/// Prints within one frame: a function's, or a scenario's trial frame.
class Printer {
 public:
  Printer(std::ostream& out, const Module& m, const Scenario* s, const std::vector<Slot>& slots)
      : out_(out), m_(m), s_(s), slots_(slots) {}

  std::string global(uint32_t g) const {
    uint32_t total = s_ ? m_.globalCount(*s_) : uint32_t(m_.consts.size());
    std::string name = g < total ? (s_ ? m_.global(*s_, g) : m_.consts[g]).name : "?";
    return "@" + std::to_string(g) + ":" + name;
  }
  std::string slot(uint32_t i) const {
    return "%" + std::to_string(i) + ":" + (i < slots_.size() ? slots_[i].name : "?");
  }
  std::string array(uint32_t i) const {
    return "$" + std::to_string(i) + ":" + (s_ && i < s_->arrays.size() ? s_->arrays[i].name : "?");
  }
  std::string event(uint32_t i) const {
    return "#" + std::to_string(i) + ":" + (s_ && i < s_->events.size() ? s_->events[i] : "?");
  }

  // Every cell, so that two tables print alike only when they are alike (a JIT kernel's
  // cache key is this text, backend/llvm/KernelKey.h).
  static std::string table(const Expr& e) {
    if (!e.table) return "{?}";
    const LookupTable& t = *e.table;
    std::string out = "{";
    for (size_t r = 0; r < t.rows(); ++r) {
      const int64_t* row = t.cells.data() + r * (t.width + 1);
      for (uint32_t k = 0; k < t.width; ++k) out += std::to_string(row[k]) + " ";
      out += "-> " + std::to_string(row[t.width]) + (r + 1 < t.rows() ? "; " : "");
    }
    return out + "}";
  }

  std::string expr(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::Const:
        if (e.type == Type::Real) return formatReal(e.realValue);
        if (e.type == Type::Bool) return e.intValue ? "true" : "false";
        return std::to_string(e.intValue);
      case ExprKind::LoadGlobal: return global(e.index);
      case ExprKind::LoadSlot: return slot(e.index);
      case ExprKind::EventHappened: return event(e.index);
      case ExprKind::EventTime: return "time(" + event(e.index) + ")";
      case ExprKind::Clock: return e.clock == Clock::GlobalStep ? "t" : "step";
      case ExprKind::Unary:
        if (e.unaryOp == UnaryOp::Not) return call("not", e);
        return call(std::string("neg") + suffix(e.type), e);
      case ExprKind::Binary: {
        Type operand = e.operands.empty() ? Type::Unknown : e.operands[0]->type;
        if (e.binaryOp == BinaryOp::Div) return call("div", e);
        return call(std::string(spelling(e.binaryOp)) + suffix(operand), e);
      }
      case ExprKind::And: return call("and", e);
      case ExprKind::Or: return call("or", e);
      case ExprKind::Select: return call("select", e);
      case ExprKind::CallBuiltin: {
        const BuiltinInfo& b = builtin(e.builtin);
        std::string name(b.name);
        if (b.ret == 'N' || b.args.find('N') != std::string_view::npos) name += e.intForm ? ".i" : ".r";
        return call(name, e);
      }
      case ExprKind::CallFunction: {
        std::string name = e.index < m_.functions.size() ? m_.functions[e.index].name : "?";
        return call("call f" + std::to_string(e.index) + ":" + name, e);
      }
      case ExprKind::IntToReal: return call("real", e);
      case ExprKind::LoadElement: return call("elem " + array(e.index), e);
      case ExprKind::ArrayLength: return "len(" + array(e.index) + ")";
      case ExprKind::Reduce: return call(std::string(spelling(e.reduceOp)) + suffix(e.type) + " " + array(e.index), e);
      case ExprKind::Lookup: return call("lookup" + std::string(suffix(e.type)) + " " + table(e), e);
    }
    return "?";
  }

  void block(const Block& b, int depth) const {
    for (const StmtPtr& s : b) stmt(*s, depth);
  }

  void stmt(const Stmt& s, int depth) const {
    std::string pad(2 * depth, ' ');
    switch (s.kind) {
      case StmtKind::Let: out_ << pad << "let " << slot(s.index) << " = " << expr(*s.value) << "\n"; return;
      case StmtKind::Store: out_ << pad << "store " << slot(s.index) << " = " << expr(*s.value) << "\n"; return;
      case StmtKind::Trigger: out_ << pad << "trigger " << event(s.index) << "\n"; return;
      case StmtKind::End: out_ << pad << "end\n"; return;
      case StmtKind::Stop: out_ << pad << "stop\n"; return;
      case StmtKind::Return: out_ << pad << "return " << expr(*s.value) << "\n"; return;
      case StmtKind::Factor: out_ << pad << "factor" << siteTag(s.site) << " " << expr(*s.value) << "\n"; return;
      case StmtKind::SplitPoint: out_ << pad << "split_point " << expr(*s.value) << "\n"; return;
      case StmtKind::Choose: {
        out_ << pad << "choose" << siteTag(s.site) << " " << slot(s.index) << " in ";
        if (s.choices.empty()) {
          out_ << expr(*s.value) << " .. " << expr(*s.bound);
        } else {
          out_ << "{";
          for (size_t i = 0; i < s.choices.size(); ++i) out_ << (i ? ", " : "") << expr(*s.choices[i]);
          out_ << "}";
        }
        if (!s.visible.empty()) {
          out_ << " seeing";
          for (uint32_t v : s.visible) out_ << " " << slot(v);
        }
        out_ << "\n";
        return;
      }
      case StmtKind::StoreElement:
        out_ << pad << "store " << array(s.index) << siteTag(s.site) << "[" << expr(*s.subscript) << "] = " << expr(*s.value)
             << "\n";
        return;
      case StmtKind::TriggerElement:
        out_ << pad << "trigger " << array(s.index) << siteTag(s.site) << "[" << expr(*s.subscript) << "]\n";
        return;
      case StmtKind::For:
        out_ << pad << "for" << siteTag(s.site) << " " << slot(s.index) << " in " << expr(*s.value) << " .. " << slot(s.aux) << " = "
             << expr(*s.bound) << " {\n";
        block(s.thenBlock, depth + 1);
        out_ << pad << "}\n";
        return;
      case StmtKind::If:
      case StmtKind::WithProbability:
        out_ << pad << (s.kind == StmtKind::If ? "if " : "with probability" + siteTag(s.site) + " ")
             << expr(*s.value) << " {\n";
        block(s.thenBlock, depth + 1);
        if (!s.elseBlock.empty()) {
          out_ << pad << "} else {\n";
          block(s.elseBlock, depth + 1);
        }
        out_ << pad << "}\n";
        return;
    }
  }

 private:
  std::string call(const std::string& name, const Expr& e) const {
    std::string s = name + siteTag(e.site) + "(";
    for (size_t i = 0; i < e.operands.size(); ++i) s += (i ? ", " : "") + expr(*e.operands[i]);
    return s + ")";
  }

  std::ostream& out_;
  const Module& m_;
  const Scenario* s_;
  const std::vector<Slot>& slots_;
};

const char* slotKindName(SlotKind k) {
  switch (k) {
    case SlotKind::Arg: return "arg";
    case SlotKind::Param: return "param";
    case SlotKind::State: return "state";
    case SlotKind::Local: return "local";
  }
  return "?";
}

const char* reportKindName(ReportKind k) {
  switch (k) {
    case ReportKind::Probability: return "P";
    case ReportKind::Mean: return "E";
    case ReportKind::Quantiles: return "quantiles";
  }
  return "?";
}

void printGlobal(std::ostream& out, const Printer& p, uint32_t slot, const Global& g) {
  out << "  global " << p.global(slot) << " : " << typeName(g.type);
  switch (g.kind) {
    case GlobalKind::Const: out << " const = " << (g.init ? p.expr(*g.init) : "?"); break;
    case GlobalKind::FixedParam: out << " param = " << (g.init ? p.expr(*g.init) : "?"); break;
    case GlobalKind::Uncertain: out << " uncertain"; break;
    case GlobalKind::Pinned: out << " pins " << p.global(g.pins); break;
  }
  out << "\n";
}

void printFunction(std::ostream& out, const Module& m, uint32_t index) {
  const Function& f = m.functions[index];
  Printer p(out, m, nullptr, f.slots);
  out << "fn f" << index << ":" << f.name << "(";
  for (uint32_t i = 0; i < f.argCount && i < f.slots.size(); ++i)
    out << (i ? ", " : "") << p.slot(i) << " : " << typeName(f.slots[i].type);
  out << ") -> " << typeName(f.returnType) << " {\n";
  for (uint32_t i = f.argCount; i < f.slots.size(); ++i)
    out << "  slot " << p.slot(i) << " : " << typeName(f.slots[i].type) << " local\n";
  p.block(f.body, 1);
  out << "}\n";
}

void printScenario(std::ostream& out, const Module& m, const Scenario& s) {
  Printer p(out, m, &s, s.slots);
  out << "scenario " << s.name << " {";
  // The decisions of ir/TrialLanes.h and ir/Exactness.h, as a comment so that the line
  // reads as before. A module built by hand has neither.
  std::vector<std::string> notes;
  if (s.runsInLanes)
    notes.push_back("trials run in vector lanes");
  else if (!s.trialLanes.empty())
    notes.push_back("one trial at a time: " + s.trialLanes);
  if (s.exact) {
    std::string pins;
    for (const std::string& name : s.exactPins) pins += " " + name;
    notes.push_back(pins.empty() ? "exact engine: eligible" : "exact engine: eligible with" + pins + " pinned (a continuous prior)");
  } else if (!s.exactness.empty()) {
    notes.push_back("exact engine refuses: " + s.exactness);
  }
  for (size_t i = 0; i < notes.size(); ++i) out << (i ? "; " : "  ; ") << notes[i];
  out << "\n";
  if (s.weighted) out << "  weighted\n";
  for (size_t i = 0; i < s.globals.size(); ++i)
    printGlobal(out, p, uint32_t(m.consts.size() + i), s.globals[i]);
  for (size_t i = 0; i < s.slots.size(); ++i)
    out << "  slot " << p.slot(uint32_t(i)) << " : " << typeName(s.slots[i].type) << " "
        << slotKindName(s.slots[i].kind) << "\n";
  for (const Param& param : s.params)
    if (param.hasRange)
      out << "  range " << p.global(param.global) << " in [" << formatReal(param.lo) << ", " << formatReal(param.hi)
          << "]\n";
  for (size_t i = 0; i < s.events.size(); ++i) out << "  event " << p.event(uint32_t(i)) << "\n";
  for (size_t i = 0; i < s.arrays.size(); ++i)
    out << "  array " << p.array(uint32_t(i)) << siteTag(s.arrays[i].site) << " : " << typeName(s.arrays[i].type)
        << "[" << (s.arrays[i].length ? p.expr(*s.arrays[i].length) : "?") << "]\n";
  out << "  init {\n";
  p.block(s.trialInit, 2);
  out << "  }\n";
  for (const Phase& ph : s.phases) {
    out << "  phase " << ph.name << siteTag(ph.site);
    if (ph.form == PhaseForm::For)
      out << " for " << (ph.count ? p.expr(*ph.count) : "?");
    else
      out << " until " << (ph.cond ? p.expr(*ph.cond) : "?") << " limit "
          << (ph.limit ? p.expr(*ph.limit) : "?");
    // The decisions of ir/Hazards.h and ir/Quiescence.h, as comments so that the phase line
    // reads as before. A jump over failed choices includes the quiescent skip.
    out << " {";
    if (ph.jumpsHazards)
      out << "  ; jumps over steps whose " << ph.hazardSites << (ph.hazardSites == 1 ? " choice" : " choices")
          << " all fail";
    else if (ph.skipQuiescent)
      out << "  ; skips quiescent steps";
    else if (!ph.quiescence.empty())
      out << "  ; runs every step: " << ph.quiescence;
    if (!ph.hazards.empty() && ph.hazards != ph.quiescence) out << "; no hazard jump: " << ph.hazards;
    out << "\n";
    p.block(ph.body, 2);
    out << "  }\n";
  }
  for (const Report& r : s.reports) {
    out << "  report " << reportKindName(r.kind) << siteTag(r.site) << " " << quoted(r.label) << " = "
        << (r.value ? p.expr(*r.value) : "?");
    if (r.given) out << " given " << p.expr(*r.given);
    for (double level : r.levels) out << " level " << formatReal(level);
    if (r.expectation) out << " expect " << quoted(r.expectation->bound);
    out << "\n";
  }
  out << "}\n";
}

}  // namespace

void print(std::ostream& out, const Module& m, const SourceManager* sm) {
  std::vector<Slot> none;
  Printer p(out, m, nullptr, none);
  for (size_t i = 0; i < m.consts.size(); ++i)
    out << "const " << p.global(uint32_t(i)) << " : " << typeName(m.consts[i].type) << " = "
        << (m.consts[i].init ? p.expr(*m.consts[i].init) : "?") << "\n";
  for (size_t i = 0; i < m.functions.size(); ++i) {
    if (i || !m.consts.empty()) out << "\n";
    printFunction(out, m, uint32_t(i));
  }
  for (const Scenario& s : m.scenarios) {
    if (&s != &m.scenarios.front() || !m.consts.empty() || !m.functions.empty()) out << "\n";
    printScenario(out, m, s);
  }
  if (m.sites.empty()) return;
  out << "\nsites {\n";
  for (size_t i = 0; i < m.sites.size(); ++i) {
    const Site& s = m.sites[i];
    out << "  s" << i << " " << quoted(s.what) << " at ";
    if (sm && s.range.begin.file < sm->size())
      out << sm->name(s.range.begin.file);
    else
      out << "file" << s.range.begin.file;
    out << ":" << s.range.begin.line << ":" << s.range.begin.col << "\n";
  }
  out << "}\n";
}

std::string toString(const Module& m, const SourceManager* sm) {
  std::ostringstream os;
  print(os, m, sm);
  return os.str();
}

}  // namespace omen::ir
