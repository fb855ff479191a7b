//===- Lexing.h - Checks before ANTLR parses (private to frontend/parse) ---===//
//
// The lexer never fails by design (stray characters become error tokens), so everything that
// is wrong at the level of characters is reported here, with a location, before the parser
// runs: bytes that are not UTF-8, NUL bytes, stray characters, a `%` that is not part of a
// percent literal, unterminated strings and comments, and bad escapes.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string_view>

#include "frontend/basic/Diagnostics.h"

namespace antlr4 {
class CommonTokenStream;
}

namespace omen::parse {

/// Reports the first NUL byte or invalid UTF-8 sequence in `text`. False if there was one.
/// ANTLR's input stream would throw (or silently mis-decode) on such bytes, so this runs first.
bool checkEncoding(std::string_view text, FileId file, DiagnosticEngine& diags);

/// Reports every lexical error among the lexed tokens (hidden channel included). False if
/// there was one.
bool checkTokens(antlr4::CommonTokenStream& tokens, FileId file, DiagnosticEngine& diags);

}  // namespace omen::parse
