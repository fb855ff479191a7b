//===- ParserTest.cpp - AST shapes, precedence, literals, labels, ranges ---===//
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "frontend/ast/AstPrinter.h"
#include "tests/unit/frontend/ParserTestSupport.h"

namespace omen {
namespace {

using namespace ast;
using test::constInit;
using test::parse;
using test::sexpr;

std::string exprOf(const std::string& source) {
  auto p = parse("const x = " + source);
  const Expr* e = constInit(*p);
  if (!p->ok() || !e) return "error: " + p->errors();
  return sexpr(*e);
}

TEST(ParserTest, EmptyFileIsAnEmptyModule) {
  for (const char* text : {"", "\n\n", "  // only a comment\n", "/* block */", ";;;"}) {
    auto p = parse(text);
    EXPECT_TRUE(p->ok()) << text << "\n" << p->errors();
    ASSERT_NE(p->module, nullptr);
    EXPECT_TRUE(p->module->decls.empty());
  }
}

TEST(ParserTest, ExamplesParseWithoutErrors) {
  for (const char* name : {"early_stopping.omen", "online_learning.omen", "premises.omen"}) {
    std::ifstream in(std::string(OMEN_SOURCE_DIR) + "/examples/" + name);
    ASSERT_TRUE(in) << name;
    std::stringstream ss;
    ss << in.rdbuf();
    auto p = parse(ss.str(), name);
    EXPECT_TRUE(p->ok()) << name << "\n" << p->errors();
    EXPECT_FALSE(p->module->decls.empty()) << name;
  }
}

TEST(ParserTest, Imports) {
  auto p = parse("import std.scaling\nimport \"lib/my file.omen\"");
  ASSERT_TRUE(p->ok()) << p->errors();
  ASSERT_EQ(p->module->decls.size(), 2u);
  auto* a = dyn_cast<ImportDecl>(p->module->decls[0].get());
  auto* b = dyn_cast<ImportDecl>(p->module->decls[1].get());
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(a->isStd);
  EXPECT_EQ(a->target, "std.scaling");
  EXPECT_EQ(a->targetRange.begin.col, 8u);
  EXPECT_FALSE(b->isStd);
  EXPECT_EQ(b->target, "lib/my file.omen");
}

TEST(ParserTest, Functions) {
  auto p = parse(
      "fn f(a: real, b: int) -> real = a * b\n"
      "fn g() -> bool {\n  let x = 1; if x > 0 { return true } else { return false }\n}\n");
  ASSERT_TRUE(p->ok()) << p->errors();
  ASSERT_EQ(p->module->decls.size(), 2u);
  auto* f = dyn_cast<FnDecl>(p->module->decls[0].get());
  ASSERT_TRUE(f);
  EXPECT_EQ(f->name, "f");
  ASSERT_EQ(f->args.size(), 2u);
  EXPECT_EQ(f->args[0]->name, "a");
  EXPECT_EQ(f->args[0]->type, Type::Real);
  EXPECT_EQ(f->args[1]->type, Type::Int);
  EXPECT_EQ(f->args[1]->typeRange.begin.col, 18u);
  EXPECT_EQ(f->type, Type::Real);
  EXPECT_EQ(f->returnTypeRange.begin.col, 26u);
  ASSERT_TRUE(f->exprBody);
  EXPECT_EQ(sexpr(*f->exprBody), "(* a b)");
  auto* g = dyn_cast<FnDecl>(p->module->decls[1].get());
  ASSERT_TRUE(g && g->blockBody);
  EXPECT_EQ(g->type, Type::Bool);
  ASSERT_EQ(g->blockBody->stmts.size(), 2u);
  EXPECT_TRUE(isa<LetStmt>(g->blockBody->stmts[0].get()));
  auto* branch = dyn_cast<IfStmt>(g->blockBody->stmts[1].get());
  ASSERT_TRUE(branch && branch->elseStmt);
  EXPECT_TRUE(isa<BlockStmt>(branch->elseStmt.get()));
  EXPECT_TRUE(isa<ReturnStmt>(branch->thenBlock->stmts[0].get()));
}

TEST(ParserTest, ScenarioMembers) {
  auto p = parse(
      "scenario base {}\n"
      "scenario s extends base {\n"
      "  param a = 50%; param b ~ beta(2, 8)\n"
      "  state x = 0\n"
      "  event e\n"
      "  phase one for 10 { x = x + 1 }\n"
      "  phase two until e limit 1_000 { trigger e; stop }\n"
      "  phase three until x > 3 { end }\n"
      "  report P(e)\n"
      "  report E(x | e) as \"mean x\"\n"
      "  report quantiles(time(e) | e)\n"
      "}\n");
  ASSERT_TRUE(p->ok()) << p->errors();
  ASSERT_EQ(p->module->decls.size(), 2u);
  auto* s = dyn_cast<ScenarioDecl>(p->module->decls[1].get());
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "s");
  EXPECT_EQ(s->base, "base");
  EXPECT_EQ(s->baseRange.begin.col, 20u);
  ASSERT_EQ(s->members.size(), 10u);
  auto* a = dyn_cast<ParamDecl>(s->members[0].get());
  auto* b = dyn_cast<ParamDecl>(s->members[1].get());
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(a->uncertain);
  EXPECT_TRUE(b->uncertain);
  EXPECT_EQ(sexpr(*b->init), "(beta 2 8)");
  EXPECT_TRUE(isa<StateDecl>(s->members[2].get()));
  EXPECT_TRUE(isa<EventDecl>(s->members[3].get()));
  auto* one = dyn_cast<PhaseDecl>(s->members[4].get());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->form, PhaseDecl::For);
  EXPECT_EQ(one->name, "one");
  EXPECT_EQ(sexpr(*one->count), "10");
  EXPECT_TRUE(isa<AssignStmt>(one->body->stmts[0].get()));
  auto* two = dyn_cast<PhaseDecl>(s->members[5].get());
  ASSERT_TRUE(two && two->limit);
  EXPECT_EQ(two->form, PhaseDecl::Until);
  EXPECT_EQ(sexpr(*two->cond), "e");
  EXPECT_EQ(sexpr(*two->limit), "1_000");
  ASSERT_EQ(two->body->stmts.size(), 2u);
  EXPECT_TRUE(isa<TriggerStmt>(two->body->stmts[0].get()));
  EXPECT_TRUE(isa<StopStmt>(two->body->stmts[1].get()));
  auto* three = dyn_cast<PhaseDecl>(s->members[6].get());
  ASSERT_TRUE(three);
  EXPECT_EQ(three->limit, nullptr);
  EXPECT_TRUE(isa<EndStmt>(three->body->stmts[0].get()));
  auto* r1 = dyn_cast<ReportDecl>(s->members[7].get());
  auto* r2 = dyn_cast<ReportDecl>(s->members[8].get());
  auto* r3 = dyn_cast<ReportDecl>(s->members[9].get());
  ASSERT_TRUE(r1 && r2 && r3);
  EXPECT_EQ(r1->reportKind, ReportDecl::Probability);
  EXPECT_EQ(r1->given, nullptr);
  EXPECT_EQ(r1->label, "P(e)");
  EXPECT_FALSE(r1->explicitLabel);
  EXPECT_EQ(r2->reportKind, ReportDecl::Mean);
  EXPECT_EQ(r2->label, "mean x");
  EXPECT_TRUE(r2->explicitLabel);
  ASSERT_TRUE(r2->given);
  EXPECT_EQ(r3->reportKind, ReportDecl::Quantiles);
  EXPECT_EQ(sexpr(*r3->value), "(time e)");
  EXPECT_EQ(r3->label, "quantiles(time(e) | e)");
}

