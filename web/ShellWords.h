//===- ShellWords.h - Words as a shell splits and quotes them ----------------===//
#pragma once

#include <string>
#include <vector>

namespace omen::web {

/// Words as a shell splits them: "P(x) = 1%" in quotes is one word; `error` is set on an
/// unclosed quote.
std::vector<std::string> shellWords(const std::string& text, std::string& error);

/// The words as one line that a shell splits back into the same words.
std::string shellQuote(const std::vector<std::string>& words);

}  // namespace omen::web
