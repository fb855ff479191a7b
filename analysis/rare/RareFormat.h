//===- RareFormat.h - A rare-event estimate as text, JSON or CSV --------------===//
#pragma once

#include <string>

#include "omen/Format.h"
#include "omen/Rare.h"

namespace omen::rt {

/// Text: the estimate with its se, interval, relative error and diagnostics, the pilot
/// rounds, and each tilted draw site. JSON: one object. CSV: one row, the estimate.
std::string formatRare(const RareResult& result, OutputFormat format);

}  // namespace omen::rt
