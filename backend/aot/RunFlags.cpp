//===- RunFlags.cpp - The run flags of an `omen build` executable ----------===//
#include "backend/aot/RunFlags.h"

#include <cmath>
#include <cstdlib>

#include "backend/api/ParamValue.h"

namespace omen::aot {
namespace {

constexpr uint64_t kMaxTrials = 1'000'000'000'000ULL;

// `1e6`, `100000` and `1_000_000` are all a million trials (as in `omen run`).
bool parseCount(const std::string& text, uint64_t& out) {
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
  if (end != digits.c_str() + digits.size() || !std::isfinite(v) || v != std::floor(v) || v > 9.007199254740992e15)
    return false;
  out = static_cast<uint64_t>(v);
  return true;
}

bool splitSet(const std::string& set, std::string& name, std::string& value) {
  auto eq = set.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == set.size()) return false;
  name = set.substr(0, eq);
  value = set.substr(eq + 1);
  return true;
}

}  // namespace

void addRunFlags(CLI::App& app, RunFlags& flags) {
  app.add_option("--scenario", flags.scenarios, "Run only this scenario (repeatable)");
  app.add_option("--trials", flags.trials, "Number of trials (default 100000; accepts 1e6)");
  app.add_option("--seed", flags.seed, "Seed of the run's random streams (default 1)");
  app.add_option("--threads", flags.threads, "Worker threads (default: all cores); results do not depend on it");
  app.add_option("--set", flags.sets, "Set a param for this run: name=value (repeatable)");
  app.add_option("--format", flags.format, "Output: text, json or csv")->check(CLI::IsMember({"text", "json", "csv"}));
}

bool prepareDriverOptions(const RunFlags& flags, rt::RunOptions& options, std::string& error) {
  if (!parseCount(flags.trials, options.trials) || options.trials == 0) {
    error = "--trials expects a whole number of trials of at least 1 (e.g. 100000 or 1e6), not '" + flags.trials + "'";
    return false;
  }
  if (options.trials > kMaxTrials) {
    error = "--trials " + flags.trials + " is more than omen runs in one go (at most 1e12)";
    return false;
  }
  if (!parseCount(flags.seed, options.seed)) {
    error = "--seed expects a whole number from 0 to 2^53, not '" + flags.seed + "'";
    return false;
  }
  if (flags.threads < 0 || flags.threads > 1024) {
    error = "--threads expects a number of threads from 1 to 1024 (0 or absent: all cores)";
    return false;
  }
  options.threads = static_cast<unsigned>(flags.threads);
  std::string name, value;
  for (const std::string& set : flags.sets)
    if (!splitSet(set, name, value)) {
      error = "--set expects name=value (e.g. --set p_turn=1%), not '" + set + "'";
      return false;
    }
  options.progress = flags.format == "text";
  return true;
}

bool everySetKnown(const RunFlags& flags, const std::vector<const rt::ScenarioInfo*>& infos, std::string& error) {
  std::string name, value;
  for (const std::string& set : flags.sets) {
    splitSet(set, name, value);
    bool found = false;
    for (const rt::ScenarioInfo* info : infos)
      for (const rt::ParamInfo& p : info->params) found |= p.name == name;
    if (!found) {
      error = "--set " + name + "=" + value + ": no param named '" + name + "'";
      return false;
    }
  }
  return true;
}

bool pinSets(const RunFlags& flags, const rt::ScenarioInfo& info, std::vector<rt::Override>& overrides,
             std::string& error) {
  std::string name, text;
  for (const std::string& set : flags.sets) {
    splitSet(set, name, text);
    for (const rt::ParamInfo& p : info.params) {
      if (p.name != name) continue;
      Value value;
      if (!parseParamValue(text, p.type, value, error)) {
        error = "--set " + name + "=" + text + ": " + error;
        return false;
      }
      rt::pinParam(info, name, value, overrides);
    }
  }
  return true;
}

}  // namespace omen::aot
