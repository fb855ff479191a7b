//===- AotKernel.h - An ahead-of-time compiled scenario as an rt::Kernel ----===//
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "backend/aot/AotAbi.h"
#include "runtime/Kernel.h"

namespace omen::aot {

class AotKernel final : public rt::Kernel {
 public:
  /// `scenario` is one entry of the metadata's "scenarios" (see AotAbi.h).
  AotKernel(const nlohmann::json& scenario, OmenAotKernel code) : code_(code) {
    info_.name = scenario["name"].get<std::string>();
    info_.globalCount = scenario["globalCount"].get<uint32_t>();
    for (const auto& p : scenario["params"])
      info_.params.push_back({p["name"].get<std::string>(), static_cast<rt::ValueType>(p["type"].get<int>()),
                              p["uncertain"].get<bool>(), p["slot"].get<uint32_t>(), p["pinnedSlot"].get<uint32_t>()});
    for (const auto& r : scenario["reports"])
      info_.reports.push_back({r["label"].get<std::string>(), static_cast<rt::ReportKind>(r["kind"].get<int>()),
                               r["conditional"].get<bool>()});
  }

  const rt::ScenarioInfo& info() const override { return info_; }

  bool initGlobals(rt::Value* globals, const uint8_t* overridden, OmenError& error) const override {
    std::vector<uint8_t> none;
    if (!overridden) {
      none.assign(info_.globalCount, 0);
      overridden = none.data();
    }
    return code_.globals(globals, overridden, &error) != 0;
  }

  bool runBlock(const rt::Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                OmenError& error, uint64_t& failedTrial) const override {
    uint32_t done = code_.block(globals, seed, first, count, outcomes, &error);
    if (done == count) return true;
    failedTrial = first + done;
    return false;
  }

 private:
  rt::ScenarioInfo info_;
  OmenAotKernel code_;
};

}  // namespace omen::aot
