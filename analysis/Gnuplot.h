//===- Gnuplot.h - Sweep and solve figures, drawn by gnuplot ----------------===//
//
// The figures are drawn by gnuplot (Debian: gnuplot-nox), started as a process on a data
// file and a script written to a temporary folder: a well-kept plotting tool rather than
// hand-drawn SVG. Missing gnuplot is a clear error, never a crash.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <string>

#include "omen/Analysis.h"

namespace omen::rt {

enum class PlotFormat { Svg, Png };

/// The format `path` asks for by its extension (.svg or .png), or nothing.
std::optional<PlotFormat> plotFormatOf(const std::string& path);

// plotSweepFile and plotSolveFile are public: omen/Analysis.h.

/// For the other analyses' figures (tornado, worlds): a gnuplot single-quoted string, and
/// text escaped for gnuplot's enhanced-text markup.
std::string gnuplotQuoted(const std::string& s);
std::string gnuplotPlain(const std::string& s);

/// Draws `path` (.svg or .png, width x height): the terminal and `set output`, then `body`,
/// which reads `data` from the file in the gnuplot variable `datafile`. "" or the error.
std::string drawFigure(const std::string& path, int width, int height, const std::string& body,
                       const std::string& data);

}  // namespace omen::rt
