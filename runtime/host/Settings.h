//===- Settings.h - Applying `--set name=value` to compiled scenarios ------===//
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "runtime/host/Driver.h"

namespace omen::rt {

using Settings = std::vector<std::pair<std::string, std::string>>;

/// "" or the usage error: a setting that names no param of any of `infos` (with the nearest
/// name), or a param set twice.
std::string checkSettings(const Settings& settings, const std::vector<const ScenarioInfo*>& infos);

/// "" or why `value` cannot be given to `param` ("outside its declared range [0.001, 0.02]").
std::string outsideRange(const ParamInfo& param, double value);

/// `param`'s value `v` as text: an int without a point, a real in the shortest form that
/// reads back exactly.
std::string formatParamValue(const ParamInfo& param, double v);

/// Adds the overrides that pin every setting naming a param of `info`; "" or the usage error
/// for a value that does not read as the param's type.
std::string pinSettings(const Settings& settings, const ScenarioInfo& info, std::vector<Override>& out);

}  // namespace omen::rt
