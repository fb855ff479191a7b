//===- SemaExamplesTest.cpp - The shipped examples and stdlib check cleanly --===//
#include <filesystem>

#include "SemaTestSupport.h"

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
  for (const ast::FnDecl* f : c->program->functions) found = found || f->name == "chinchilla_params";
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
