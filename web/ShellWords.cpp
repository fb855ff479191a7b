//===- ShellWords.cpp - Splitting and quoting words as a shell does ---------===//
#include "web/ShellWords.h"

#include <cctype>

namespace omen::web {

std::vector<std::string> shellWords(const std::string& text, std::string& error) {
  std::vector<std::string> out;
  std::string word;
  bool inWord = false;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      inWord = true;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (inWord) out.push_back(word);
      word.clear();
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) error = std::string("unclosed ") + quote;
  if (inWord) out.push_back(word);
  return out;
}

std::string shellQuote(const std::vector<std::string>& words) {
  std::string line;
  for (const std::string& w : words) {
    bool plain = !w.empty();
    for (char c : w)
      plain &= std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./=:,%+@").find(c) != std::string_view::npos;
    if (!line.empty()) line += ' ';
    if (plain) {
      line += w;
      continue;
    }
    line += '\'';
    for (char c : w) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

}  // namespace omen::web
