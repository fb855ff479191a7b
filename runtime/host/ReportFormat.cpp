//===- ReportFormat.cpp - Number formatting and format dispatch ------------===//

#include <cctype>
#include "core/PrintableText.h"
#include "runtime/host/ReportFormat.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace omen {

std::optional<OutputFormat> parseOutputFormat(const std::string& name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "csv") return OutputFormat::Csv;
  return std::nullopt;
}

std::string formatRun(const RunResult& result, OutputFormat format) {
  return rt::formatWith(result, format, rt::formatRunText, rt::formatRunJson, rt::formatRunCsv);
}

std::string formatCompare(const CompareResult& result, OutputFormat format) {
  return rt::formatWith(result, format, rt::formatCompareText, rt::formatCompareJson, rt::formatCompareCsv);
}

std::string formatNumber(double x) { return rt::shortestNumber(x); }

namespace rt {


std::string shortestNumber(double x) {
  if (!std::isfinite(x)) return "null";
  // Plain decimals where they stay readable and every reader takes them for the number they
  // are (1e-6 <= |x| < 1e15: a longer run of digits reads as an integer that overflows
  // 64 bits in pandas and loses digits in JavaScript), the shortest form otherwise
  // ("1e+19"); both read back as exactly x.
  char buf[400];
  double a = std::abs(x);
  bool fixed = a == 0 || (a >= 1e-6 && a < 1e15);
  auto [end, ec] = fixed ? std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed)
                         : std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  return std::string(buf, end);
}

std::string csvNumber(double x) {
  std::string s = shortestNumber(x);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

const char* undefinedReason(const ReportResult& r) {
  // A posterior over trials that all have weight 0: none agrees with what was observed.
  if (r.weighted && r.n > 0) return "every trial has weight 0";
  return r.conditional ? "condition never held" : "no trial finished";
}

const char* verdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Undecided: return "undecided";
  }
  return "";
}

std::string verdictCell(const ReportResult& r) {
  if (!r.expectation) return "";
  std::string name = verdictName(r.verdict.verdict);
  if (!r.verdict.sequential) return name + " at this n (not sequential)";
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

const char* reportKindName(ReportKind kind) {
  switch (kind) {
    case ReportKind::Probability:
      return "probability";
    case ReportKind::Mean:
      return "mean";
    case ReportKind::Quantiles:
      return "quantiles";
  }
  return "?";
}

std::string roundedNumber(double x, double scale) {
  if (!std::isfinite(x)) return "nan";
  if (!(scale > 0) || !std::isfinite(scale)) return fmt::format("{:.6g}", x);
  // Two significant digits of the scale fix the last printed decimal place.
  int lastDigit = static_cast<int>(std::floor(std::log10(scale))) - 1;
  double magnitude = std::abs(x);
  int firstDigit = magnitude > 0 ? static_cast<int>(std::floor(std::log10(magnitude))) : lastDigit;
  std::string out;
  if (lastDigit >= -8 && lastDigit <= 6 && firstDigit < 9) {
    if (lastDigit > 0) {
      double unit = std::pow(10.0, lastDigit);
      out = fmt::format("{:.0f}", std::round(x / unit) * unit);
    } else {
      out = fmt::format("{:.{}f}", x, -lastDigit);
    }
  } else {
    int significant = std::max(1, std::max(firstDigit, lastDigit) - lastDigit + 1);
    out = fmt::format("{:.{}e}", x, significant - 1);
  }
  // A tiny negative value rounded to zero prints as "0.000", not "-0.000".
  if (out[0] == '-' && out.find_first_not_of("-0.e+", 0) == std::string::npos) out.erase(0, 1);
  return out;
}

}  // namespace rt
}  // namespace omen
