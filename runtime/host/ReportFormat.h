//===- ReportFormat.h - The pieces behind omen/Format.h --------------------===//
//
// Each format's printer and the number formatting they share.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "core/PrintableText.h"
#include <string>

#include "omen/Format.h"

namespace omen::rt {

std::string formatRunText(const RunResult& result);
std::string formatRunJson(const RunResult& result);
std::string formatRunCsv(const RunResult& result);
std::string formatCompareText(const CompareResult& result);
std::string formatCompareJson(const CompareResult& result);
std::string formatCompareCsv(const CompareResult& result);

/// The one switch from a format to a result's writer for it (every result's formatX).
template <typename Result>
std::string formatWith(const Result& result, OutputFormat format, std::string (*text)(const Result&),
                       std::string (*json)(const Result&), std::string (*csv)(const Result&)) {
  switch (format) {
    // Labels reach text output unescaped nowhere: control characters are shown, not sent.
    case OutputFormat::Text: return printableText(text(result));
    case OutputFormat::Json: return json(result);
    case OutputFormat::Csv: return csv(result);
  }
  return "";
}

/// The shortest decimal that reads back as exactly `x` ("0.1", "1e-07", "100000");
/// "null" for NaN or infinity (which the driver never lets through).
std::string shortestNumber(double x);
/// shortestNumber, under the short name the formatters' long format strings read better with.
inline std::string num(double x) { return shortestNumber(x); }

/// `s` as a JSON string literal, quoted and escaped.
std::string jsonString(const std::string& s);

/// Why an undefined report has no estimate: "condition never held", or (an unconditional
/// report of a run interrupted before its first trial finished) "no trial finished".
const char* undefinedReason(const ReportResult& r);

/// Text (a label, a name, a note; never a number) as one CSV field: made inert
/// (core/PrintableText.h: control characters escaped, a leading = + - @ behind a single
/// quote), then quoted (with doubled quotes) only if it holds a comma or a quote.
std::string csvField(const std::string& text);

/// "probability", "mean" or "quantiles".
const char* reportKindName(ReportKind kind);

/// `x` rounded for a human: with `scale` (a standard error or interval width) > 0, to two
/// significant digits of `scale`; otherwise to 6 significant digits.
std::string roundedNumber(double x, double scale);

}  // namespace omen::rt
