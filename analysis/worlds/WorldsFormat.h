//===- WorldsFormat.h - A two-level run as text, JSON or CSV, and its plot --===//
#pragma once

#include <string>

#include "omen/Format.h"
#include "omen/Worlds.h"

namespace omen::rt {

/// Text: per scenario and report the pooled value, the spread across worlds, its quantiles
/// and exceedances. JSON: all of it plus each world's estimate and epistemic values. CSV: one
/// row per scenario and report (exceedances as columns `P(>X)`).
std::string formatWorlds(const WorldsResult& result, OutputFormat format);

/// The empirical CDF across worlds of every report of the first scenario, one line each, to
/// `path` (.svg or .png) through gnuplot. "" or the error.
std::string plotWorlds(const WorldsResult& result, const std::string& path);

}  // namespace omen::rt
