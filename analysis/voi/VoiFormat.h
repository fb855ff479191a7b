//===- VoiFormat.h - Value of information as text, JSON or CSV ---------------===//
#pragma once

#include <string>

#include "omen/Format.h"
#include "omen/Voi.h"

namespace omen::rt {

/// Text: each option's expected value, the best now, then EVPI and each EVPPI with its
/// interval and a bar (the bar chart). JSON: one object. CSV: one row per value of
/// information ("all" for EVPI).
std::string formatVoi(const VoiResult& result, OutputFormat format);

}  // namespace omen::rt
