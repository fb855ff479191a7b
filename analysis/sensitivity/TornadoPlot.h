//===- TornadoPlot.h - A tornado chart through gnuplot ----------------------===//
#pragma once

#include <string>

#include "omen/Sensitivity.h"

namespace omen::rt {

/// Writes the tornado of `result` to `path` (SVG, or PNG if it ends in .png) by piping a
/// script to gnuplot (Debian gnuplot-nox): one horizontal bar per param from its value at
/// low to its value at high, widest on top, around a line at the declared estimate.
/// "" or the error.
std::string plotTornado(const SensitivityResult& result, const std::string& path);

}  // namespace omen::rt
