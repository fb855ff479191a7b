//===- StepAnalysis.h - What the phase analyses ask of a step's code ----------===//
//
// Quiescence.h (skip steps that draw nothing) and Hazards.h (jump over steps whose
// `with probability` choices all fail) rest on the same proof: a step that changes nothing
// leaves everything the next step reads as it was, so the next step does exactly the same.
// That holds when the phase's code reads no clock and no local carried over from an earlier
// step, and changes nothing the engines do not watch (array elements, a loop variable, the
// trial's weight). This class proves that, and answers whether code may or must draw.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ir/Module.h"

namespace omen::ir {

class StepAnalysis {
 public:
  StepAnalysis(const Module& m, const Scenario& s);

  /// "" when every step of `p` that changes nothing leaves the next step the same, else why
  /// not ("the body reads t", "the until condition draws", …). Draws in the body are the
  /// callers' business.
  std::string unchangedBetweenSteps(const Phase& p);

  /// Whether evaluating `e` may draw (a distribution, or a function that may).
  bool mayDraw(const Expr& e);
  bool mayDraw(const Block& b);
  /// Whether running `b` surely draws (a distribution on every path).
  bool mustDraw(const Block& b);

  /// "t" or "step" if `e` reads that clock.
  static const char* readsClock(const Expr& e);

 private:
  bool isLocal(uint32_t slot) const;
  bool scanExpr(const Expr& e, const std::set<uint32_t>& assigned, std::string& why) const;
  bool scanBlock(const Block& b, std::set<uint32_t>& assigned, std::string& why) const;
  bool mayDrawFunction(uint32_t f);
  bool mustDraw(const Expr& e);
  bool mustDrawFunction(uint32_t f);

  const Module& m_;
  const Scenario& s_;
  std::vector<int> mayDrawFn_, mustDrawFn_;  ///< -1 unknown, 0 no, 1 yes
};

}  // namespace omen::ir
