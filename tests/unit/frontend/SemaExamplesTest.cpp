//===- SemaExamplesTest.cpp - The shipped examples and stdlib check cleanly --===//
#include <filesystem>

#include "SemaTestSupport.h"
#include "frontend/sema/Walk.h"

namespace omen {
template <typename F>
void walkExprForTest(ast::Expr* e, F&& f) {
  sema::walkExpr(e, f);
}
template <typename F>
void forEachStmtExprForTest(ast::Stmt* s, F&& f) {
  sema::walkStmtExprs(s, f);
}
}  // namespace omen

namespace omen {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<test::Checked> checkOnDisk(const fs::path& file) {
  auto c = std::make_unique<test::Checked>();
  auto loaded = c->sm.loadFile(file.string(), file.filename().string());
  if (!loaded.file) {
    ADD_FAILURE() << loaded.error;
    return c;
  }
  sema::FrontendOptions options;
  options.stdlibDir = fs::path(OMEN_SOURCE_DIR) / "stdlib";
  c->program = sema::checkProgram(c->sm, *loaded.file, c->diags, options);
  return c;
}

TEST(SemaExamples, EveryExampleChecksWithoutErrors) {
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(OMEN_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() != ".omen") continue;
    ++seen;
    auto c = checkOnDisk(entry.path());
    EXPECT_TRUE(c->program) << entry.path() << ":\n" << c->errors();
    EXPECT_EQ(c->diags.diagnostics().size(), 0u) << entry.path() << ":\n" << c->errors();
  }
  EXPECT_GE(seen, 3);
}

TEST(SemaExamples, EarlyStoppingUsesTheScalingLibrary) {
  auto c = checkOnDisk(fs::path(OMEN_SOURCE_DIR) / "examples" / "early_stopping.omen");
  ASSERT_TRUE(c->program) << c->errors();
  ASSERT_EQ(c->program->scenarios.size(), 2u);
  const ast::Scenario& over = *c->program->scenarios[1];
  EXPECT_EQ(over.bases, std::vector<std::string>{"compute_optimal"});
  // `tokens` is replaced in place: still the third param, after compute and n.
  EXPECT_EQ(over.params.at(2)->name, "tokens");
  EXPECT_EQ(over.members.at(2)->key(), "tokens");
  bool found = false;
  for (const ast::FnDecl* f : c->program->functions)
    found = found || f->name == "chinchilla_params";
  EXPECT_TRUE(found);
}

TEST(SemaExamples, EveryStdlibModuleChecksWithoutErrors) {
  for (const auto& entry : fs::directory_iterator(fs::path(OMEN_SOURCE_DIR) / "stdlib" / "std")) {
    if (entry.path().extension() != ".omen") continue;
    auto c = checkOnDisk(entry.path());
    EXPECT_TRUE(c->program) << entry.path() << ":\n" << c->errors();
  }
}

}  // namespace
}  // namespace omen

namespace omen {
namespace {

/// After a clean check, lowering may rely on every expression having a type and every
/// name a declaration: nothing Unknown, nothing unresolved.
void expectFullyTyped(ast::Expr* e, const std::string& where) {
  walkExprForTest(e, [&](ast::Expr* x) {
    EXPECT_NE(x->type, Type::Unknown) << where;
    if (auto* n = dyn_cast<ast::NameExpr>(x)) EXPECT_TRUE(n->target) << where << ": " << n->name;
    if (auto* c = dyn_cast<ast::CallExpr>(x))
      EXPECT_TRUE(c->builtin >= 0 || c->function) << where << ": " << c->callee;
    if (auto* t = dyn_cast<ast::TimeExpr>(x)) EXPECT_TRUE(t->event->target) << where;
  });
}

TEST(SemaExamples, CheckedProgramsAreFullyTypedAndResolved) {
  for (const auto& entry : fs::directory_iterator(fs::path(OMEN_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() != ".omen") continue;
    auto c = checkOnDisk(entry.path());
    ASSERT_TRUE(c->program) << c->errors();
    const std::string where = entry.path().filename().string();
    for (const ast::ConstDecl* k : c->program->consts) expectFullyTyped(k->init.get(), where);
    for (const ast::FnDecl* f : c->program->functions) {
      expectFullyTyped(f->exprBody.get(), where);
      forEachStmtExprForTest(f->blockBody.get(), [&](ast::Expr* e) { expectFullyTyped(e, where); });
    }
    for (const auto& s : c->program->scenarios) {
      EXPECT_EQ(s->params.size() + s->states.size() + s->events.size() + s->phases.size() +
                    s->reports.size(),
                s->members.size());
      for (const ast::ParamDecl* p : s->params) {
        expectFullyTyped(p->init.get(), where);
        EXPECT_NE(p->type, Type::Unknown);
      }
      for (const ast::StateDecl* st : s->states) expectFullyTyped(st->init.get(), where);
      for (const ast::PhaseDecl* ph : s->phases) {
        expectFullyTyped(ph->count.get(), where);
        expectFullyTyped(ph->cond.get(), where);
        expectFullyTyped(ph->limit.get(), where);
        forEachStmtExprForTest(ph->body.get(), [&](ast::Expr* e) { expectFullyTyped(e, where); });
      }
      for (const ast::ReportDecl* r : s->reports) {
        expectFullyTyped(r->value.get(), where);
        expectFullyTyped(r->given.get(), where);
      }
    }
  }
}

}  // namespace
}  // namespace omen
