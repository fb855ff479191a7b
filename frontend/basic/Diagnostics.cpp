//===- Diagnostics.cpp - Errors a user can act on --------------------------===//
#include "frontend/basic/Diagnostics.h"

#include <algorithm>
#include <sstream>

namespace omen {

static Diagnostic& discarded() {
  static thread_local Diagnostic sink;
  sink = {};
  return sink;
}

static bool endsWith(const std::string& s, const char* suffix) {
  size_t n = std::char_traits<char>::length(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool DiagnosticEngine::hidesContent(FileId file) const {
  return file < sm_.size() && sm_.readFromDisk(file) && !endsWith(sm_.path(file), ".omen") &&
         !endsWith(sm_.name(file), ".omen");
}

Diagnostic& DiagnosticEngine::error(SourceRange range, std::string message) {
  if (range.valid() && hidesContent(range.begin.file)) {
    // A file that is not an .omen file may be anything readable (a key, a password file):
    // one error, at its place, in words that quote none of it.
    for (const Diagnostic& d : diags_)
      if (d.severity == Severity::Error && d.range.valid() && d.range.begin.file == range.begin.file)
        return discarded();
    message = "not omen source (the file is not an .omen file, so its content is not shown)";
  }
  ++errorCount_;
  if (errorCount_ > kMaxErrors) return discarded();
  diags_.push_back({Severity::Error, range, std::move(message), {}});
  return diags_.back();
}

Diagnostic& DiagnosticEngine::warning(SourceRange range, std::string message) {
  diags_.push_back({Severity::Warning, range, std::move(message), {}});
  return diags_.back();
}

void DiagnosticEngine::note(SourceRange range, std::string message) {
  if (diags_.empty() || errorCount_ > kMaxErrors) return;
  diags_.back().notes.push_back({Severity::Note, range, std::move(message), {}});
}

void DiagnosticEngine::clear() {
  diags_.clear();
  errorCount_ = 0;
}

static const char* severityText(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    case Severity::RuntimeError: return "runtime error";
  }
  return "error";
}

// Counts UTF-8 code points so that columns match what a reader sees.
static size_t byteOffsetOfColumn(std::string_view line, uint32_t col) {
  size_t i = 0;
  for (uint32_t c = 1; c < col && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::string renderSnippet(const SourceManager& sm, SourceRange range) {
  if (!range.valid() || range.begin.file >= sm.size()) return "";
  std::string_view line = sm.lineText(range.begin.file, range.begin.line);
  std::string out(line);
  // Keep unprintable bytes from garbling the terminal.
  for (char& ch : out)
    if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') ch = ' ';
  out += '\n';
  size_t caretAt = byteOffsetOfColumn(line, range.begin.col);
  std::string marks;
  for (size_t i = 0; i < caretAt && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    marks += line[i] == '\t' ? '\t' : ' ';
  }
  marks += '^';
  uint32_t endCol = range.end.line == range.begin.line ? range.end.col : 0;
  if (range.end.line > range.begin.line) {
    // Underline to the end of the first line.
    size_t chars = 0;
    for (size_t i = caretAt; i < line.size(); ++i)
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
    endCol = range.begin.col + static_cast<uint32_t>(chars);
  }
  for (uint32_t c = range.begin.col + 1; c < endCol; ++c) marks += '~';
  return out + marks + "\n";
}

std::string DiagnosticEngine::render(const Diagnostic& d) const {
  std::ostringstream os;
  if (d.range.valid() && d.range.begin.file < sm_.size())
    os << sm_.name(d.range.begin.file) << ':' << d.range.begin.line << ':' << d.range.begin.col
       << ": ";
  os << severityText(d.severity) << ": " << d.message << '\n';
  if (!d.range.valid() || !hidesContent(d.range.begin.file)) os << renderSnippet(sm_, d.range);
  for (const Diagnostic& n : d.notes) os << render(n);
  return os.str();
}

void DiagnosticEngine::print(std::ostream& out) const {
  for (const Diagnostic& d : diags_) out << render(d);
  if (errorCount_ > 1) out << errorCount_ << " errors generated.\n";
}

}  // namespace omen
