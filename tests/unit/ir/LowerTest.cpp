//===- LowerTest.cpp - What lowering makes explicit --------------------------===//
#include <gtest/gtest.h>

#include "LowerFixture.h"
#include "ir/Printer.h"

namespace omen::ir {
namespace {

std::string dump(const char* text) {
  test::Lowered l(text);
  return l.module ? toString(*l.module) : "";
}

bool has(const std::string& dump, const std::string& piece) { return dump.find(piece) != std::string::npos; }

// Widening is an explicit node (or a real literal when the int was a literal); N builtins
// take their int form only when every N argument is int; `^` is the pow builtin.
TEST(Lower, ConversionsAndBuiltinForms) {
  std::string d = dump(R"(
scenario s {
  param k = 3
  state a = k * 0.5
  state b = min(k, 2)
  state c = min(k, 2.5)
  state d = k ^ 2
  state e = 1 + 2.0
  report E(a)
}
)");
  EXPECT_TRUE(has(d, "store %0:a = mul.r(real(@0:k), 0.5)")) << d;
  EXPECT_TRUE(has(d, "store %1:b = min.i[s0](@0:k, 2)")) << d;
  EXPECT_TRUE(has(d, "store %2:c = min.r[s1](real(@0:k), 2.5)")) << d;
  EXPECT_TRUE(has(d, "store %3:d = pow[s2](real(@0:k), 2.0)")) << d;
  EXPECT_TRUE(has(d, "store %4:e = add.r(1.0, 2.0)")) << d;
}

// Only operations that can fail get a site: int + - * and negation, every `/`, builtins,
// with-probability, phases and reports; real + - * and comparisons do not.
TEST(Lower, SitesOnlyWhereThingsCanFail) {
  test::Lowered l(R"(
scenario s {
  state i = 2
  state x = 1.5
  event e
  phase go for 3 {
    i = i + 1
    x = -x * 2 - 1
    with probability x / 10 { trigger e }
    if i < 2 and x > 0.0 { i = -i }
  }
  report P(e)
}
)");
  ASSERT_TRUE(l.module);
  std::vector<std::string> whats;
  for (const Site& s : l.module->sites) whats.push_back(s.what);
  EXPECT_EQ(whats, (std::vector<std::string>{"phase 'go'", "+", "with probability", "/", "-", "report 'P(e)'"}));
  for (const Site& s : l.module->sites) EXPECT_TRUE(s.range.valid()) << s.what;
}

// Locals get their own slots; an else-if chain nests in else blocks; `stop` and `end` stay
// where they were written.
TEST(Lower, LocalsAndControlFlow) {
  std::string d = dump(R"(
scenario s {
  state n = 0
  phase go for 10 {
    let a = n + 1
    if a > 5 { stop } else if a > 3 { let b = a * 2
      n = b } else { n = a }
    if n > 100 { end }
  }
  report E(n)
}
)");
  EXPECT_TRUE(has(d, "slot %1:a : int local")) << d;
  EXPECT_TRUE(has(d, "slot %2:b : int local")) << d;
  EXPECT_TRUE(has(d, "    let %1:a = add.i[s1](%0:n, 1)\n"
                     "    if gt.i(%1:a, 5) {\n"
                     "      stop\n"
                     "    } else {\n"
                     "      if gt.i(%1:a, 3) {\n"
                     "        let %2:b = mul.i[s2](%1:a, 2)\n"
                     "        store %0:n = %2:b\n"
                     "      } else {\n"
                     "        store %0:n = %1:a\n"
                     "      }\n"
                     "    }\n"
                     "    if gt.i(%0:n, 100) {\n"
                     "      end\n"
                     "    }\n"))
      << d;
}

// An `until` without `limit` gets the default limit, explicit in the IR.
TEST(Lower, DefaultUntilLimit) {
  std::string d = dump(R"(
scenario s {
  event e
  phase wait until e { with probability 0.5 { trigger e } }
  report P(e)
}
)");
  EXPECT_TRUE(has(d, "phase wait[s0] until #0:e limit 10000000 {")) << d;
}

}  // namespace
}  // namespace omen::ir
