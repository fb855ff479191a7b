//===- RunOptions.cpp - Reading the run options as people type them --------===//
#include "omen/RunOptions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace omen {

const char* engineName(Engine engine) {
  switch (engine) {
    case Engine::Auto: return "auto";
    case Engine::Jit: return "jit";
    case Engine::Interpreter: return "interp";
  }
  return "?";
}

std::optional<Engine> parseEngine(const std::string& name) {
  if (name == "auto") return Engine::Auto;
  if (name == "jit") return Engine::Jit;
  if (name == "interp") return Engine::Interpreter;
  return std::nullopt;
}

bool parseCount(const std::string& text, uint64_t& out, bool* tooLarge) {
  // Read exactly, digit by digit, never through a double: 2^53 + 1 typed as
  // 9007199254740993 must not quietly become 2^53 (issue 22).
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  if (digits.empty() || !std::isdigit(static_cast<unsigned char>(digits[0]))) return false;
  size_t e = digits.find_first_of("eE");
  std::string mantissa = digits.substr(0, e), whole, fraction;
  long exponent = 0;
  if (e != std::string::npos) {
    std::string power = digits.substr(e + 1);
    if (!power.empty() && (power[0] == '+' || power[0] == '-')) power.erase(0, power[0] == '+');
    size_t start = !power.empty() && power[0] == '-';
    if (power.size() <= start || power.size() > 6 + start) return false;
    for (size_t i = start; i < power.size(); ++i)
      if (!std::isdigit(static_cast<unsigned char>(power[i]))) return false;
    exponent = std::stol(power);
  }
  size_t point = mantissa.find('.');
  whole = mantissa.substr(0, point);
  if (point != std::string::npos) fraction = mantissa.substr(point + 1);
  // Hex ("0x10"), signs, a second point: no omen number.
  for (const std::string* part : {&whole, &fraction})
    for (char c : *part)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  if (whole.empty() || (point != std::string::npos && fraction.empty())) return false;
  // The value is (whole fraction) x 10^(exponent - |fraction|): shift the point.
  std::string number = whole + fraction;
  long shift = exponent - long(fraction.size());
  if (shift < 0) {
    size_t drop = std::min(size_t(-shift), number.size());
    if (number.find_first_not_of('0', number.size() - drop) != std::string::npos) return false;  // not whole
    number.erase(number.size() - drop);
  }
  number.erase(0, std::min(number.find_first_not_of('0'), number.size()));
  if (number.empty()) number = "0";
  auto over = [&] {
    if (tooLarge) *tooLarge = true;
    return false;
  };
  if (shift > 0) {
    if (number == "0") shift = 0;
    if (number.size() + size_t(shift) > 16) return over();
    number.append(size_t(shift), '0');
  }
  if (number.size() > 16) return over();
  uint64_t v = std::stoull(number);
  if (v > (uint64_t(1) << 53)) return over();
  out = v;
  return true;
}

std::string parseTrials(const std::string& text, uint64_t& out) {
  bool tooLarge = false;
  uint64_t n = 0;
  bool read = parseCount(text, n, &tooLarge);
  if (tooLarge || (read && n > kMaxTrials))
    return "--trials " + text + " is more than omen runs in one go (at most 1e12)";
  if (!read || n == 0)
    return "--trials expects a whole number of trials of at least 1 (e.g. 100000 or 1e6), not '" + text + "'";
  out = n;
  return "";
}

std::string parseSeed(const std::string& text, uint64_t& out) {
  if (!parseCount(text, out))
    return "--seed expects a whole number from 0 to 2^53 = 9007199254740992 (seeds are read exactly), not '" + text + "'";
  return "";
}

std::string parseThreads(long long requested, unsigned& out) {
  if (requested < 0 || requested > kMaxThreads)
    return "--threads expects a number of threads from 1 to 1024 (0 or absent: all cores)";
  out = static_cast<unsigned>(requested);
  return "";
}

std::string parseSetting(const std::string& text, std::pair<std::string, std::string>& out) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    return "--set expects name=value (e.g. --set p_turn=1%), not '" + text + "'";
  out = {text.substr(0, eq), text.substr(eq + 1)};
  return "";
}

unsigned resolveThreads(unsigned requested) {
  return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace omen
