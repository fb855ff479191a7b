//===- Settings.cpp - Applying `--set name=value` to compiled scenarios ----===//
#include "runtime/host/Settings.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/ClosestName.h"
#include "runtime/host/ParamValue.h"
#include "runtime/host/ReportFormat.h"

namespace omen::rt {

std::string checkSettings(const Settings& settings, const std::vector<const ScenarioInfo*>& infos) {
  std::set<std::string> seen;
  for (const auto& [name, text] : settings) {
    if (!seen.insert(name).second) return "--set " + name + " is given twice; give each param once";
    bool found = false;
    std::vector<std::string> known;
    for (const ScenarioInfo* info : infos)
      for (const ParamInfo& p : info->params) {
        found |= p.name == name;
        known.push_back(p.name);
      }
    if (!found) return "--set " + name + "=" + text + ": no param named '" + name + "'" + didYouMean(name, known);
  }
  return "";
}

std::string formatParamValue(const ParamInfo& param, double v) {
  if (param.type == ValueType::Int) return fmt::format("{}", int64_t(v));
  return fmt::format("{}", v);
}

std::string outsideRange(const ParamInfo& param, double value) {
  if (!param.hasRange || (value >= param.lo && value <= param.hi)) return "";
  return "outside the declared range [" + formatParamValue(param, param.lo) + ", " +
         formatParamValue(param, param.hi) + "] of '" + param.name + "'";
}

namespace {

// "0, 1 or 2" for a small int support, else "[0, 1]", "values >= 0", "values <= 3".
std::string supportText(const ParamInfo& p) {
  auto num = [](double x) { return shortestNumber(x); };
  bool lowOpen = !std::isfinite(p.low), highOpen = !std::isfinite(p.high);
  if (p.type == ValueType::Int && !lowOpen && !highOpen && p.high - p.low < 8) {
    std::string out;
    for (double v = p.low; v <= p.high; ++v)
      out += (out.empty() ? "" : v == p.high ? " or " : ", ") + num(v);
    return "the values " + out;
  }
  if (lowOpen) return "values <= " + num(p.high);
  if (highOpen) return "values >= " + num(p.low);
  return "[" + num(p.low) + ", " + num(p.high) + "]";
}

}  // namespace

std::string pinSettings(const Settings& settings, const ScenarioInfo& info, std::vector<Override>& out) {
  for (const auto& [name, text] : settings)
    for (const ParamInfo& p : info.params) {
      if (p.name != name) continue;
      Value value;
      std::string error;
      if (!parseParamValue(text, p.type, value, error)) return "--set " + name + "=" + text + ": " + error;
      double x = p.type == ValueType::Real ? value.r : static_cast<double>(value.i);
      if (std::string range = outsideRange(p, x); !range.empty())
        return "--set " + name + "=" + text + ": " + range + "; widen the range in the source to go beyond it";
      if (p.uncertain && p.type != ValueType::Bool && !(x >= p.low && x <= p.high))
        return "--set " + name + "=" + text + ": param '" + name + "' of scenario '" + info.name +
               "' is drawn from " + supportText(p) + "; " + text + " is a value it can never take";
      pinParam(info, name, value, out);
    }
  return "";
}

}  // namespace omen::rt
