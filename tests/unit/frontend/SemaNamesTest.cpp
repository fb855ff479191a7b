//===- SemaNamesTest.cpp - Name resolution: what each name points at --------===//
#include "SemaTestSupport.h"
#include "core/Builtins.h"

namespace omen {
namespace {

using test::checkSource;

TEST(SemaNames, ScenarioNamesPointAtTheScenarioMembers) {
  auto c = checkSource(R"(
scenario s {
  param p = 0.5
  state x = p
  event e
  phase run for 3 { if x > 0.1 { trigger e } }
  report P(e)
}
)");
  ASSERT_TRUE(c->program) << c->errors();
  const ast::Scenario& s = *c->program->scenarios.at(0);
  auto* init = dyn_cast<ast::NameExpr>(s.states.at(0)->init.get());
  ASSERT_TRUE(init);
  EXPECT_EQ(init->target, static_cast<const ast::NamedDecl*>(s.params.at(0)));
  auto* trig = cast<ast::TriggerStmt>(
      cast<ast::IfStmt>(s.phases.at(0)->body->stmts.at(0).get())->thenBlock->stmts.at(0).get());
  EXPECT_EQ(trig->event->target, static_cast<const ast::NamedDecl*>(s.events.at(0)));
  auto* report = dyn_cast<ast::NameExpr>(s.reports.at(0)->value.get());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->target, static_cast<const ast::NamedDecl*>(s.events.at(0)));
}

TEST(SemaNames, CallsResolveToBuiltinsAndFunctions) {
  auto c = checkSource(R"(
fn half(x: real) -> real = x / 2
scenario s {
  param p ~ beta(2, 8)
  param q = half(0.5)
}
)");
  ASSERT_TRUE(c->program) << c->errors();
  const ast::Scenario& s = *c->program->scenarios.at(0);
  auto* beta = cast<ast::CallExpr>(s.params.at(0)->init.get());
  EXPECT_EQ(beta->builtin, static_cast<int>(BuiltinId::Beta));
  EXPECT_EQ(beta->function, nullptr);
  auto* half = cast<ast::CallExpr>(s.params.at(1)->init.get());
  EXPECT_EQ(half->builtin, -1);
  ASSERT_EQ(c->program->functions.size(), 1u);
  EXPECT_EQ(half->function, c->program->functions[0]);
}

TEST(SemaNames, FunctionBodiesSeeArgumentsLetsAndConsts) {
  auto c = checkSource(R"(
const k = 3
fn f(a: real) -> real {
  let b = a * k
  return b + a
}
)");
  ASSERT_TRUE(c->program) << c->errors();
  const ast::FnDecl& f = *c->program->functions.at(0);
  auto* let = cast<ast::LetStmt>(f.blockBody->stmts.at(0).get());
  auto* mul = cast<ast::BinaryExpr>(let->init.get());
  EXPECT_EQ(cast<ast::NameExpr>(mul->lhs.get())->target,
            static_cast<const ast::NamedDecl*>(f.args[0].get()));
  // k is an int const widened to real: the name sits under a cast.
  auto* widened = cast<ast::CastExpr>(mul->rhs.get());
  EXPECT_EQ(cast<ast::NameExpr>(widened->operand.get())->target,
            static_cast<const ast::NamedDecl*>(c->program->consts.at(0)));
  auto* ret = cast<ast::ReturnStmt>(f.blockBody->stmts.at(1).get());
  auto* add = cast<ast::BinaryExpr>(ret->value.get());
  EXPECT_EQ(cast<ast::NameExpr>(add->lhs.get())->target, static_cast<const ast::NamedDecl*>(let));
}

TEST(SemaNames, FunctionsDoNotSeeScenarioMembers) {
  auto c = checkSource("fn f() -> real = p\nscenario s { param p = 1.0 }\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("unknown name 'p'"), std::string::npos) << c->errors();
}

TEST(SemaNames, UnknownNameSuggestsTheClosest) {
  auto c = checkSource("scenario s {\n  param p_mesa = 0.5\n  state x = p_mesaa\n}\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(
      c->errors().find("main.omen:3:13: error: unknown name 'p_mesaa'; did you mean 'p_mesa'?"),
      std::string::npos)
      << c->errors();
}

TEST(SemaNames, LetsAreBlockScoped) {
  auto c = checkSource(R"(
scenario s {
  state x = 0.0
  phase run for 2 {
    if x > 0.5 { let y = 1.0; x = y }
    if x < 0.5 { let y = 2.0; x = y }
  }
}
)");
  EXPECT_TRUE(c->program) << c->errors();
  auto bad = checkSource(
      "scenario s {\n  state x = 0.0\n  phase run for 2 {\n    if x > 0.5 { let y = 1.0 }\n    x = "
      "y\n  }\n}\n");
  EXPECT_FALSE(bad->program);
  EXPECT_NE(bad->errors().find("unknown name 'y'"), std::string::npos) << bad->errors();
}

TEST(SemaNames, ConstsAreOrderedAfterWhatTheyUse) {
  auto c = checkSource("const a = b + 1\nconst b = c * 2\nconst c = 3\n");
  ASSERT_TRUE(c->program) << c->errors();
  ASSERT_EQ(c->program->consts.size(), 3u);
  EXPECT_EQ(c->program->consts[0]->name, "c");
  EXPECT_EQ(c->program->consts[1]->name, "b");
  EXPECT_EQ(c->program->consts[2]->name, "a");
  EXPECT_EQ(c->program->consts[2]->type, Type::Int);
}

TEST(SemaNames, ConstCycleIsAnError) {
  auto c = checkSource("const a = b + 1\nconst b = a\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("'a' is defined in terms of itself (a -> b -> a)"), std::string::npos)
      << c->errors();
}

TEST(SemaNames, MutualRecursionNamesTheCycle) {
  auto c = checkSource("fn f(x: real) -> real = g(x)\nfn g(x: real) -> real = f(x) + 1\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("functions call each other recursively (f -> g -> f)"),
            std::string::npos)
      << c->errors();
}

TEST(SemaNames, SeveralIndependentErrorsInOneRun) {
  auto c =
      checkSource("scenario s {\n  state a = nope\n  state b = 1 + true\n  state d = zilch\n}\n");
  EXPECT_FALSE(c->program);
  EXPECT_EQ(c->diags.errorCount(), 3u) << c->errors();
}

TEST(SemaNames, UnknownTypeDoesNotCascade) {
  // `x` is unknown; everything computed from it stays silent.
  auto c = checkSource(
      "scenario s {\n  state a = nope + 1\n  state b = a * 2 > 1 and true\n  report P(b)\n  report "
      "E(a)\n}\n");
  EXPECT_FALSE(c->program);
  EXPECT_EQ(c->diags.errorCount(), 1u) << c->errors();
}

}  // namespace
}  // namespace omen

namespace omen {
namespace {

TEST(SemaNames, ALongChainOfConstsDoesNotExhaustTheStack) {
  // Declared last-first, so ordering them walks the whole chain in one depth-first visit.
  std::string text;
  const int n = 100000;
  for (int i = n - 1; i > 0; --i)
    text += "const c" + std::to_string(i) + " = c" + std::to_string(i - 1) + " + 1\n";
  text += "const c0 = 1\n";
  auto c = test::checkSource(text);
  ASSERT_TRUE(c->program) << c->errors().substr(0, 500);
  EXPECT_EQ(c->program->consts.front()->name, "c0");
  EXPECT_EQ(c->program->consts.back()->name, "c" + std::to_string(n - 1));
}

}  // namespace
}  // namespace omen
