//===- SweepFormat.h - A sweep's output: the parts both kinds of sweep share ===//
//
// A sweep of one scenario is printed by SweepFormat.cpp; a sweep of a comparison by
// SweepCompareFormat.cpp. A comparison sweep (omen/Analysis.h, SweepResult::sideA) holds at each point the paired
// difference A - B of every probability and mean report. Its tables put both sides and the
// difference side by side; its plots draw the difference and its 95% band, through the
// ordinary sweep plots, as a sweep whose reports are the differences.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "omen/Analysis.h"

namespace omen::rt {

/// The differences of a comparison sweep as an ordinary sweep of reports "LABEL: A - B".
SweepResult differenceSweep(const SweepResult& s);

/// A grid value as data (an int whole, a real shortest round-trip), and for reading (a real
/// in 4 significant digits).
std::string axisValue(const SweepAxis& axis, double v);
std::string axisText(const SweepAxis& axis, double v);

/// Why point k has no estimate, or is partial, for the `note` column ("" if it has none).
std::string pointNote(const SweepResult& s, size_t k);

/// The grid for reading: "q (4 evenly spaced points) and k (3 log-spaced points)".
std::string gridText(const SweepResult& s);

/// The start of point k's JSON object: `    {"at": {…}` and its error and precision, if any.
std::string pointJsonHead(const SweepResult& s, size_t k);

/// A sweep's last lines: the points, trials (`sides`: "" or "2 sides x "), seed, engine,
/// threads and time; where precision targets were unmet, each such point's standing; and
/// PARTIAL for an interrupted sweep.
std::string sweepFooter(const SweepResult& s, const std::string& sides);

/// The first lines of a sweep's JSON (version, file, scenario, engine, seed, trials, …,
/// axes and other params), up to and including `"params": {…},`.
std::string sweepJsonHead(const SweepResult& s);

std::string comparisonSweepText(const SweepResult& s);
std::string comparisonSweepJson(const SweepResult& s);
std::string comparisonSweepCsv(const SweepResult& s);

}  // namespace omen::rt
