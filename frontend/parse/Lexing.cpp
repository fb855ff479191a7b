//===- Lexing.cpp - Encoding and lexical errors, before the parser runs -----===//
#include "frontend/parse/Lexing.h"

#include "OmenLexer.h"

namespace omen::parse {

using antlr4::Token;
using grammar::OmenLexer;

namespace {

/// Length of the UTF-8 sequence starting at `s[i]`, or 0 if it is not valid UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF included).
size_t utf8Length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t len;
  uint32_t cp;
  if ((b0 & 0xE0) == 0xC0) len = 2, cp = b0 & 0x1F;
  else if ((b0 & 0xF0) == 0xE0) len = 3, cp = b0 & 0x0F;
  else if ((b0 & 0xF8) == 0xF0) len = 4, cp = b0 & 0x07;
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

SourceRange tokenRange(Token* tok, FileId file, size_t length) {
  SourceLoc begin{file, static_cast<uint32_t>(tok->getLine()), static_cast<uint32_t>(tok->getCharPositionInLine() + 1)};
  SourceLoc end = begin;
  end.col += static_cast<uint32_t>(length);
  return {begin, end};
}

}  // namespace

bool checkEncoding(std::string_view text, FileId file, DiagnosticEngine& diags) {
  uint32_t line = 1, col = 1;
  for (size_t i = 0; i < text.size();) {
    SourceLoc at{file, line, col};
    if (text[i] == '\0') {
      diags.error({at, {file, line, col + 1}}, "NUL byte in the source (is this a binary file?)");
      return false;
    }
    size_t len = utf8Length(text, i);
    if (len == 0) {
      diags.error({at, {file, line, col + 1}}, "invalid UTF-8 byte sequence in the source (omen files must be UTF-8)");
      return false;
    }
    if (text[i] == '\n') ++line, col = 1;
    else ++col;
    i += len;
  }
  return true;
}

bool checkTokens(antlr4::CommonTokenStream& tokens, FileId file, DiagnosticEngine& diags) {
  bool ok = true;
  size_t badStringLine = 0;  // skip the tail of a line whose string went wrong
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token* tok = tokens.get(i);
    std::string text;
    switch (tok->getType()) {
      case OmenLexer::BAD_CHAR:
        if (tok->getLine() == badStringLine) break;
        text = tok->getText();
        diags.error(tokenRange(tok, file, 1),
                    text == "\"" ? "unterminated string (a string may not span lines)"
                                 : "unexpected character '" + text + "'");
        ok = false;
        break;
      case OmenLexer::STRAY_PERCENT:
        if (tok->getLine() == badStringLine) break;
        diags.error(tokenRange(tok, file, 1),
                    "there is no '%' operator: write a percent literal with no space before the '%' (5%), "
                    "or mod(a, b) for a remainder");
        ok = false;
        break;
      case OmenLexer::BAD_STRING: {
        if (tok->getLine() == badStringLine) break;
        badStringLine = tok->getLine();
        text = tok->getText();
        // Either an escape other than \" and \\, or the line ended first.
        size_t bad = std::string::npos;
        for (size_t k = 1; k + 1 < text.size(); ++k) {
          if (text[k] != '\\') continue;
          if (text[k + 1] != '"' && text[k + 1] != '\\') {
            bad = k;
            break;
          }
          ++k;
        }
        if (bad != std::string::npos) {
          // Columns count characters: the escape's offset in characters, not bytes.
          size_t chars = 0;
          for (size_t k = 0; k < bad; ++k)
            if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++chars;
          SourceRange r = tokenRange(tok, file, 2);
          r.begin.col += static_cast<uint32_t>(chars);
          r.end.col += static_cast<uint32_t>(chars);
          diags.error(r, "unknown escape '\\" + text.substr(bad + 1, 1) + "' in a string (only \\\" and \\\\ are allowed)");
        } else {
          diags.error(tokenRange(tok, file, 1), "unterminated string (a string may not span lines)");
        }
        ok = false;
        break;
      }
      case OmenLexer::BLOCK_COMMENT:
        text = tok->getText();
        if (text.size() < 4 || text.compare(text.size() - 2, 2, "*/") != 0) {
          diags.error(tokenRange(tok, file, 2), "unterminated comment: '/*' without a closing '*/'");
          ok = false;
        }
        break;
      default:
        break;
    }
  }
  return ok;
}

}  // namespace omen::parse
