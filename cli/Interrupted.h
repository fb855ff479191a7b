//===- Interrupted.h - What an analysis cut short by Ctrl-C says it finished ===//
//
// Every analysis stops the same way on Ctrl-C (docs/reference.md, "Interrupting"): it keeps
// what finished, prints it marked partial in every format (never an unfinished estimate
// shown as a result), says on stderr what finished, and the command exits 130. These are
// the stderr lines, one per analysis, as CommandLine.h's interruptNotice is for run and
// compare; "" when the analysis was not cut short.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "omen/Analysis.h"
#include "omen/Rare.h"
#include "omen/ExpectTest.h"
#include "omen/Sensitivity.h"
#include "omen/Worlds.h"
#include "omen/Voi.h"
#include "omen/Worst.h"

namespace omen::rt {

std::string interruptNotice(const SweepResult& result, const std::string& tool);
std::string interruptNotice(const SolveResult& result, const std::string& tool);
std::string interruptNotice(const SensitivityResult& result, const std::string& tool);
std::string interruptNotice(const WorldsResult& result, const std::string& tool);
std::string interruptNotice(const WorstResult& result, const std::string& tool);
std::string interruptNotice(const VoiResult& result, const std::string& tool);
std::string interruptNotice(const RareResult& result, const std::string& tool);
std::string interruptNotice(const TestResult& result, const std::string& tool);

/// The rendered errors of the parts of a result that failed while the rest is printed
/// (a sweep's failed points), or "".
std::string partErrors(const SweepResult& result);
template <typename Result>
std::string partErrors(const Result&) {
  return "";
}

/// The exit status a finished result's verdicts call for: `test`'s kExitProgramError (1) if
/// an expectation failed, kExitUndecided (3) if none failed but one is undecided; kExitOk
/// for every other analysis.
int verdictStatus(const TestResult& result);
template <typename Result>
int verdictStatus(const Result&) {
  return 0;
}

}  // namespace omen::rt
