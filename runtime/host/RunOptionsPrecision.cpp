//===- RunOptionsPrecision.cpp - Reading --precision and --rel-precision ----===//
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "omen/RunOptions.h"

namespace omen {

std::string parsePrecision(const std::string& text, bool relative, PrecisionTarget& out) {
  const char* flag = relative ? "--rel-precision" : "--precision";
  out = PrecisionTarget{};
  out.relative = relative;
  // A label may hold '=' (e.g. `P(x == 1)`): the value is what follows the last one.
  std::string value = text;
  size_t eq = text.rfind('=');
  if (eq != std::string::npos) {
    out.label = text.substr(0, eq);
    value = text.substr(eq + 1);
    if (out.label.empty())
      return fmt::format("{} '{}': say which report before '=', or give the value alone", flag, text);
  }
  bool percent = !value.empty() && value.back() == '%';
  if (percent) value.pop_back();
  const char* begin = value.c_str();
  char* end = nullptr;
  double v = value.empty() ? 0 : std::strtod(begin, &end);
  if (value.empty() || end != begin + value.size() || !std::isfinite(v) || v <= 0)
    return fmt::format("{} needs a positive number{}, not '{}'", flag,
                       relative ? " or percentage (e.g. 1%)" : " (e.g. 0.001)", text);
  if (percent && !relative)
    return fmt::format("--precision is a standard error in the report's units; for a percentage of "
                       "the estimate use --rel-precision {}", text);
  out.value = percent ? v / 100 : v;
  if (relative && out.value >= 1)
    return fmt::format("--rel-precision {} asks for a standard error of at least the estimate itself; "
                       "write a fraction below 1 or a percentage (e.g. 1%)", text);
  return "";
}

std::string describePrecision(const PrecisionTarget& target) {
  if (target.relative) return fmt::format("se <= {:g}% of |estimate|", target.value * 100);
  return fmt::format("se <= {:g}", target.value);
}

}  // namespace omen
