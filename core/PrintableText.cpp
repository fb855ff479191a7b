//===- PrintableText.cpp - Text from a scenario file, safe to print ---------===//
#include "core/PrintableText.h"

#include <cstdio>

namespace omen {
namespace {

std::string escaped(std::string_view text, bool keepLineBreaks) {
  std::string out;
  out.reserve(text.size());
  char buf[8];
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && !(keepLineBreaks && (c == '\n' || c == '\t'))) || c == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      // U+0080..U+009F in UTF-8: C1 controls, which some terminals obey like ESC sequences.
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(text[++i]));
      out += buf;
    } else {
      out += char(c);
    }
  }
  return out;
}

}  // namespace

std::string printableText(std::string_view text) { return escaped(text, true); }

std::string inertCsvText(std::string_view text) {
  std::string out = escaped(text, false);
  if (!out.empty() && (out[0] == '=' || out[0] == '+' || out[0] == '-' || out[0] == '@')) out.insert(0, "'");
  return out;
}

}  // namespace omen
