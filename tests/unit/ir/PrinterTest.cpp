//===- PrinterTest.cpp - The textual IR is exact and stable ------------------===//
#include <gtest/gtest.h>

#include "LowerFixture.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"

namespace omen::ir {
namespace {

/// A scenario built by hand: one fixed param, one uncertain param, a state, an event, a
/// phase with a with-probability, and a conditional report.
Module handBuilt() {
  Module m;
  m.consts.push_back({"k", Type::Int, GlobalKind::Const, makeInt(3), 0});
  Function f;
  f.name = "twice";
  f.returnType = Type::Real;
  f.argCount = 1;
  f.slots.push_back({"x", Type::Real, SlotKind::Arg});
  f.body.push_back(makeReturn(makeBinary(BinaryOp::Mul, makeLoadSlot(0, Type::Real), makeReal(2))));
  m.functions.push_back(std::move(f));

  Scenario s;
  s.name = "demo";
  uint32_t sBeta = m.addSite({}, "beta");
  uint32_t sAdd = m.addSite({}, "+");
  uint32_t sWp = m.addSite({}, "with probability");
  uint32_t sPhase = m.addSite({}, "phase 'go'");
  uint32_t sReport = m.addSite({}, "report 'E(n | e)'");
  s.globals.push_back({"steps", Type::Int, GlobalKind::FixedParam,
                       makeBinary(BinaryOp::Add, makeLoadGlobal(0, Type::Int), makeInt(7), sAdd), 0});
  s.globals.push_back({"p", Type::Real, GlobalKind::Uncertain, nullptr, 0});
  s.globals.push_back({"p.pinned", Type::Bool, GlobalKind::Pinned, nullptr, 2});
  s.params.push_back({"steps", Type::Int, false, 1, 0, 0});
  s.params.push_back({"p", Type::Real, true, 2, 3, 0});
  s.slots.push_back({"p", Type::Real, SlotKind::Param});
  s.slots.push_back({"n", Type::Int, SlotKind::State});
  s.events.push_back("e");
  {
    Block pinned, drawn;
    pinned.push_back(makeStore(0, makeLoadGlobal(2, Type::Real)));
    std::vector<ExprPtr> args;
    args.push_back(makeReal(2));
    args.push_back(makeReal(0.5));
    drawn.push_back(makeStore(0, makeCallBuiltin(BuiltinId::Beta, false, std::move(args), sBeta)));
    s.trialInit.push_back(makeIf(makeLoadGlobal(3, Type::Bool), std::move(pinned), std::move(drawn)));
    s.trialInit.push_back(makeStore(1, makeInt(0)));
  }
  Phase ph;
  ph.name = "go";
  ph.site = sPhase;
  ph.count = makeLoadGlobal(1, Type::Int);
  {
    std::vector<ExprPtr> args;
    args.push_back(makeLoadSlot(0, Type::Real));
    Block then;
    then.push_back(makeTrigger(0));
    then.push_back(makeEnd());
    ph.body.push_back(makeWithProbability(makeCallFunction(0, Type::Real, std::move(args)), sWp, std::move(then)));
  }
  s.phases.push_back(std::move(ph));
  Report r;
  r.kind = ReportKind::Mean;
  r.label = "E(n | e)";
  r.value = makeIntToReal(makeClock(Clock::GlobalStep));
  r.given = makeAnd(makeEventHappened(0), makeUnary(UnaryOp::Not, makeBinary(BinaryOp::Eq, makeEventTime(0), makeInt(-1))));
  r.site = sReport;
  s.reports.push_back(std::move(r));
  m.scenarios.push_back(std::move(s));
  return m;
}

TEST(Printer, HandBuiltModuleExactText) {
  Module m = handBuilt();
  EXPECT_EQ(toString(m), R"IR(const @0:k : int = 3

fn f0:twice(%0:x : real) -> real {
  return mul.r(%0:x, 2.0)
}

scenario demo {
  global @1:steps : int param = add.i[s1](@0:k, 7)
  global @2:p : real uncertain
  global @3:p.pinned : bool pins @2:p
  slot %0:p : real param
  slot %1:n : int state
  event #0:e
  init {
    if @3:p.pinned {
      store %0:p = @2:p
    } else {
      store %0:p = beta[s0](2.0, 0.5)
    }
    store %1:n = 0
  }
  phase go[s3] for @1:steps {
    with probability[s2] call f0:twice(%0:p) {
      trigger #0:e
      end
    }
  }
  report E[s4] "E(n | e)" = real(t) given and(#0:e, not(eq.i(time(#0:e), -1)))
}

sites {
  s0 "beta" at file0:0:0
  s1 "+" at file0:0:0
  s2 "with probability" at file0:0:0
  s3 "phase 'go'" at file0:0:0
  s4 "report 'E(n | e)'" at file0:0:0
}
)IR");
  EXPECT_TRUE(verify(m).empty());
}

TEST(Printer, RealsReadBackExactly) {
  EXPECT_EQ(formatReal(0.1), "0.1");
  EXPECT_EQ(formatReal(1e21), "1e+21");
  EXPECT_EQ(formatReal(2), "2.0");
  EXPECT_EQ(formatReal(-0.5), "-0.5");
  EXPECT_EQ(std::stod(formatReal(0.65 * 0.8)), 0.65 * 0.8);
}

// The dump of a real program is deterministic: lowering twice prints the same text, and it
// names each scenario's pieces in order.
TEST(Printer, LoweredExamplesAreDeterministic) {
  for (const char* name : {"premises", "online_learning", "early_stopping"}) {
    std::string text = test::readFile(std::string(OMEN_SOURCE_DIR "/examples/") + name + ".omen");
    test::Lowered a(text, std::string(name) + ".omen"), b(text, std::string(name) + ".omen");
    ASSERT_TRUE(a.module && b.module) << name;
    std::string dump = toString(*a.module, &a.sm);
    EXPECT_EQ(dump, toString(*b.module, &b.sm)) << name;
    EXPECT_NE(dump.find("scenario "), std::string::npos);
    EXPECT_NE(dump.find("sites {"), std::string::npos);
  }
}

}  // namespace
}  // namespace omen::ir
