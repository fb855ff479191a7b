//===- Format.h - Results as text, JSON or CSV -----------------------------===//
//
// What `omen run` and `omen compare` print (docs/reference.md section 12). JSON and CSV print
// every number shortest-round-trip, so a value read back is bit-identical to the one
// computed; text rounds to what the standard error makes meaningful.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <string>

#include "omen/Results.h"

namespace omen {

enum class OutputFormat { Text, Json, Csv };

/// "text", "json" or "csv" as a format; nullopt for any other name.
std::optional<OutputFormat> parseOutputFormat(const std::string& name);

std::string formatRun(const RunResult& result, OutputFormat format);
std::string formatCompare(const CompareResult& result, OutputFormat format);

/// A number as JSON and CSV print it: the shortest decimal that reads back as exactly `x`.
std::string formatNumber(double x);

}  // namespace omen
