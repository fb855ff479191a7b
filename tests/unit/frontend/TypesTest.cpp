//===- TypesTest.cpp - Type rules and widening casts ------------------------===//
#include "SemaTestSupport.h"

namespace omen {
namespace {

using test::checkSource;

/// Checks `state v = EXPR` (with a few names in scope) and returns the typed initialiser.
struct Typed {
  std::unique_ptr<test::Checked> checked;
  const ast::Expr* expr = nullptr;
};

Typed typeOf(const std::string& expr) {
  Typed t;
  t.checked = checkSource(
      "fn half(x: real) -> real = x / 2\nscenario s {\n  param i = 3\n  param r = 0.5\n"
      "  param b = true\n  state v = " +
      expr + "\n}\n");
  if (!t.checked->program) {
    ADD_FAILURE() << expr << ":\n" << t.checked->errors();
    return t;
  }
  t.expr = t.checked->program->scenarios.at(0)->states.at(0)->init.get();
  return t;
}

bool isCastOfInt(const ast::Expr* e) {
  auto* c = dyn_cast<ast::CastExpr>(e);
  return c && c->type == Type::Real && c->operand->type == Type::Int;
}

TEST(Types, Literals) {
  EXPECT_EQ(typeOf("1_000").expr->type, Type::Int);
  EXPECT_EQ(typeOf("1e6").expr->type, Type::Real);
  EXPECT_EQ(typeOf("5%").expr->type, Type::Real);
  EXPECT_EQ(typeOf("false").expr->type, Type::Bool);
}

TEST(Types, IntArithmeticStaysInt) {
  auto t = typeOf("i + 2 * i - 1");
  EXPECT_EQ(t.expr->type, Type::Int);
}

TEST(Types, MixedArithmeticWidensTheIntOperand) {
  auto t = typeOf("i * r");
  ASSERT_EQ(t.expr->type, Type::Real);
  auto* mul = cast<ast::BinaryExpr>(t.expr);
  EXPECT_TRUE(isCastOfInt(mul->lhs.get()));
  EXPECT_EQ(mul->rhs->kind, ast::ExprKind::Name);
}

TEST(Types, DivisionAndPowerAreAlwaysReal) {
  for (const char* e : {"7 / 2", "2 ^ 10"}) {
    auto t = typeOf(e);
    ASSERT_EQ(t.expr->type, Type::Real) << e;
    auto* b = cast<ast::BinaryExpr>(t.expr);
    EXPECT_TRUE(isCastOfInt(b->lhs.get())) << e;
    EXPECT_TRUE(isCastOfInt(b->rhs.get())) << e;
  }
}

TEST(Types, ComparisonsAreBoolAndWidenMixedOperands) {
  auto t = typeOf("i < r");
  ASSERT_EQ(t.expr->type, Type::Bool);
  EXPECT_TRUE(isCastOfInt(cast<ast::BinaryExpr>(t.expr)->lhs.get()));
  auto same = typeOf("i == 3");
  EXPECT_EQ(same.expr->type, Type::Bool);
  EXPECT_FALSE(isCastOfInt(cast<ast::BinaryExpr>(same.expr)->lhs.get()));
  EXPECT_EQ(typeOf("b == true and not b").expr->type, Type::Bool);
}

TEST(Types, IfBranchesWidenToReal) {
  auto t = typeOf("if b then 1 else 0.5");
  ASSERT_EQ(t.expr->type, Type::Real);
  EXPECT_TRUE(isCastOfInt(cast<ast::IfExpr>(t.expr)->thenExpr.get()));
  EXPECT_EQ(typeOf("if b then 1 else 2").expr->type, Type::Int);
}

TEST(Types, NumericBuiltinsFollowTheirArguments) {
  EXPECT_EQ(typeOf("min(i, 2)").expr->type, Type::Int);
  auto t = typeOf("max(i, r)");
  ASSERT_EQ(t.expr->type, Type::Real);
  EXPECT_TRUE(isCastOfInt(cast<ast::CallExpr>(t.expr)->args[0].get()));
  EXPECT_EQ(typeOf("mod(7, 2)").expr->type, Type::Int);
  EXPECT_EQ(typeOf("abs(r)").expr->type, Type::Real);
}

TEST(Types, RealBuiltinArgumentsWiden) {
  auto t = typeOf("exp(1)");
  ASSERT_EQ(t.expr->type, Type::Real);
  EXPECT_TRUE(isCastOfInt(cast<ast::CallExpr>(t.expr)->args[0].get()));
  EXPECT_EQ(typeOf("floor(r)").expr->type, Type::Int);
  EXPECT_EQ(typeOf("round(2.5)").expr->type, Type::Int);
}

TEST(Types, DistributionsHaveTheirTypesAndDraw) {
  auto p = typeOf("poisson(3)");
  EXPECT_EQ(p.expr->type, Type::Int);
  EXPECT_TRUE(p.expr->draws);
  EXPECT_TRUE(isCastOfInt(cast<ast::CallExpr>(p.expr)->args[0].get()));
  EXPECT_EQ(typeOf("bernoulli(r)").expr->type, Type::Bool);
  EXPECT_EQ(typeOf("categorical(0.2, 0.3, 0.5)").expr->type, Type::Int);
  auto bin = typeOf("binomial(10, r)");
  EXPECT_EQ(bin.expr->type, Type::Int);
  EXPECT_FALSE(isCastOfInt(cast<ast::CallExpr>(bin.expr)->args[0].get()));
  auto sum = typeOf("1 + normal(0, 1)");
  EXPECT_TRUE(sum.expr->draws);
  EXPECT_FALSE(typeOf("1 + exp(r)").expr->draws);
}

TEST(Types, UserFunctionArgumentsWiden) {
  auto t = typeOf("half(i)");
  ASSERT_EQ(t.expr->type, Type::Real);
  EXPECT_TRUE(isCastOfInt(cast<ast::CallExpr>(t.expr)->args[0].get()));
}

TEST(Types, ParamsAndStatesTakeTheirInitialisersType) {
  auto c = checkSource(
      "scenario s {\n  param n = 1_000\n  param p = 5%\n  param u ~ poisson(2)\n"
      "  state flag = bernoulli(p)\n  event e\n}\n");
  ASSERT_TRUE(c->program) << c->errors();
  const auto& s = *c->program->scenarios.at(0);
  EXPECT_EQ(s.params[0]->type, Type::Int);
  EXPECT_EQ(s.params[1]->type, Type::Real);
  EXPECT_EQ(s.params[2]->type, Type::Int);
  EXPECT_EQ(s.states[0]->type, Type::Bool);
  EXPECT_EQ(s.events[0]->type, Type::Bool);
}

TEST(Types, AssignmentToARealStateWidens) {
  auto c = checkSource("scenario s {\n  state x = 0.0\n  phase run for 3 { x = step }\n}\n");
  ASSERT_TRUE(c->program) << c->errors();
  auto* a = cast<ast::AssignStmt>(c->program->scenarios[0]->phases[0]->body->stmts[0].get());
  EXPECT_TRUE(isCastOfInt(a->value.get()));
}

TEST(Types, ReturnsAndExpressionBodiesWiden) {
  auto c = checkSource("fn one() -> real = 1\nfn two() -> real {\n  let k = 2\n  return k\n}\n");
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_TRUE(isCastOfInt(c->program->functions[0]->exprBody.get()));
  auto* ret = cast<ast::ReturnStmt>(c->program->functions[1]->blockBody->stmts[1].get());
  EXPECT_TRUE(isCastOfInt(ret->value.get()));
}

TEST(Types, WithProbabilityWidensAnInt) {
  auto c = checkSource(
      "scenario s {\n  event e\n  phase run for 1 { with probability 1 { trigger e } }\n}\n");
  ASSERT_TRUE(c->program) << c->errors();
  auto* w =
      cast<ast::WithProbabilityStmt>(c->program->scenarios[0]->phases[0]->body->stmts[0].get());
  EXPECT_TRUE(isCastOfInt(w->probability.get()));
}

TEST(Types, TimeIsIntAndClocksAreInt) {
  auto c = checkSource(
      "scenario s {\n  event e\n  phase run for 3 { if step == 1 { trigger e } }\n"
      "  report E(time(e) | e)\n  report E(t)\n}\n");
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(c->program->scenarios[0]->reports[0]->value->type, Type::Int);
  EXPECT_EQ(c->program->scenarios[0]->reports[1]->value->type, Type::Int);
}

TEST(Types, FunctionDrawsPropagateThroughCalls) {
  auto c = checkSource(R"(
fn noisy(x: real) -> real = x + normal(0, 1)
fn twice(x: real) -> real = noisy(x) * 2
fn coin() -> bool {
  with probability 0.5 { return true } else { return false }
}
fn pure(x: real) -> real = x * 2
)");
  ASSERT_TRUE(c->program) << c->errors();
  std::map<std::string, bool> draws;
  for (const ast::FnDecl* f : c->program->functions) draws[f->name] = f->draws;
  EXPECT_TRUE(draws["noisy"]);
  EXPECT_TRUE(draws["twice"]);
  EXPECT_TRUE(draws["coin"]);
  EXPECT_FALSE(draws["pure"]);
  // Callees come before their callers.
  EXPECT_EQ(c->program->functions[0]->name, "noisy");
}

TEST(Types, Mismatches) {
  struct Case {
    const char* expr;
    const char* message;
  } cases[] = {
      {"1 + true", "operator '+' needs two numbers, got int and bool"},
      {"b and 1", "operator 'and' needs two bools"},
      {"not r", "operator 'not' needs a bool, got a real"},
      {"-b", "operator '-' needs a number, got a bool"},
      {"b < 1", "operator '<' needs two numbers, got bool and int"},
      {"b == 1", "operator '==' needs two bools or two numbers, got bool and int"},
      {"if r then 1 else 2", "the condition of `if ... then` must be a bool, got a real"},
      {"if b then 1 else false", "have different types: int and bool"},
      {"beta(1, 2, 3)", "'beta' takes 2 arguments, got 3"},
      {"beta(true, 2)", "argument 1 of 'beta' must be a real, got a bool"},
      {"binomial(r, 0.5)", "argument 1 of 'binomial' must be an int, got a real; use round(...)"},
      {"categorical()", "'categorical' needs at least 1 weight"},
      {"half(b)", "argument 1 ('x') of 'half' must be a real, got a bool"},
      {"half(1, 2)", "'half' takes 1 argument, got 2"},
  };
  for (const Case& k : cases) {
    auto c = checkSource(
        "fn half(x: real) -> real = x / 2\nscenario s {\n  param r = 0.5\n  param b = true\n"
        "  state v = " +
        std::string(k.expr) + "\n}\n");
    EXPECT_FALSE(c->program) << k.expr;
    EXPECT_NE(c->errors().find(k.message), std::string::npos) << k.expr << ":\n" << c->errors();
    EXPECT_EQ(c->diags.errorCount(), 1u) << k.expr << ":\n" << c->errors();
  }
}

}  // namespace
}  // namespace omen

namespace omen {
namespace {

TEST(Types, LogicWithOneBrokenSideStillNamesTheOther) {
  auto c =
      test::checkSource("scenario s {\n  state a = nope and 0.5\n  state b = nope and true\n}\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("operator 'and' needs two bools, but its right side is a real"),
            std::string::npos)
      << c->errors();
  EXPECT_EQ(c->diags.errorCount(), 3u) << c->errors();  // two unknown names, one operand
}

TEST(Types, AVariableMayShareABuiltinsName) {
  auto c = test::checkSource("scenario s {\n  param beta = 0.3\n  param p ~ beta(2, beta)\n}\n");
  ASSERT_TRUE(c->program) << c->errors();
  auto* call = cast<ast::CallExpr>(c->program->scenarios[0]->params[1]->init.get());
  EXPECT_GE(call->builtin, 0);
  EXPECT_EQ(cast<ast::NameExpr>(call->args[1].get())->target,
            static_cast<const ast::NamedDecl*>(c->program->scenarios[0]->params[0]));
}

}  // namespace
}  // namespace omen
