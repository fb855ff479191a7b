//===- Settings.cpp - Applying `--set name=value` to compiled scenarios ----===//
#include "runtime/host/Settings.h"

#include <set>

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

std::string pinSettings(const Settings& settings, const ScenarioInfo& info, std::vector<Override>& out) {
  for (const auto& [name, text] : settings)
    for (const ParamInfo& p : info.params) {
      if (p.name != name) continue;
      Value value;
      std::string error;
      if (!parseParamValue(text, p.type, value, error)) return "--set " + name + "=" + text + ": " + error;
      pinParam(info, name, value, out);
    }
  return "";
}

}  // namespace omen::rt
