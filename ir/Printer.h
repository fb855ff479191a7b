//===- Printer.h - The textual IR (`omen emit --ir`) ------------------------===//
//
// A stable, deterministic dump meant for people and for lit tests: slots print as
// `@N:name` (globals), `%N:name` (frame slots), `#N:name` (events); operations that can
// fail carry their site as `[sN]`; typed operators carry a suffix (`add.i`, `lt.r`, `eq.b`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <ostream>
#include <string>

#include "ir/Module.h"

namespace omen::ir {

/// Prints the whole module. With `sm`, sites show file names; without, file ids.
void print(std::ostream& out, const Module& m, const SourceManager* sm = nullptr);
std::string toString(const Module& m, const SourceManager* sm = nullptr);

/// A real as the printer writes it: the shortest text that reads back to the same double,
/// always with a `.` or an exponent so it cannot be mistaken for an int.
std::string formatReal(double v);

}  // namespace omen::ir
