//===- ReportFormat.h - Results as text, JSON and CSV ----------------------===//
//
// What `omen run` and `omen compare` print (docs/reference.md section 12). JSON and CSV print
// every number shortest-round-trip, so a value read back is bit-identical to the one
// computed; text rounds to what the standard error makes meaningful.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "runtime/Results.h"

namespace omen::rt {

inline constexpr const char* kOmenVersion = "0.1.0";

enum class OutputFormat { Text, Json, Csv };

std::string formatRun(const RunResult& result, OutputFormat format);
std::string formatCompare(const CompareResult& result, OutputFormat format);

std::string formatRunText(const RunResult& result);
std::string formatRunJson(const RunResult& result);
std::string formatRunCsv(const RunResult& result);
std::string formatCompareText(const CompareResult& result);
std::string formatCompareJson(const CompareResult& result);
std::string formatCompareCsv(const CompareResult& result);

/// The shortest decimal that reads back as exactly `x` ("0.1", "1e-07", "100000");
/// "null" for NaN or infinity (which the driver never lets through).
std::string shortestNumber(double x);

/// "probability", "mean" or "quantiles".
const char* reportKindName(ReportKind kind);

/// `x` rounded for a human: with `scale` (a standard error or interval width) > 0, to two
/// significant digits of `scale`; otherwise to 6 significant digits.
std::string roundedNumber(double x, double scale);

}  // namespace omen::rt
