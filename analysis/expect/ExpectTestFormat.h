//===- ExpectTestFormat.h - `omen test`'s verdicts as text, JSON or CSV ---===//
#pragma once

#include <string>

#include "omen/ExpectTest.h"
#include "omen/Format.h"

namespace omen::rt {

/// Text: per scenario one line per expectation (PASS, FAIL or UNDECIDED, the estimate, the
/// confidence sequence's interval it was decided on, n), where the scenario stopped, then the
/// tally. JSON: the same as one document. CSV: one row per expectation.
std::string formatTest(const TestResult& result, OutputFormat format);

}  // namespace omen::rt
