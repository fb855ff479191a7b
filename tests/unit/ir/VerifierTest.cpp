//===- VerifierTest.cpp - The verifier accepts lowered programs, catches breakage -===//
#include <gtest/gtest.h>

#include "LowerFixture.h"
#include "ir/Verifier.h"

namespace omen::ir {
namespace {

/// A minimal valid scenario with one state `n` (int), one event, one phase and one report.
Module base() {
  Module m;
  Scenario s;
  s.name = "s";
  s.slots.push_back({"n", Type::Int, SlotKind::State});
  s.slots.push_back({"x", Type::Real, SlotKind::Local});
  s.events.push_back("e");
  s.trialInit.push_back(makeStore(0, makeInt(0)));
  Phase p;
  p.name = "go";
  p.site = m.addSite({}, "phase 'go'");
  p.count = makeInt(3);
  s.phases.push_back(std::move(p));
  Report r;
  r.kind = ReportKind::Probability;
  r.label = "P(e)";
  r.value = makeEventHappened(0);
  r.site = m.addSite({}, "report");
  s.reports.push_back(std::move(r));
  m.scenarios.push_back(std::move(s));
  return m;
}

Block& body(Module& m) { return m.scenarios[0].phases[0].body; }

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& p : problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

TEST(Verifier, AcceptsTheBase) { EXPECT_TRUE(verify(base()).empty()); }

TEST(Verifier, SlotOutOfRange) {
  Module m = base();
  body(m).push_back(makeStore(0, makeLoadSlot(9, Type::Int)));
  EXPECT_TRUE(mentions(verify(m), "slot %9 out of range"));
}

TEST(Verifier, StoreOfTheWrongType) {
  Module m = base();
  body(m).push_back(makeStore(0, makeReal(1.5)));
  EXPECT_TRUE(mentions(verify(m), "store has type real, expected int"));
}

TEST(Verifier, MixedOperandTypes) {
  Module m = base();
  body(m).push_back(makeLet(1, makeBinary(BinaryOp::Add, makeReal(1), makeInt(2))));
  EXPECT_TRUE(mentions(verify(m), "operands of add differ in type"));
}

TEST(Verifier, IntArithmeticNeedsASite) {
  Module m = base();
  body(m).push_back(makeStore(0, makeBinary(BinaryOp::Add, makeLoadSlot(0, Type::Int), makeInt(1))));
  EXPECT_TRUE(mentions(verify(m), "int arithmetic without a valid site"));
}

TEST(Verifier, ReturnOutsideAFunction) {
  Module m = base();
  body(m).push_back(makeReturn(makeInt(1)));
  EXPECT_TRUE(mentions(verify(m), "return outside a function"));
}

TEST(Verifier, EndAndStopOnlyInPhases) {
  Module m = base();
  m.scenarios[0].trialInit.push_back(makeEnd());
  m.scenarios[0].trialInit.push_back(makeStop());
  auto problems = verify(m);
  EXPECT_TRUE(mentions(problems, "end outside a phase"));
  EXPECT_TRUE(mentions(problems, "stop outside a phase"));
}

TEST(Verifier, LetIntoAState) {
  Module m = base();
  body(m).push_back(makeLet(0, makeInt(1)));
  EXPECT_TRUE(mentions(verify(m), "let into non-local"));
}

TEST(Verifier, EventOutOfRange) {
  Module m = base();
  body(m).push_back(makeTrigger(4));
  EXPECT_TRUE(mentions(verify(m), "trigger of event out of range"));
}

TEST(Verifier, BuiltinArgumentsChecked) {
  Module m = base();
  std::vector<ExprPtr> args;
  args.push_back(makeInt(1));  // beta wants reals
  args.push_back(makeReal(1));
  uint32_t site = m.addSite({}, "beta");
  body(m).push_back(makeLet(1, makeCallBuiltin(BuiltinId::Beta, false, std::move(args), site)));
  EXPECT_TRUE(mentions(verify(m), "builtin argument has type int, expected real"));
}

TEST(Verifier, DrawInAReport) {
  Module m = base();
  std::vector<ExprPtr> args;
  args.push_back(makeReal(0.5));
  m.scenarios[0].reports[0].value = makeCallBuiltin(BuiltinId::Bernoulli, false, std::move(args), m.addSite({}, "bernoulli"));
  EXPECT_TRUE(mentions(verify(m), "a draw in a report"));
}

TEST(Verifier, GlobalInitReadsOnlyEarlierGlobals) {
  Module m = base();
  Scenario& s = m.scenarios[0];
  s.globals.push_back({"a", Type::Real, GlobalKind::FixedParam, makeLoadGlobal(1, Type::Real), 0});
  s.globals.push_back({"b", Type::Real, GlobalKind::FixedParam, makeReal(1), 0});
  EXPECT_TRUE(mentions(verify(m), "global @1 is not readable here"));
}

TEST(Verifier, RecursionAndMissingReturn) {
  Module m = base();
  Function f;
  f.name = "loop";
  f.returnType = Type::Int;
  std::vector<ExprPtr> none;
  f.body.push_back(makeIf(makeBool(true), {}, {}));
  f.body[0]->thenBlock.push_back(makeReturn(makeCallFunction(0, Type::Int, std::move(none))));
  m.functions.push_back(std::move(f));
  auto problems = verify(m);
  EXPECT_TRUE(mentions(problems, "calls loop recursively"));
  EXPECT_TRUE(mentions(problems, "a path that does not return"));
}

TEST(Verifier, PinnedFlagMustPointAtAnUncertainParam) {
  Module m = base();
  Scenario& s = m.scenarios[0];
  s.globals.push_back({"a", Type::Real, GlobalKind::FixedParam, makeReal(1), 0});
  s.globals.push_back({"a.pinned", Type::Bool, GlobalKind::Pinned, nullptr, 0});
  EXPECT_TRUE(mentions(verify(m), "pinned flag of something not an uncertain param"));
}

// Everything the real frontend accepts lowers to IR that verifies (LowerFixture fails the
// test on any verifier message).
TEST(Verifier, AcceptsLoweredExamples) {
  for (const char* name : {"premises", "online_learning", "early_stopping"}) {
    test::Lowered l(test::readFile(std::string(OMEN_SOURCE_DIR "/examples/") + name + ".omen"));
    ASSERT_TRUE(l.module) << name;
    EXPECT_FALSE(l.module->scenarios.empty());
  }
}

}  // namespace
}  // namespace omen::ir
