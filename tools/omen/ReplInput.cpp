//===- ReplInput.cpp - When an entry is complete, and what Tab offers -------===//
#include <algorithm>
#include <cctype>
#include <set>

#include "tools/omen/Repl.h"

namespace omen::cli {

void DelimiterScanner::feed(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inBlockComment_) {
      size_t close = text.find("*/", i);
      if (close == std::string::npos) return;
      inBlockComment_ = false;
      i = close + 1;
    } else if (c == '"') {  // strings may not span lines; an unclosed one ends at the newline
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == std::string::npos) return;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      inBlockComment_ = true;
      ++i;
    } else if (c == '{' || c == '(') {
      ++depth_;
    } else if (c == '}' || c == ')') {
      --depth_;
    }
  }
}

int openDelimiters(const std::string& text) {
  DelimiterScanner scanner;
  scanner.feed(text);
  return scanner.open();
}

bool onlyComments(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) continue;
    if (text.compare(i, 2, "//") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) return true;
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) return false;  // unterminated: let the parser say so
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

namespace {

const char* kKeywords[] = {"import", "const", "fn", "scenario", "extends", "param", "state", "event", "phase",
                           "for", "until", "limit", "report", "expect", "as", "let", "if", "then", "else", "with",
                           "probability", "trigger", "end", "stop", "return", "and", "or", "not", "true",
                           "false", "bool", "int", "real", "P", "E", "quantiles", "time"};

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::vector<std::string> Repl::completions(const std::string& line, size_t pos, size_t& wordStart) const {
  pos = std::min(pos, line.size());
  size_t start = pos;
  while (start > 0 && isWordChar(line[start - 1])) --start;
  size_t first = line.find_first_not_of(" \t");
  // `:ru` at the start of the line: a command.
  if (start > 0 && line[start - 1] == ':' && first == start - 1) {
    wordStart = start - 1;
    return replCommands();
  }
  wordStart = start;
  std::set<std::string> out;
  std::string command;
  if (first != std::string::npos && line[first] == ':') {
    size_t end = line.find_first_of(" \t", first);
    command = line.substr(first, end == std::string::npos ? std::string::npos : end - first);
  }
  if (command == ":run" || command == ":compare" || command == ":ir" || command == ":llvm") {
    for (const std::string& s : session_.program().scenarioNames()) out.insert(s);
  } else if (command == ":set" || command == ":unset") {
    for (const std::string& s : session_.program().scenarioNames())
      for (const std::string& p : session_.params(s)) out.insert(p);
  } else if (command.empty() || command == ":type") {
    for (const std::string& n : session_.names()) out.insert(n);
    for (const std::string& n : Session::builtinNames()) out.insert(n);
    for (const char* k : kKeywords) out.insert(k);
  }
  return {out.begin(), out.end()};
}

}  // namespace omen::cli
