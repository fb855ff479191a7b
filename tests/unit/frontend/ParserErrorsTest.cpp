//===- ParserErrorsTest.cpp - Syntax and lexical errors: words and places --===//
#include <gtest/gtest.h>

#include "tests/unit/frontend/ParserTestSupport.h"

namespace omen {
namespace {

using test::parse;

struct ErrorCase {
  const char* source;
  const char* message;  // a substring of the first diagnostic
  uint32_t line, col;
};

void expectError(const ErrorCase& c) {
  auto p = parse(c.source);
  ASSERT_FALSE(p->ok()) << "no error for: " << c.source;
  const Diagnostic* d = p->first();
  ASSERT_TRUE(d);
  EXPECT_NE(d->message.find(c.message), std::string::npos)
      << "source: " << c.source << "\nwanted: " << c.message << "\ngot:\n" << p->errors();
  EXPECT_EQ(d->range.begin.line, c.line) << c.source << "\n" << p->errors();
  EXPECT_EQ(d->range.begin.col, c.col) << c.source << "\n" << p->errors();
}

TEST(ParserErrorsTest, Messages) {
  const ErrorCase cases[] = {
      {"scenario s {\n  event e\n", "expected '}' to close the scenario body", 2, 10},
      {"scenario s {\n  phase p for 3 {\n    end\n}\n", "expected '}' to close the scenario body", 4, 2},
      {"scenario s { phase p for 1 { end\n  else { stop } } }", "unexpected 'else'", 2, 3},
      {"const x = 5 % 2", "there is no '%' operator", 1, 13},
      {"scenario s { param time = 3 }", "'time' is reserved", 1, 20},
      {"scenario s { state end = 1 }", "'end' is a keyword", 1, 20},
      {"fn f(t: real) -> real = 1", "'t' is reserved", 1, 6},
      {"scenario s { phase p for 1 { t = 3 } }", "cannot assign to 't'", 1, 30},
      {"const x = @", "unexpected character '@'", 1, 11},
      {"import \"abc\nconst x = 1", "unterminated string", 1, 8},
      {"const x = 1 /* never closed", "unterminated comment", 1, 13},
      {"import \"a\\qb\"", "unknown escape '\\q'", 1, 10},
      {"scenario s { param x =\n}", "expected an expression after '='", 2, 1},
      {"scenario s { param x 3 }", "expected '=' or '~'", 1, 21},
      {"scenario s { param x ~ 0.5 }", "'~' must be followed by a distribution call", 1, 24},
      {"scenario s { foo = 3 }", "expected a member (param, state, event, phase, report or expect)", 1, 14},
      {"scenario s { phase p { end } }", "expected 'for' or 'until'", 1, 22},
      {"scenario s { report x }", "expected P(...), E(...) or quantiles(...)", 1, 21},
      {"const x = 1 < y < 3", "comparisons cannot be chained", 1, 17},
      {"scenario s { state x = P(e) }", "'P(...)' is not an expression", 1, 24},
      {"import foo", "expected 'std.NAME' or a quoted file path", 1, 8},
      {"const x = if a 1 else 2", "expected 'then'", 1, 15},
      {"scenario s { phase p for 1 { with 0.5 { end } } }", "expected 'probability'", 1, 34},
      {"fn f(a) -> real = a", "expected ':'", 1, 7},
      {"fn f(a: float) -> real = a", "expected a type (bool, int or real)", 1, 9},
      {"const x = (1 + 2", "expected ')'", 1, 17},
      {"scenario", "expected a name after 'scenario'", 1, 9},
      {"param x = 1", "expected a declaration (import, const, fn or scenario)", 1, 1},
      {"const x = 9223372036854775808", "does not fit in a 64-bit int", 1, 11},
      {"const x = 2x", "found 'x'", 1, 12},
      {"const x = a == not b", "'not' cannot follow '=='", 1, 16},
      {"const x = 1 +", "expected an expression after '+'", 1, 14},
  };
  for (const ErrorCase& c : cases) expectError(c);
}

TEST(ParserErrorsTest, MissingBraceHasANoteAtTheOpeningBrace) {
  auto p = parse("scenario s {\n  phase p for 3 {\n    end\n  }\n");
  ASSERT_FALSE(p->ok());
  const Diagnostic* d = p->first();
  ASSERT_TRUE(d);
  EXPECT_EQ(d->message, "expected '}' to close the scenario body");
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].message, "to match this '{'");
  EXPECT_EQ(d->notes[0].range.begin.line, 1u);
  EXPECT_EQ(d->notes[0].range.begin.col, 12u);
}

TEST(ParserErrorsTest, RendersFileLineColumnAndCaret) {
  auto p = parse("scenario s {\n  param time = 3\n}\n", "x.omen");
  EXPECT_EQ(p->errors(),
            "x.omen:2:9: error: 'time' is reserved and cannot be used as a name\n"
            "  param time = 3\n"
            "        ^~~~\n");
}

TEST(ParserErrorsTest, SeveralErrorsInOneFile) {
  auto p = parse("scenario a { param x = }\nscenario b { param y = }\n");
  EXPECT_GE(p->diags->errorCount(), 2u) << p->errors();
}

TEST(ParserErrorsTest, ValidPartsSurviveAnError) {
  auto p = parse("const a = 1\nconst b = )\nconst c = 3\n");
  EXPECT_FALSE(p->ok());
  ASSERT_NE(p->module, nullptr);
  bool sawA = false;
  for (const auto& d : p->module->decls)
    if (auto* c = dyn_cast<ast::ConstDecl>(d.get()); c && c->name == "a") sawA = true;
  EXPECT_TRUE(sawA);
}

}  // namespace
}  // namespace omen
