//===- Settings.cpp - Applying `--set name=value` to compiled scenarios ----===//
#include "runtime/host/Settings.h"

#include <set>

#include <fmt/format.h>

#include "core/ClosestName.h"
#include "runtime/host/ParamValue.h"

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

std::string pinSettings(const Settings& settings, const ScenarioInfo& info, std::vector<Override>& out) {
  for (const auto& [name, text] : settings)
    for (const ParamInfo& p : info.params) {
      if (p.name != name) continue;
      Value value;
      std::string error;
      if (!parseParamValue(text, p.type, value, error)) return "--set " + name + "=" + text + ": " + error;
      double numeric = p.type == ValueType::Int ? double(value.i) : p.type == ValueType::Real ? value.r : 0;
      if (std::string range = outsideRange(p, numeric); !range.empty())
        return "--set " + name + "=" + text + ": " + range + "; widen the range in the source to go beyond it";
      pinParam(info, name, value, out);
    }
  return "";
}

}  // namespace omen::rt
