//===- ParserRobustnessTest.cpp - No input crashes, hangs or overflows -----===//
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "tests/unit/frontend/ParserTestSupport.h"

namespace omen {
namespace {

using test::parse;

double secondsToParse(const std::string& text, std::unique_ptr<test::Parsed>* out = nullptr) {
  auto start = std::chrono::steady_clock::now();
  auto p = parse(text);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(p->module, nullptr);
  if (out) *out = std::move(p);
  return s;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

void expectTooDeep(const std::string& text, uint32_t line, uint32_t minCol) {
  std::unique_ptr<test::Parsed> p;
  double s = secondsToParse(text, &p);
  EXPECT_LT(s, 60.0);  // a guard against hangs: the machine running the tests may be busy
  ASSERT_FALSE(p->ok());
  EXPECT_NE(p->firstMessage().find("nesting too deep (more than 256 levels)"), std::string::npos) << p->errors();
  const Diagnostic* d = p->first();
  EXPECT_EQ(d->range.begin.line, line);
  EXPECT_GE(d->range.begin.col, minCol);  // where the limit was passed, not at the start
}

TEST(ParserRobustnessTest, NulByte) {
  auto p = parse(std::string("const x = 1\nconst y\0 = 2\n", 25));
  ASSERT_FALSE(p->ok());
  EXPECT_NE(p->firstMessage().find("NUL byte"), std::string::npos);
  EXPECT_EQ(p->first()->range.begin.line, 2u);
  EXPECT_EQ(p->first()->range.begin.col, 8u);
}

TEST(ParserRobustnessTest, InvalidUtf8) {
  for (std::string bad : {std::string("\xff"), std::string("\xc3"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
                          std::string("\xf4\x90\x80\x80")}) {
    auto p = parse("// é\nconst é = 1 " + bad + "\n");
    ASSERT_FALSE(p->ok());
    EXPECT_NE(p->firstMessage().find("invalid UTF-8"), std::string::npos) << p->errors();
    EXPECT_EQ(p->first()->range.begin.line, 2u);
    EXPECT_EQ(p->first()->range.begin.col, 13u);
  }
}

TEST(ParserRobustnessTest, RandomBytesNeverCrash) {
  std::mt19937_64 rng(12345);
  for (int i = 0; i < 300; ++i) {
    std::string text(rng() % 400, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    // Half of the inputs are plain ASCII so that they get past the encoding check.
    if (i % 2)
      for (char& c : text) c = static_cast<char>(32 + (static_cast<unsigned char>(c) % 95));
    auto p = parse(text);
    EXPECT_NE(p->module, nullptr);
  }
}

TEST(ParserRobustnessTest, RandomTokenSoupNeverCrashes) {
  const char* words[] = {"scenario", "s", "{", "}", "(", ")", "param", "x", "=", "~", "phase", "for", "until",
                         "limit", "if", "then", "else", "with", "probability", "report", "P", "E", "|", "as",
                         "\"l\"", "1", "5%", "0.5", "+", "*", "^", "-", "not", "and", "or", "trigger", "end", ";",
                         ",", "fn", "->", "real", ":", "let", "return", "import", "std", ".", "time", "t", "<"};
  std::mt19937_64 rng(7);
  for (int i = 0; i < 500; ++i) {
    std::string text;
    size_t n = rng() % 60;
    for (size_t k = 0; k < n; ++k) text += std::string(words[rng() % std::size(words)]) + " ";
    auto p = parse(text);
    EXPECT_NE(p->module, nullptr);
  }
}

TEST(ParserRobustnessTest, DeepParentheses) {
  expectTooDeep("const x = " + repeat("(", 100000) + "1" + repeat(")", 100000), 1, 200);
  // Just inside the limit is fine.
  auto p = parse("const x = " + repeat("(", 200) + "1" + repeat(")", 200));
  EXPECT_TRUE(p->ok()) << p->errors();
}

TEST(ParserRobustnessTest, DeepBlocks) {
  expectTooDeep("scenario s { phase p for 1 " + repeat("{ if a ", 100000) + repeat("}", 100000) + " }", 1, 200);
  expectTooDeep("fn f() -> real {" + repeat("with probability 0.5 {", 100000) + repeat("}", 100001), 1, 200);
}

TEST(ParserRobustnessTest, LongUnaryRuns) {
  expectTooDeep("const x = " + repeat("not ", 100000) + "true", 1, 200);
  expectTooDeep("const x = " + repeat("-", 100000) + "1", 1, 200);
  expectTooDeep("const x = 2 ^ " + repeat("- ", 100000) + "1", 1, 200);
}

TEST(ParserRobustnessTest, LongIfChains) {
  expectTooDeep("const x = " + repeat("if a then 1 else ", 100000) + "0", 1, 200);
  expectTooDeep("scenario s { phase p for 1 { if a { end }" + repeat(" else if a { end }", 100000) + " } }", 1, 200);
}

TEST(ParserRobustnessTest, LongOperatorChains) {
  std::unique_ptr<test::Parsed> p;
  std::string sum = "const x = 1" + repeat("+1", 199999);
  double s = secondsToParse(sum, &p);
  EXPECT_LT(s, 30.0);
  ASSERT_FALSE(p->ok());  // deeper than kMaxExprDepth: an error, not a crash
  EXPECT_NE(p->firstMessage().find("expression too deep"), std::string::npos) << p->first()->message;

  s = secondsToParse("const x = 2" + repeat("^2", 199999), &p);
  EXPECT_LT(s, 30.0);
  EXPECT_FALSE(p->ok());

  // A long but reasonable chain parses.
  auto ok = parse("const x = 1" + repeat(" + 1", 3000));
  EXPECT_TRUE(ok->ok()) << ok->firstMessage();
}

TEST(ParserRobustnessTest, TenMegabyteFiles) {
  const std::string scenario =
      "scenario s_NAME {\n"
      "  param p_mesa = 50%  // a comment\n"
      "  param p_deceptive ~ beta(2, 8)\n"
      "  state deceptive = bernoulli(p_mesa) and bernoulli(p_deceptive)\n"
      "  event defection\n"
      "  phase deployment for 1_000 {\n"
      "    if deceptive { with probability 0.01 { trigger defection; end } }\n"
      "  }\n"
      "  report E(time(defection) | defection) as \"mean step\"\n"
      "}\n";
  std::string code;
  for (int i = 0; code.size() < 10u << 20; ++i) {
    std::string s = scenario;
    s.replace(s.find("NAME"), 4, std::to_string(i));
    code += s;
  }
  std::unique_ptr<test::Parsed> p;
  double s = secondsToParse(code, &p);
  EXPECT_TRUE(p->ok()) << p->firstMessage();
  EXPECT_GT(p->module->decls.size(), 10000u);
  EXPECT_LT(s, 120.0);
  std::printf("10 MB of scenarios: %.2f s\n", s);

  s = secondsToParse("/*" + std::string(10u << 20, 'x') + "*/", &p);
  EXPECT_TRUE(p->ok());
  EXPECT_LT(s, 30.0);
  s = secondsToParse(std::string(10u << 20, '\n'), &p);
  EXPECT_TRUE(p->ok());
  EXPECT_LT(s, 30.0);
}

}  // namespace
}  // namespace omen
