//===- SensitivityFormat.h - A sensitivity result as text, JSON or CSV -----===//
#pragma once

#include <string>

#include "omen/Format.h"
#include "omen/Sensitivity.h"

namespace omen::rt {

/// Text: the base estimate, the tornado table (widest first) and the Sobol' table. JSON: one
/// object (docs/reference.md). CSV: one row per tornado bar and per Sobol' input, with an
/// `analysis` column ("tornado" or "sobol"), so pandas reads it as one table.
std::string formatSensitivity(const SensitivityResult& result, OutputFormat format);

}  // namespace omen::rt
