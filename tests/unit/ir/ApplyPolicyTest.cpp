//===- ApplyPolicyTest.cpp - A strategy compiled into its scenario ----------===//
//
// Each `choose` becomes a Let of one Lookup in a table sorted by what it sees, whatever the
// table's size (the IR does not grow with the rows), and the result verifies; a table that
// lists a state twice is refused by name.
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <algorithm>

#include "LowerFixture.h"
#include "ir/ApplyPolicy.h"
#include "ir/ChoiceKey.h"
#include "ir/Verifier.h"

namespace omen::test {
namespace {

const char* kSource = R"(
scenario s {
  state n = 0
  phase p for 3 {
    choose go in {false, true}
    if go { n = n + 1 }
  }
  report E(n)
}
)";

// A table for `choose go` listing `rows` states (t, n) -> go = t is even.
ir::ChoiceTable table(int rows) {
  ir::ChoiceTable out;
  for (int r = rows - 1; r >= 0; --r) {  // unsorted on purpose
    out.seen.push_back({r % 3, r / 3});
    out.choice.push_back(r % 3 % 2 == 0);
  }
  return out;
}

int countLookups(const ir::Expr& e) {
  int n = e.kind == ir::ExprKind::Lookup;
  for (const ir::ExprPtr& o : e.operands) n += countLookups(*o);
  return n;
}

TEST(ApplyPolicy, EachChooseBecomesOneLookupInASortedTable) {
  Lowered l(kSource);
  ASSERT_TRUE(l.module);
  const ir::Scenario& s = l.module->scenarios[0];
  const ir::Stmt* choose = ir::chooseStatements(s).at(0);
  ASSERT_EQ(ir::choiceColumns(s, *choose).size(), 2u);  // t, n
  for (int rows : {3, 3000}) {
    ir::Scenario copy = ir::copyScenario(s);
    EXPECT_EQ(ir::applyPolicy(copy, {{choose->site, table(rows)}}), "");
    EXPECT_TRUE(ir::chooseStatements(copy).empty());
    const ir::Stmt& let = *copy.phases[0].body[0];
    ASSERT_EQ(let.kind, ir::StmtKind::Let);
    EXPECT_EQ(countLookups(*let.value), 1);
    const ir::LookupTable& t = *let.value->table;
    EXPECT_EQ(t.width, 2u);
    EXPECT_EQ(t.rows(), size_t(rows));
    for (size_t r = 1; r < t.rows(); ++r)
      EXPECT_TRUE(std::lexicographical_compare(t.cells.begin() + (r - 1) * 3, t.cells.begin() + (r - 1) * 3 + 2,
                                               t.cells.begin() + r * 3, t.cells.begin() + r * 3 + 2));
  }
  // The module's own scenario is untouched, and the applied copy verifies in it.
  EXPECT_EQ(ir::chooseStatements(s).size(), 1u);
  ir::Scenario copy = ir::copyScenario(s);
  ASSERT_EQ(ir::applyPolicy(copy, {{choose->site, table(6)}}), "");
  l.module->scenarios.push_back(std::move(copy));
  std::vector<std::string> problems = ir::verify(*l.module);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(ApplyPolicy, AStateListedTwiceIsRefused) {
  Lowered l(kSource);
  ASSERT_TRUE(l.module);
  const ir::Scenario& s = l.module->scenarios[0];
  const ir::Stmt* choose = ir::chooseStatements(s).at(0);
  ir::ChoiceTable twice = table(3);
  twice.seen.push_back(twice.seen[0]);
  twice.choice.push_back(twice.choice[0]);
  ir::Scenario copy = ir::copyScenario(s);
  EXPECT_EQ(ir::applyPolicy(copy, {{choose->site, twice}}), "the policy's table for `choose go` lists the same state twice");
}

}  // namespace
}  // namespace omen::test
