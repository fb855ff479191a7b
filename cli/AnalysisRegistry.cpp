//===- AnalysisRegistry.cpp - The list of analyses -------------------------===//
#include "cli/AnalysisRegistry.h"

namespace omen::rt {

// Each defined in its own *Analysis.cpp.
extern const AnalysisDescriptor kSweepAnalysis, kSolveAnalysis, kSensitivityAnalysis, kWorstAnalysis,
    kWorldsAnalysis, kVoiAnalysis, kTestAnalysis, kRareAnalysis;

const std::vector<const AnalysisDescriptor*>& analysisRegistry() {
  static const std::vector<const AnalysisDescriptor*> all = {&kSweepAnalysis, &kSolveAnalysis, &kSensitivityAnalysis,
                                                             &kWorstAnalysis, &kWorldsAnalysis, &kVoiAnalysis,
                                                             &kTestAnalysis, &kRareAnalysis};
  return all;
}

const AnalysisDescriptor* findAnalysis(const std::string& name) {
  for (const AnalysisDescriptor* a : analysisRegistry())
    if (name == a->name) return a;
  return nullptr;
}

}  // namespace omen

const char* omen::doorName(Door door) {
  switch (door) {
    case Door::Command: return "omen";
    case Door::Repl: return "the REPL";
    case Door::Executable: return "built executables";
    case Door::Python: return "Python";
  }
  return "";
}

std::vector<omen::AnalysisInfo> omen::analyses() {
  std::vector<AnalysisInfo> out;
  for (const rt::AnalysisDescriptor* a : rt::analysisRegistry()) {
    AnalysisInfo info{a->name, a->summary, {}};
    for (const char* why : a->unavailable) info.unavailable.push_back(why ? why : "");
    out.push_back(std::move(info));
  }
  return out;
}