TEST(ParserTest, ElseChains) {
  auto p = parse(
      "scenario s { phase p for 1 {\n"
      "  if a { end } else if b { stop } else with probability 0.5 { end } else { stop }\n"
      "  with probability q { end } else if c { end }\n"
      "} }");
  ASSERT_TRUE(p->ok()) << p->errors();
  auto* s = cast<ScenarioDecl>(p->module->decls[0].get());
  auto* phase = cast<PhaseDecl>(s->members[0].get());
  ASSERT_EQ(phase->body->stmts.size(), 2u);
  auto* i1 = dyn_cast<IfStmt>(phase->body->stmts[0].get());
  ASSERT_TRUE(i1);
  auto* i2 = dyn_cast<IfStmt>(i1->elseStmt.get());
  ASSERT_TRUE(i2);
  EXPECT_EQ(sexpr(*i2->cond), "b");
  EXPECT_EQ(i2->range.begin.col, 21u);  // from its `if` to the end of the chain
  auto* w = dyn_cast<WithProbabilityStmt>(i2->elseStmt.get());
  ASSERT_TRUE(w);
  EXPECT_TRUE(isa<BlockStmt>(w->elseStmt.get()));
  auto* w2 = dyn_cast<WithProbabilityStmt>(phase->body->stmts[1].get());
  ASSERT_TRUE(w2);
  EXPECT_TRUE(isa<IfStmt>(w2->elseStmt.get()));
}

