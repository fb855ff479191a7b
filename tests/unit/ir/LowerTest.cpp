//===- LowerTest.cpp - Lowering real programs ------------------------------===//
#include <iostream>

#include "LowerFixture.h"
#include "ir/Printer.h"

namespace omen::test {
namespace {

TEST(Lower, DumpPremises) {
  Lowered l(readFile(OMEN_SOURCE_DIR "/examples/premises.omen"), "premises.omen");
  ASSERT_TRUE(l.module);
  std::cout << ir::toString(*l.module, &l.sm);
}

}  // namespace
}  // namespace omen::test
