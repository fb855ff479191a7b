//===- ExtendsTest.cpp - Flattening `extends` -------------------------------===//
#include "SemaTestSupport.h"

namespace omen {
namespace {

using test::checkFiles;
using test::checkSource;

std::vector<std::string> keys(const ast::Scenario& s) {
  std::vector<std::string> out;
  for (const auto& m : s.members) out.push_back(m->key());
  return out;
}

const char* kBase = R"(
scenario base {
  param a = 1.0
  param b = a * 2
  state x = b
  event e
  phase run for 2 { with probability 0.5 { trigger e } }
  report P(e)
}
)";

TEST(Extends, ReplacementKeepsTheBasePositionAndNewMembersAppend) {
  auto c = checkSource(std::string(kBase) + R"(
scenario derived extends base {
  state y = x + a
  param a = 3.0
}
)");
  ASSERT_TRUE(c->program) << c->errors();
  const ast::Scenario& d = *c->program->scenarios.at(1);
  EXPECT_EQ(keys(d), (std::vector<std::string>{"a", "b", "x", "e", "run", "P(e)", "y"}));
  EXPECT_EQ(d.bases, std::vector<std::string>{"base"});
  // b = a * 2 in the derived copy reads the derived a.
  auto* mul = cast<ast::BinaryExpr>(d.params.at(1)->init.get());
  EXPECT_EQ(cast<ast::NameExpr>(mul->lhs.get())->target,
            static_cast<const ast::NamedDecl*>(d.params.at(0)));
  EXPECT_EQ(cast<ast::NumberExpr>(d.params.at(0)->init.get())->realValue, 3.0);
  // The base keeps its own members, untouched.
  const ast::Scenario& b = *c->program->scenarios.at(0);
  EXPECT_EQ(cast<ast::NumberExpr>(b.params.at(0)->init.get())->realValue, 1.0);
  EXPECT_NE(b.params.at(0), d.params.at(0));
}

TEST(Extends, AReplacementMayChangeKind) {
  auto c = checkSource(std::string(kBase) +
                       "scenario derived extends base {\n  param a ~ beta(2, 8)\n}\n");
  // a becomes uncertain, so the fixed param b = a * 2 can no longer use it.
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("fixed param 'b' cannot use the uncertain param 'a'"),
            std::string::npos)
      << c->errors();

  auto ok = checkSource(std::string(kBase) +
                        "scenario derived extends base {\n  param b ~ beta(2, 8)\n"
                        "  state a = 2.0\n}\n");
  ASSERT_TRUE(ok->program) << ok->errors();
  const ast::Scenario& d = *ok->program->scenarios.at(1);
  EXPECT_EQ(keys(d), (std::vector<std::string>{"a", "b", "x", "e", "run", "P(e)"}));
  EXPECT_TRUE(d.params.at(0)->uncertain);
  EXPECT_EQ(d.params.at(0)->name, "b");
  ASSERT_EQ(d.states.size(), 2u);
  EXPECT_EQ(d.states.at(0)->name, "a");
  EXPECT_EQ(d.members.at(0)->memberKind, ast::MemberKind::State);
}

TEST(Extends, ChainedExtendsFlattenTransitively) {
  auto c = checkSource(std::string(kBase) + R"(
scenario middle extends base {
  param b = 5.0
  event f
}
scenario top extends middle {
  param a = 7.0
  report P(f) as "f happened"
}
)");
  ASSERT_TRUE(c->program) << c->errors();
  const ast::Scenario& top = *c->program->scenarios.at(2);
  EXPECT_EQ(top.bases, (std::vector<std::string>{"middle", "base"}));
  EXPECT_EQ(keys(top),
            (std::vector<std::string>{"a", "b", "x", "e", "run", "P(e)", "f", "f happened"}));
  EXPECT_EQ(cast<ast::NumberExpr>(top.params.at(0)->init.get())->realValue, 7.0);
  EXPECT_EQ(cast<ast::NumberExpr>(top.params.at(1)->init.get())->realValue, 5.0);
  EXPECT_EQ(top.events.size(), 2u);
  EXPECT_EQ(top.reports.size(), 2u);
}

TEST(Extends, BaseDeclaredLaterAndBaseFromAnImport) {
  auto c = checkFiles(
      {{"main.omen", "import \"lib.omen\"\nscenario mine extends lib_base {\n  param p = 0.9\n}\n"},
       {"lib.omen",
        "scenario lib_base {\n  param p = 0.1\n  event e\n"
        "  phase go for 1 { with probability p { trigger e } }\n  report P(e)\n}\n"}});
  ASSERT_TRUE(c->program) << c->errors();
  // Only the main file's scenarios are the program's.
  ASSERT_EQ(c->program->scenarios.size(), 1u);
  EXPECT_EQ(c->program->scenarios[0]->name, "mine");
  EXPECT_EQ(c->program->scenarios[0]->phases.size(), 1u);

  auto later = checkSource(
      "scenario d extends b2 {\n  param p = 2.0\n}\nscenario b2 {\n  param p = 1.0\n}\n");
  ASSERT_TRUE(later->program) << later->errors();
  EXPECT_EQ(later->program->scenarios[0]->name, "d");
}

TEST(Extends, UnknownBaseSuggests) {
  auto c = checkSource(std::string(kBase) + "scenario d extends bse {\n}\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("unknown base scenario 'bse'; did you mean 'base'?"),
            std::string::npos)
      << c->errors();
}

TEST(Extends, CyclesAreErrors) {
  auto c = checkSource(
      "scenario a extends b {\n}\nscenario b extends c {\n}\nscenario c extends a {\n}\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("scenarios extend each other in a cycle: a -> b -> c -> a"),
            std::string::npos)
      << c->errors();
  EXPECT_EQ(c->diags.errorCount(), 1u) << c->errors();
  auto self = checkSource("scenario a extends a {\n}\n");
  EXPECT_NE(self->errors().find("scenario 'a' cannot extend itself"), std::string::npos)
      << self->errors();
}

TEST(Extends, AnErrorInABaseIsReportedOnce) {
  auto c = checkSource(
      "scenario base {\n  state x = nope\n}\nscenario d1 extends base {\n}\n"
      "scenario d2 extends base {\n}\n");
  EXPECT_FALSE(c->program);
  EXPECT_EQ(c->diags.errorCount(), 1u) << c->errors();
}

TEST(Extends, ScenarioNamesAreUniqueAcrossFiles) {
  auto c = checkFiles(
      {{"main.omen", "import \"lib.omen\"\nscenario s {\n}\n"}, {"lib.omen", "scenario s {\n}\n"}});
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("duplicate scenario 's'"), std::string::npos) << c->errors();
  EXPECT_NE(c->errors().find("note: previous declaration is here"), std::string::npos)
      << c->errors();
}

}  // namespace
}  // namespace omen
