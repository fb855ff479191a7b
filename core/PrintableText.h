//===- PrintableText.h - Text from a scenario file, safe to print -----------===//
//
// Report labels are strings from a scenario file, which may come from anyone: a label with
// a terminal escape (ESC, or a C1 control such as U+009B) could rewrite the screen of
// whoever prints the results, and a CSV cell that begins with = + - @ is a formula to a
// spreadsheet. Text output escapes the control characters; CSV text cells are also made
// inert the way OWASP documents (a leading single quote). JSON needs neither: its strings
// are escaped by the format and read by programs.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

namespace omen {

/// `text` with every control character but newline and tab (C0, DEL, and the C1 controls
/// U+0080..U+009F) written as a visible escape: \x1b, \x7f, \u009b.
std::string printableText(std::string_view text);

/// A CSV text cell's content: printableText, with a tab or newline escaped too, and a single
/// quote before a first character a spreadsheet reads as a formula (= + - @).
std::string inertCsvText(std::string_view text);

}  // namespace omen
