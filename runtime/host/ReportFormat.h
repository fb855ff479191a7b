//===- ReportFormat.h - The pieces behind omen/Format.h --------------------===//
//
// Each format's printer and the number formatting they share.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "core/PrintableText.h"
#include <optional>
#include <string>
#include <utility>

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

/// A real-valued CSV field: shortestNumber with ".0" after a whole number ("0.0", "250.0"),
/// so that a column of them reads as floats in pandas and every spreadsheet, whatever the
/// values happen to be; counts stay integers.
std::string csvNumber(double x);

/// `s` as a JSON string literal, quoted and escaped.
std::string jsonString(const std::string& s);

/// Why an undefined report has no estimate: "condition never held", or (an unconditional
/// report of a run interrupted before its first trial finished) "no trial finished".
const char* undefinedReason(const ReportResult& r);

/// Text (a label, a name, a note; never a number) as one CSV field: made inert
/// (core/PrintableText.h: control characters escaped, a leading = + - @ behind a single
/// quote), then quoted (with doubled quotes) only if it holds a comma or a quote.
std::string csvField(const std::string& text);

/// The CSV columns `,target,target_met,trials` of report `label` of a precision-targeted
/// run (`precision` empty: a run without targets, the columns left empty).
std::string precisionColumns(const std::optional<PrecisionOutcome>& precision, const std::string& label,
                             uint64_t trials);

/// A precision-targeted run's standing after `trials` trials: JSON object, and text lines.
std::string precisionObject(const PrecisionOutcome& p, uint64_t trials);
std::string precisionLines(const PrecisionOutcome& p, uint64_t trials);

/// "pass", "fail" or "undecided".
const char* verdictName(Verdict verdict);
/// An expectation's verdict as a text cell: "PASS" ("FAIL", "UNDECIDED"), and for a run's
/// (not sequential) verdict "pass at this n (not sequential)".
std::string verdictCell(const ReportResult& r);

/// "probability", "mean" or "quantiles".
const char* reportKindName(ReportKind kind);

/// `x` rounded for a human: with `scale` (a standard error or interval width) > 0, to two
/// significant digits of `scale`; otherwise to 6 significant digits.
std::string roundedNumber(double x, double scale);

/// One estimate for reading, the way every text output prints one: "0.2012 ± 0.0013
/// [0.1987, 0.2037]" (rounded to its standard error), "undefined: …", or a value without
/// spread.
std::string estimateText(const ReportResult& r);
/// estimateText as two table cells: {"0.2012 ± 0.0013", "[0.1987, 0.2037]"}; a report
/// without spread gives its value and why there is no interval, or (a probability of 0
/// or 1) its value and its Wilson interval; never "± 0".
std::pair<std::string, std::string> estimateCells(const ReportResult& r);

/// A paired difference for reading, and its interval: {"+0.091 ± 0.018", "[0.056, 0.126]"};
/// {"0 (the same in every trial)", ""} when it has no spread; {"undefined", ""}.
std::pair<std::string, std::string> differenceText(const Comparison& c);

/// A scenario's evidence as a JSON object (estimate, se, interval, log, ESS, diagnostics),
/// and for reading: the "  evidence … ± … [lo, hi]   log …   ess …" line and a line per
/// failed diagnostic; nothing when every weight is exactly 1 (nothing was learnt).
std::string evidenceObject(const Evidence& e);
std::string evidenceLines(const Evidence& e);

}  // namespace omen::rt
