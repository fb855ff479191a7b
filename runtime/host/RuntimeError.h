//===- RuntimeError.h - Turning a trial's error record into a message ------===//
//
// Engines record errors as plain values (OmenError in TrialContext.h) from code that cannot
// format strings (JIT kernels). The driver, which knows the source place and the scenario,
// asks for the text here and prints "file:line:col: error: <text>".
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

#include "omen/Results.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::rt {

/// A readable sentence for `e`, with its values: "probability 1.2 is outside [0, 1]",
/// "beta(a, b) needs a > 0 and b > 0; got a = -1, b = 2", "log of a negative number (-3)".
/// `what` names the operation at the error's site: a builtin's name ("beta", "log"), an
/// operator ("+", "/"), "with probability", or a phase ("phase 'training'").
std::string describeRuntimeError(const OmenError& e, std::string_view what);

/// The whole message omen prints for a failed run: `where` ("file:line:col: ", or empty),
/// "runtime error: " and the sentence, the source `snippet` (line and caret, may be empty),
/// and a note naming the trial (or the consts and fixed params) of `scenario`. One text for
/// every engine: the API renders `where` and `snippet` from the sources, an AOT executable
/// from the copies compiled into it.
std::string renderRunError(const RunError& error, std::string_view where, std::string_view what,
                           std::string_view snippet, std::string_view scenario);

/// The site a run error points at: where a report's value failed (the driver rejected a
/// non-finite outcome of report `error.report`, whose site `reportSite(i)` gives), else the
/// statement the kernel failed in. The API and built executables choose it here, so that a
/// run prints the same place on every engine.
template <typename ReportSite>
uint32_t errorSite(const RunError& error, size_t reports, ReportSite reportSite) {
  if (error.report >= 0 && static_cast<size_t>(error.report) < reports) return reportSite(static_cast<size_t>(error.report));
  return error.error.site;
}

/// A double as a user reads it: shortest round-trip form ("1.2", "-3", "1e+300", "inf").
std::string formatValue(double x);

}  // namespace omen::rt
