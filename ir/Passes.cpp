//===- Passes.cpp - The passes every lowered module goes through ------------===//
#include "ir/Passes.h"

#include "ir/Exactness.h"
#include "ir/Hazards.h"
#include "ir/Quiescence.h"
#include "ir/TrialLanes.h"
#include "ir/Verifier.h"

namespace omen::ir {

const IrPass kIrPasses[5] = {
    {"verify",
     [](Module& m) {
       std::vector<std::string> problems = verify(m);
       return problems.empty() ? std::string() : "lowering produced invalid IR: " + problems.front();
     }},
    {"quiescence", [](Module& m) { return analyzeQuiescence(m), std::string(); }},
    {"hazards", [](Module& m) { return analyzeHazards(m), std::string(); }},
    {"trial-lanes", [](Module& m) { return analyzeTrialLanes(m), std::string(); }},
    {"exactness", [](Module& m) { return analyzeExactness(m), std::string(); }},
};

bool runIrPasses(Module& module, std::string& error, std::string_view through) {
  for (const IrPass& pass : kIrPasses) {
    std::string why = pass.run(module);
    if (!why.empty()) {
      error = "internal error: " + why;
      return false;
    }
    if (through == pass.name) return true;
  }
  if (through.empty()) return true;
  error = "no IR pass named '" + std::string(through) + "'";
  return false;
}

}  // namespace omen::ir
