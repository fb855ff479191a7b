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
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  if (digits.empty() || !std::isdigit(static_cast<unsigned char>(digits[0]))) return false;
  // strtod would also read hex ("0x10" as 16), which is no omen number.
  for (char c : digits)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
      return false;
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() || !std::isfinite(v) || v != std::floor(v)) return false;
  if (v > 9.007199254740992e15) {
    if (tooLarge) *tooLarge = true;
    return false;
  }
  out = static_cast<uint64_t>(v);
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
  if (!parseCount(text, out)) return "--seed expects a whole number from 0 to 2^53, not '" + text + "'";
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
