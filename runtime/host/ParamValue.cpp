//===- ParamValue.cpp - Reading a `--set name=value` value ------------------===//
#include "runtime/host/ParamValue.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace omen::rt {

// A finite number in the language's literal syntax (digits may be separated by `_`, a
// trailing `%` divides by 100). Returns false if `text` is anything else.
static bool parseNumber(const std::string& text, double& out, bool& percent) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  percent = !digits.empty() && digits.back() == '%';
  if (percent) digits.pop_back();
  if (digits.empty() || std::isspace(static_cast<unsigned char>(digits[0]))) return false;
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() || errno == ERANGE || !std::isfinite(v)) return false;
  // strtod also reads "inf", "nan" and hex floats, which are not omen literals.
  for (char c : digits)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
      return false;
  out = percent ? v / 100 : v;
  return true;
}

bool parseParamValue(const std::string& text, ValueType type, Value& value, std::string& error) {
  switch (type) {
    case ValueType::Bool:
      if (text == "true" || text == "false") {
        value.i = text == "true";
        return true;
      }
      error = "expected true or false (the param is a bool)";
      return false;
    case ValueType::Int: {
      // Plain digits are read exactly: through a double, 2^53 + 1 would become 2^53.
      std::string digits;
      for (char c : text)
        if (c != '_') digits += c;
      int64_t exact;
      const char* first = digits.data() + (!digits.empty() && digits[0] == '+');
      auto [end, ec] = std::from_chars(first, digits.data() + digits.size(), exact);
      if (!digits.empty() && end == digits.data() + digits.size()) {
        if (ec == std::errc()) {
          value.i = exact;
          return true;
        }
        error = "the number does not fit in a 64-bit int";
        return false;
      }
      double v;
      bool percent;
      if (parseNumber(text, v, percent) && !percent && v == std::floor(v) && std::fabs(v) <= 9.007199254740992e15) {
        value.i = static_cast<int64_t>(v);
        return true;
      }
      error = "expected a whole number (the param is an int)";
      return false;
    }
    case ValueType::Real: {
      double v;
      bool percent;
      if (parseNumber(text, v, percent)) {
        value.r = v;
        return true;
      }
      error = "expected a number such as 0.25, 25% or 1e-3 (the param is a real)";
      return false;
    }
  }
  error = "unknown param type";
  return false;
}

}  // namespace omen::rt