TEST(ParserTest, SemicolonsAreOptionalSeparators) {
  auto p = parse("scenario s { event e; event f;; state x = 1 ; phase p for 2 { x = 2; trigger e;;end } ; }");
  ASSERT_TRUE(p->ok()) << p->errors();
  auto* s = cast<ScenarioDecl>(p->module->decls[0].get());
  EXPECT_EQ(s->members.size(), 4u);
}

TEST(ParserTest, Precedence) {
  EXPECT_EQ(exprOf("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(exprOf("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(exprOf("a / b * c"), "(* (/ a b) c)");
  EXPECT_EQ(exprOf("-2 ^ 2"), "(neg (^ 2 2))");
  EXPECT_EQ(exprOf("2 ^ 3 ^ 2"), "(^ 2 (^ 3 2))");
  EXPECT_EQ(exprOf("2 ^ -1"), "(^ 2 (neg 1))");
  EXPECT_EQ(exprOf("a ^ -b ^ c"), "(^ a (neg (^ b c)))");
  EXPECT_EQ(exprOf("-a * b"), "(* (neg a) b)");
  EXPECT_EQ(exprOf("- - a"), "(neg (neg a))");
  EXPECT_EQ(exprOf("a + 1 < b * 2"), "(< (+ a 1) (* b 2))");
  EXPECT_EQ(exprOf("not a == b"), "(not (== a b))");
  EXPECT_EQ(exprOf("not a and b"), "(and (not a) b)");
  EXPECT_EQ(exprOf("a or b and not c"), "(or a (and b (not c)))");
  EXPECT_EQ(exprOf("a and b or c and d"), "(or (and a b) (and c d))");
  EXPECT_EQ(exprOf("if a then 1 else 2 + 3"), "(if a 1 (+ 2 3))");
  EXPECT_EQ(exprOf("if a or b then x else if c then y else z"), "(if (or a b) x (if c y z))");
  EXPECT_EQ(exprOf("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(exprOf("f(1, g(x), -y)"), "(f 1 (g x) (neg y))");
  EXPECT_EQ(exprOf("f()"), "(f)");
  EXPECT_EQ(exprOf("t * step + time(e)"), "(+ (* t step) (time e))");
  EXPECT_EQ(exprOf("true != false"), "(!= true false)");
  EXPECT_EQ(exprOf("a <= b"), "(<= a b)");
  EXPECT_EQ(exprOf("a - -b"), "(- a (neg b))");
  EXPECT_EQ(exprOf("a * -b ^ 2"), "(* a (neg (^ b 2)))");
  EXPECT_EQ(exprOf("not a or b"), "(or (not a) b)");
  EXPECT_EQ(exprOf("a and not b == c"), "(and a (not (== b c)))");
  EXPECT_EQ(exprOf("1 + 2 * 3 ^ 2 ^ 2 - 4 / 5"), "(- (+ 1 (* 2 (^ 3 (^ 2 2)))) (/ 4 5))");
  EXPECT_EQ(exprOf("a < b + c * d or e"), "(or (< a (+ b (* c d))) e)");
  EXPECT_EQ(exprOf("a >= b"), "(>= a b)");
}

TEST(ParserTest, NumberLiterals) {
  struct Case {
    const char* text;
    bool isInt;
    double value;
  } cases[] = {
      {"42", true, 42},      {"1_000", true, 1000},     {"0.5", false, 0.5},  {"6e20", false, 6e20},
      {"1.5e-3", false, 1.5e-3}, {"1e6", false, 1e6},   {"5%", false, 5.0 / 100}, {"0.2%", false, 0.2 / 100},
      {"50%", false, 50.0 / 100}, {"1_0.5%", false, 10.5 / 100}, {"9223372036854775807", true, 9223372036854775807.0},
  };
  for (const Case& c : cases) {
    auto p = parse(std::string("const x = ") + c.text);
    ASSERT_TRUE(p->ok()) << c.text << "\n" << p->errors();
    auto* n = dyn_cast<NumberExpr>(constInit(*p));
    ASSERT_TRUE(n) << c.text;
    EXPECT_EQ(n->isInt, c.isInt) << c.text;
    EXPECT_EQ(n->realValue, c.value) << c.text;
    EXPECT_EQ(n->spelling, c.text);
  }
  auto big = parse("const x = 9223372036854775808");
  EXPECT_FALSE(big->ok());
  EXPECT_NE(big->firstMessage().find("does not fit in a 64-bit int"), std::string::npos) << big->errors();
  auto huge = parse("const x = 1e400");
  EXPECT_FALSE(huge->ok());
  auto tiny = parse("const x = 1e-400");
  EXPECT_TRUE(tiny->ok()) << tiny->errors();
  auto* n = dyn_cast<NumberExpr>(constInit(*tiny));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->realValue, 0.0);
}

TEST(ParserTest, DefaultLabelsFoldWhitespace) {
  auto p = parse(
      "scenario s {\n"
      "  report P(catastrophe | deceptive)\n"
      "  report   E(  x   |\n     y )   \n"
      "  report P(a /* why */ and b)\n"
      "  report quantiles(x) as \"spread \\\"of\\\" x\"\n"
      "}");
  ASSERT_TRUE(p->ok()) << p->errors();
  auto* s = cast<ScenarioDecl>(p->module->decls[0].get());
  ASSERT_EQ(s->members.size(), 4u);
  EXPECT_EQ(cast<ReportDecl>(s->members[0].get())->label, "P(catastrophe | deceptive)");
  EXPECT_EQ(cast<ReportDecl>(s->members[1].get())->label, "E( x | y )");
  EXPECT_EQ(cast<ReportDecl>(s->members[2].get())->label, "P(a and b)");
  EXPECT_EQ(cast<ReportDecl>(s->members[3].get())->label, "spread \"of\" x");
}

TEST(ParserTest, Ranges) {
  auto p = parse("const x =  foo(a,  b) + 2 * c");
  ASSERT_TRUE(p->ok()) << p->errors();
  auto* c = cast<ConstDecl>(p->module->decls[0].get());
  EXPECT_EQ(c->range.begin.line, 1u);
  EXPECT_EQ(c->range.begin.col, 1u);
  EXPECT_EQ(c->range.end.col, 30u);
  EXPECT_EQ(c->nameRange.begin.col, 7u);
  EXPECT_EQ(c->nameRange.end.col, 8u);
  auto* add = dyn_cast<BinaryExpr>(c->init.get());
  ASSERT_TRUE(add);
  EXPECT_EQ(add->range.begin.col, 12u);
  EXPECT_EQ(add->range.end.col, 30u);
  EXPECT_EQ(add->opRange.begin.col, 23u);
  EXPECT_EQ(add->opRange.end.col, 24u);
  auto* call = dyn_cast<CallExpr>(add->lhs.get());
  ASSERT_TRUE(call);
  EXPECT_EQ(call->calleeRange.begin.col, 12u);
  EXPECT_EQ(call->calleeRange.end.col, 15u);
  EXPECT_EQ(call->range.end.col, 22u);
  EXPECT_EQ(call->args[1]->range.begin.col, 20u);
  auto* mul = dyn_cast<BinaryExpr>(add->rhs.get());
  ASSERT_TRUE(mul);
  EXPECT_EQ(mul->opRange.begin.col, 27u);

  // Columns count characters, not bytes; parentheses belong to the expression.
  auto u = parse("/* é ü */ const y = (a + b)");
  ASSERT_TRUE(u->ok()) << u->errors();
  auto* y = cast<ConstDecl>(u->module->decls[0].get());
  EXPECT_EQ(y->range.begin.col, 11u);
  EXPECT_EQ(y->init->range.begin.col, 21u);
  EXPECT_EQ(y->init->range.end.col, 28u);

  auto m = parse("scenario s {\n  phase p for 3 {\n    x = -y\n  }\n}\n");
  ASSERT_TRUE(m->ok()) << m->errors();
  auto* phase = cast<PhaseDecl>(cast<ScenarioDecl>(m->module->decls[0].get())->members[0].get());
  EXPECT_EQ(phase->range.begin.line, 2u);
  EXPECT_EQ(phase->range.end.line, 4u);
  EXPECT_EQ(phase->range.end.col, 4u);
  auto* assign = cast<AssignStmt>(phase->body->stmts[0].get());
  EXPECT_EQ(assign->range.begin.line, 3u);
  EXPECT_EQ(assign->range.begin.col, 5u);
  EXPECT_EQ(assign->target->range.begin.col, 5u);
  EXPECT_EQ(assign->value->range.begin.col, 9u);
  EXPECT_EQ(assign->value->range.end.col, 11u);
}

TEST(ParserTest, ModuleDumpIsReadable) {
  auto p = parse("scenario s {\n  param p = 5%\n  report P(e | f) as \"x\"\n}\n");
  ASSERT_TRUE(p->ok()) << p->errors();
  std::ostringstream os;
  printModule(*p->module, p->sm, os);
  EXPECT_EQ(os.str(),
            "module \"test.omen\"\n"
            "  scenario s @1:1\n"
            "    param p = @2:3\n"
            "      number 5% = 0.05 @2:13\n"
            "    report P as \"x\" @3:3\n"
            "      value: name e @3:12\n"
            "      given: name f @3:16\n");
}

}  // namespace
}  // namespace omen
