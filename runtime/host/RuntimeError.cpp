//===- RuntimeError.cpp - Messages for runtime errors ----------------------===//
//
// One sentence per error, naming the operation and the offending values in the words a
// modeller uses (parameter names of the distribution, "negative", "outside [0, 1]"), never a
// C-level description. The argument layouts are those the runtime records: see
// omen/ErrorRecord.h, runtime/kernel/Math.cpp and Samplers*.cpp; the argument names and
// requirements those of core/Builtins.def.
//
//===----------------------------------------------------------------------===//
#include "runtime/host/RuntimeError.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "core/Builtins.h"

namespace omen::rt {
namespace {

bool anyNotFinite(const OmenError& e) {
  for (uint32_t i = 0; i < e.argCount && i < 3; ++i)
    if (!std::isfinite(e.args[i])) return true;
  return false;
}

std::vector<std::string_view> argumentNames(const BuiltinInfo& b) {
  std::vector<std::string_view> names;
  std::string_view rest = b.argNames;
  while (!rest.empty()) {
    size_t comma = rest.find(", ");
    names.push_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
  }
  return names;
}

// "beta(a, b) needs a > 0 and b > 0; got a = -1, b = 2", from the builtin table.
std::string distArgs(const OmenError& e, std::string_view what) {
  const BuiltinInfo* b = findBuiltinInfo(what);
  if (!b || b->needs.empty()) {
    std::string got;
    for (uint32_t i = 0; i < e.argCount && i < 3; ++i)
      got += (i ? ", " : "") + formatValue(e.args[i]);
    return fmt::format("invalid arguments to '{}' ({})", what, got);
  }
  std::vector<std::string_view> names = argumentNames(*b);
  std::string got;
  for (uint32_t i = 0; i < e.argCount && i < names.size(); ++i)
    got += fmt::format("{}{} = {}", i ? ", " : "", names[i], formatValue(e.args[i]));
  std::string needs(b->needs);
  if (anyNotFinite(e)) needs = "finite arguments with " + needs;
  return fmt::format("{}({}) needs {}; got {}", what, b->argNames, needs, got);
}

std::string domain(const OmenError& e, std::string_view what) {
  const double x = e.args[0];
  if (what == "clamp" && e.argCount >= 3)
    return fmt::format("clamp(x, lo, hi) needs lo <= hi; got lo = {}, hi = {}",
                       formatValue(e.args[1]), formatValue(e.args[2]));
  if (what == "logit")
    return fmt::format("logit(p) needs 0 < p < 1; got p = {}", formatValue(x));
  if (what == "log" || what == "log10" || what == "sqrt") {
    if (x == 0) return fmt::format("{} of zero", what);
    if (x < 0) return fmt::format("{} of a negative number ({})", what, formatValue(x));
  }
  return fmt::format("{} is outside the domain of '{}'", formatValue(x), what);
}

std::string intOverflow(const OmenError& e, std::string_view what) {
  if ((what == "floor" || what == "ceil" || what == "round") && e.argCount >= 1)
    return fmt::format("{}({}) does not fit in an int (64 bits)", what,
                       formatValue(e.args[0]));
  if (what == "geometric" && e.argCount >= 1)
    return fmt::format("geometric({}) drew a number of trials too large for an int (64 bits)",
                       formatValue(e.args[0]));
  return fmt::format("integer overflow in '{}'", what);
}

std::string notFinite(const OmenError& e, std::string_view what) {
  std::string text = fmt::format("value is not finite ({}) in '{}'", formatValue(e.args[0]), what);
  if (e.argCount >= 3)  // pow records its operands after the value
    text += fmt::format(" with operands {} and {}", formatValue(e.args[1]),
                        formatValue(e.args[2]));
  return text;
}

std::string categorical(const OmenError& e) {
  if (e.argCount >= 3) {
    const double w = e.args[2];
    return fmt::format("categorical weight {} is {} ({})", formatValue(e.args[1]),
                       std::isnan(w) ? "not a number" : (w < 0 ? "negative" : "not finite"),
                       formatValue(w));
  }
  return fmt::format("categorical weights sum to {}, not 1 (within 1e-9)", formatValue(e.args[0]));
}

std::string badCount(const OmenError& e, std::string_view what) {
  const double n = e.args[0];
  return fmt::format("{} has a step count of {}; it must be between 0 and 2^53", what,
                     formatValue(n));
}

std::string indexRange(const OmenError& e, std::string_view what) {
  const double n = e.args[1];
  if (n == 0) return fmt::format("index {} is out of range for {}, which has length 0", formatValue(e.args[0]), what);
  return fmt::format("index {} is out of range for {} of length {} (indices 0..{})", formatValue(e.args[0]), what,
                     formatValue(n), formatValue(n - 1));
}

}  // namespace

std::string formatValue(double x) {
  if (std::isnan(x)) return "nan";  // never "-nan"
  // A whole number (an int operand, a count, an index) in all its digits: 1e+16 or
  // 9.223372036854776e+18 in a message hides which number it was.
  if (x == std::floor(x) && std::fabs(x) < 0x1p64) return fmt::format("{:.0f}", x);
  return fmt::format("{}", x);
}

std::string describeRuntimeError(const OmenError& e, std::string_view what) {
  switch (e.code) {
    case OMEN_OK:
      return "no error";
    case OMEN_ERR_PROBABILITY:
      return fmt::format("probability {} is outside [0, 1]", formatValue(e.args[0]));
    case OMEN_ERR_DIST_ARGS:
      return distArgs(e, what);
    case OMEN_ERR_DOMAIN:
      return domain(e, what);
    case OMEN_ERR_INT_OVERFLOW:
      return intOverflow(e, what);
    case OMEN_ERR_DIV_ZERO:
      return fmt::format("division by zero in '{}'", what);
    case OMEN_ERR_NOT_FINITE:
      return notFinite(e, what);
    case OMEN_ERR_PHASE_LIMIT:
      return fmt::format("{} did not finish within its limit of {} steps", what,
                         formatValue(e.args[0]));
    case OMEN_ERR_BAD_COUNT:
      return badCount(e, what);
    case OMEN_ERR_CATEGORICAL:
      return categorical(e);
    case OMEN_ERR_CANCELLED:
      return "the run was interrupted";
    case OMEN_ERR_INDEX_RANGE:
      return indexRange(e, what);
    case OMEN_ERR_ARRAY_LENGTH:
      return fmt::format("{} is {}; an array length must be between 0 and {} (all arrays of a scenario together)",
                         what, formatValue(e.args[0]), formatValue(e.args[1]));
    case OMEN_ERR_EMPTY_ARRAY:
      return fmt::format("{} of an empty array (length 0) has no value", what);
    case OMEN_ERR_CHOICES:
      return fmt::format("{} has {} choices; a choice takes 1 to {} values", what, formatValue(e.args[0]),
                         formatValue(e.args[1]));
    case OMEN_ERR_LOOP_LIMIT:
      return fmt::format("{} would run {} times; a loop runs at most 2^32 = 4294967296 times per trial", what,
                         e.args[0] < 0x1p53 ? formatValue(e.args[0]) : "more than 2^53");
    case OMEN_ERR_LANE_RETRY:
      return fmt::format("internal error: a trial in vector lanes was not run again ('{}')", what);
  }
  return fmt::format("runtime error {} in '{}'", e.code, what);
}

std::string renderRunError(const RunError& error, std::string_view where, std::string_view what,
                           std::string_view snippet, std::string_view scenario) {
  std::string out(where);
  out += "runtime error: " + describeRuntimeError(error.error, what) + '\n';
  out += snippet;
  if (error.inGlobals)
    out += "note: while evaluating the consts and fixed params of scenario '" + std::string(scenario) + "'\n";
  else
    out += "note: in trial " + std::to_string(error.trial) + " of scenario '" + std::string(scenario) + "'\n";
  return out;
}

}  // namespace omen::rt
