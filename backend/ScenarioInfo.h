//===- ScenarioInfo.h - What the runtime needs to know of a lowered scenario ===//
#pragma once

#include "ir/Module.h"
#include "runtime/host/Kernel.h"

namespace omen::backend {

/// The params (with their slots, supports and declared ranges) and reports of scenario `s`,
/// as every engine hands them to the runtime.
rt::ScenarioInfo scenarioInfo(const ir::Module& program, const ir::Scenario& s);

}  // namespace omen::backend
