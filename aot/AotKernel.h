//===- AotKernel.h - The scenario info an `omen build` executable carries ----===//
#pragma once

#include <limits>
#include <nlohmann/json.hpp>

#include "runtime/host/Kernel.h"

namespace omen::aot {

/// `scenario` is one entry of the metadata's "scenarios" (see AotAbi.h).
inline rt::ScenarioInfo scenarioInfo(const nlohmann::json& scenario) {
  rt::ScenarioInfo info;
  info.name = scenario["name"].get<std::string>();
  info.globalCount = scenario["globalCount"].get<uint32_t>();
  const double inf = std::numeric_limits<double>::infinity();
  auto bound = [](const nlohmann::json& v, double open) { return v.is_number() ? v.get<double>() : open; };
  for (const auto& p : scenario["params"]) {
    info.params.push_back({p["name"].get<std::string>(), static_cast<ValueType>(p["type"].get<int>()),
                           p["uncertain"].get<bool>(), p["slot"].get<uint32_t>(), p["pinnedSlot"].get<uint32_t>(),
                           bound(p["low"], -inf), bound(p["high"], inf)});
    info.params.back().epistemic = p.value("epistemic", false);
    if (p.contains("range")) {
      info.params.back().hasRange = true;
      info.params.back().lo = p["range"][0].get<double>();
      info.params.back().hi = p["range"][1].get<double>();
    }
  }
  for (const auto& r : scenario["reports"])
    info.reports.push_back({r["label"].get<std::string>(), static_cast<ReportKind>(r["kind"].get<int>()),
                            r["conditional"].get<bool>(),
                            r.contains("levels") ? r["levels"].get<std::vector<double>>() : std::vector<double>{}});
  return info;
}

}  // namespace omen::aot
