//===- AstPrinter.cpp - Deterministic, readable dumps of the AST ----------===//
#include "frontend/ast/AstPrinter.h"

#include <charconv>
#include <string>

namespace omen::ast {

namespace {

/// Shortest text that reads back as the same double, always recognisable as a real.
std::string realText(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // "n": inf and nan
  return s;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

class Printer {
 public:
  Printer(std::ostream& out, bool typed) : out_(out), typed_(typed) {}

  void module(const Module& m, const SourceManager& sm) {
    line(0) << "module " << quoted(sm.name(m.file)) << '\n';
    for (const TopDeclPtr& d : m.decls) topDecl(*d, 1);
  }

  void program(const Program& p, const SourceManager& sm) {
    line(0) << "program " << quoted(sm.name(p.mainFile)) << '\n';
    for (const auto& m : p.modules) line(1) << "module " << quoted(sm.name(m->file)) << '\n';
    for (const ConstDecl* c : p.consts) topDecl(*c, 1);
    for (const FnDecl* f : p.functions) topDecl(*f, 1);
    for (const auto& s : p.scenarios) {
      std::ostream& o = line(1) << "scenario " << s->name;
      for (size_t i = 0; i < s->bases.size(); ++i) o << (i == 0 ? " extends " : ", ") << s->bases[i];
      if (s->decl) at(s->decl->range);
      o << '\n';
      for (const MemberPtr& m : s->members) member(*m, 2);
    }
  }

  void expr(const Expr& e, int depth, const char* role = nullptr) {
    std::ostream& o = line(depth);
    if (role) o << role << ": ";
    switch (e.kind) {
      case ExprKind::Number: {
        const auto& n = static_cast<const NumberExpr&>(e);
        o << "number " << n.spelling << " = " << (n.isInt ? std::to_string(n.intValue) : realText(n.realValue));
        break;
      }
      case ExprKind::Bool: o << "bool " << (static_cast<const BoolExpr&>(e).value ? "true" : "false"); break;
      case ExprKind::Name: {
        const auto& n = static_cast<const NameExpr&>(e);
        o << "name " << n.name;
        if (typed_ && n.target) o << " -> " << describe(n.target->declKind);
        break;
      }
      case ExprKind::Clock:
        o << "clock " << (static_cast<const ClockExpr&>(e).which == ClockExpr::GlobalStep ? "t" : "step");
        break;
      case ExprKind::Unary: o << "unary " << (static_cast<const UnaryExpr&>(e).op == UnaryOp::Neg ? "-" : "not"); break;
      case ExprKind::Binary: o << "binary " << spelling(static_cast<const BinaryExpr&>(e).op); break;
      case ExprKind::If: o << "if-then-else"; break;
      case ExprKind::Call: {
        const auto& c = static_cast<const CallExpr&>(e);
        o << "call " << c.callee;
        if (!c.fitted.empty()) o << " [" << c.fitted << "]";
        if (typed_ && c.function) o << " -> fn";
        else if (typed_ && c.builtin >= 0) o << " -> builtin";
        break;
      }
      case ExprKind::Time: o << "time"; break;
      case ExprKind::Index: o << "index"; break;
      case ExprKind::Reduce: o << "reduce " << spelling(static_cast<const ReduceExpr&>(e).op); break;
      case ExprKind::Cast: {
        const auto& c = static_cast<const CastExpr&>(e);
        o << "cast " << typeName(c.operand->type) << "->" << typeName(c.type);
        break;
      }
    }
    if (typed_) {
      // Event references in `trigger` and `time(e)` are names, not values: sema gives them no type.
      if (e.type != Type::Unknown) o << " : " << typeName(e.type);
      if (e.draws) o << " draws";
    }
    at(e.range);
    o << '\n';
    switch (e.kind) {
      case ExprKind::Unary: expr(*static_cast<const UnaryExpr&>(e).operand, depth + 1); break;
      case ExprKind::Binary: {
        const auto& b = static_cast<const BinaryExpr&>(e);
        expr(*b.lhs, depth + 1);
        expr(*b.rhs, depth + 1);
        break;
      }
      case ExprKind::If: {
        const auto& i = static_cast<const IfExpr&>(e);
        expr(*i.cond, depth + 1, "if");
        expr(*i.thenExpr, depth + 1, "then");
        expr(*i.elseExpr, depth + 1, "else");
        break;
      }
      case ExprKind::Call:
        for (const ExprPtr& a : static_cast<const CallExpr&>(e).args) expr(*a, depth + 1);
        break;
      case ExprKind::Time: {
        const auto& t = static_cast<const TimeExpr&>(e);
        expr(*t.event, depth + 1);
        if (t.index) expr(*t.index, depth + 1, "index");
        break;
      }
      case ExprKind::Index: {
        const auto& i = static_cast<const IndexExpr&>(e);
        expr(*i.array, depth + 1);
        expr(*i.index, depth + 1, "index");
        break;
      }
      case ExprKind::Reduce: expr(*static_cast<const ReduceExpr&>(e).array, depth + 1); break;
      case ExprKind::Cast: expr(*static_cast<const CastExpr&>(e).operand, depth + 1); break;
      case ExprKind::Number:  // leaves
      case ExprKind::Bool:
      case ExprKind::Name:
      case ExprKind::Clock: break;
    }
  }

 private:
  std::ostream& line(int depth) {
    for (int i = 0; i < depth; ++i) out_ << "  ";
    return out_;
  }

  void at(const SourceRange& r) {
    if (r.valid()) out_ << " @" << r.begin.line << ':' << r.begin.col;
  }

  void typeOf(const NamedDecl& d) {
    if (typed_) out_ << " : " << typeName(d.type);
  }

  void topDecl(const TopDecl& d, int depth) {
    switch (d.topKind) {
      case TopKind::Import: {
        const auto& i = static_cast<const ImportDecl&>(d);
        line(depth) << "import " << (i.isStd ? i.target : quoted(i.target));
        at(d.range);
        out_ << '\n';
        break;
      }
      case TopKind::Const: {
        const auto& c = static_cast<const ConstDecl&>(d);
        line(depth) << "const " << c.name;
        typeOf(c);
        at(d.range);
        out_ << '\n';
        expr(*c.init, depth + 1);
        break;
      }
      case TopKind::Fn: {
        const auto& f = static_cast<const FnDecl&>(d);
        std::ostream& o = line(depth) << "fn " << f.name << '(';
        for (size_t i = 0; i < f.args.size(); ++i)
          o << (i ? ", " : "") << f.args[i]->name << ": " << typeName(f.args[i]->type);
        o << ") -> " << typeName(f.type);
        if (typed_ && f.draws) o << " draws";
        at(d.range);
        o << '\n';
        if (f.exprBody) expr(*f.exprBody, depth + 1, "body");
        if (f.blockBody) stmt(*f.blockBody, depth + 1);
        break;
      }
      case TopKind::Scenario: {
        const auto& s = static_cast<const ScenarioDecl&>(d);
        line(depth) << "scenario " << s.name;
        if (!s.base.empty()) out_ << " extends " << s.base;
        at(d.range);
        out_ << '\n';
        for (const MemberPtr& m : s.members) member(*m, depth + 1);
        break;
      }
    }
  }

  void member(const Member& m, int depth) {
    switch (m.memberKind) {
      case MemberKind::Param: {
        const auto& p = static_cast<const ParamDecl&>(m);
        line(depth) << (p.epistemic ? "epistemic " : "param ") << p.name << (p.uncertain ? " ~" : " =");
        typeOf(p);
        if (p.valueRange) out_ << " in [" << p.valueRange->lo.spelling << ", " << p.valueRange->hi.spelling << "]";
        at(m.range);
        out_ << '\n';
        expr(*p.init, depth + 1);
        break;
      }
      case MemberKind::State: {
        const auto& s = static_cast<const StateDecl&>(m);
        line(depth) << "state " << s.name << (s.length ? "[]" : "");
        typeOf(s);
        at(m.range);
        out_ << '\n';
        if (s.length) expr(*s.length, depth + 1, "length");
        expr(*s.init, depth + 1);
        break;
      }
      case MemberKind::Event: {
        const auto& e = static_cast<const EventDecl&>(m);
        line(depth) << "event " << e.name << (e.length ? "[]" : "");
        at(m.range);
        out_ << '\n';
        if (e.length) expr(*e.length, depth + 1, "length");
        break;
      }
      case MemberKind::Phase: {
        const auto& p = static_cast<const PhaseDecl&>(m);
        line(depth) << "phase " << p.name << (p.form == PhaseDecl::For ? " for" : " until");
        at(m.range);
        out_ << '\n';
        if (p.count) expr(*p.count, depth + 1, "count");
        if (p.cond) expr(*p.cond, depth + 1, "until");
        if (p.limit) expr(*p.limit, depth + 1, "limit");
        if (p.body) stmt(*p.body, depth + 1);
        break;
      }
      case MemberKind::Report: {
        const auto& r = static_cast<const ReportDecl&>(m);
        static const char* kinds[] = {"P", "E", "quantiles"};
        line(depth) << (r.expectation ? "expect " : "report ") << kinds[r.reportKind]
                    << (r.explicitLabel ? " as " : " label ") << quoted(r.label);
        for (double level : r.levels) out_ << " level " << realText(level);
        if (r.expectation) out_ << " bound " << quoted(r.expectation->bound);
        at(m.range);
        out_ << '\n';
        expr(*r.value, depth + 1, "value");
        if (r.given) expr(*r.given, depth + 1, "given");
        break;
      }
    }
  }

  void stmt(const Stmt& s, int depth, const char* role = nullptr) {
    std::ostream& o = line(depth);
    if (role) o << role << ": ";
    switch (s.kind) {
      case StmtKind::Block: {
        o << "block";
        at(s.range);
        o << '\n';
        for (const StmtPtr& c : static_cast<const BlockStmt&>(s).stmts) stmt(*c, depth + 1);
        return;
      }
      case StmtKind::Let: {
        const auto& l = static_cast<const LetStmt&>(s);
        o << "let " << l.name;
        typeOf(l);
        at(s.range);
        o << '\n';
        expr(*l.init, depth + 1);
        return;
      }
      case StmtKind::Assign: {
        const auto& a = static_cast<const AssignStmt&>(s);
        o << "assign";
        at(s.range);
        o << '\n';
        expr(*a.target, depth + 1, "target");
        if (a.index) expr(*a.index, depth + 1, "index");
        expr(*a.value, depth + 1, "value");
        return;
      }
      case StmtKind::If: {
        const auto& i = static_cast<const IfStmt&>(s);
        o << "if";
        at(s.range);
        o << '\n';
        expr(*i.cond, depth + 1, "cond");
        stmt(*i.thenBlock, depth + 1, "then");
        if (i.elseStmt) stmt(*i.elseStmt, depth + 1, "else");
        return;
      }
      case StmtKind::WithProbability: {
        const auto& w = static_cast<const WithProbabilityStmt&>(s);
        o << "with probability";
        at(s.range);
        o << '\n';
        expr(*w.probability, depth + 1, "p");
        stmt(*w.thenBlock, depth + 1, "then");
        if (w.elseStmt) stmt(*w.elseStmt, depth + 1, "else");
        return;
      }
      case StmtKind::Trigger:
        o << "trigger";
        at(s.range);
        o << '\n';
        expr(*static_cast<const TriggerStmt&>(s).event, depth + 1);
        if (const auto& i = static_cast<const TriggerStmt&>(s).index) expr(*i, depth + 1, "index");
        return;
      case StmtKind::For: {
        const auto& f = static_cast<const ForStmt&>(s);
        o << "for " << f.name;
        at(s.range);
        o << '\n';
        expr(*f.lo, depth + 1, "from");
        expr(*f.hi, depth + 1, "to");
        stmt(*f.body, depth + 1);
        return;
      }
      case StmtKind::Observe: {
        const auto& ob = static_cast<const ObserveStmt&>(s);
        o << "observe";
        at(s.range);
        o << '\n';
        expr(*ob.value, depth + 1, "value");
        if (ob.dist) expr(*ob.dist, depth + 1, "dist");
        return;
      }
      case StmtKind::End: o << "end"; break;
      case StmtKind::Stop: o << "stop"; break;
      case StmtKind::Return:
        o << "return";
        at(s.range);
        o << '\n';
        expr(*static_cast<const ReturnStmt&>(s).value, depth + 1);
        return;
    }
    at(s.range);
    o << '\n';
  }

  std::ostream& out_;
  bool typed_;
};

}  // namespace

void printModule(const Module& module, const SourceManager& sm, std::ostream& out) {
  Printer(out, false).module(module, sm);
}

void printProgram(const Program& program, const SourceManager& sm, std::ostream& out) {
  Printer(out, true).program(program, sm);
}

void printExpr(const Expr& expr, std::ostream& out, bool typed, int indent) { Printer(out, typed).expr(expr, indent); }

}  // namespace omen::ast
