//===- Diagnostics.h - Errors a user can act on ----------------------------===//
//
// Program errors are values collected here, never exceptions or aborts. Rendering follows
// clang: `file:line:col: error: message`, the source line, and a caret with a `~~~` range.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "frontend/basic/SourceManager.h"

namespace omen {

enum class Severity { Error, Warning, Note, RuntimeError };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceRange range;  ///< may be invalid for errors with no place in the source
  std::string message;
  std::vector<Diagnostic> notes;  ///< e.g. "previous declaration is here"
};

class DiagnosticEngine {
 public:
  explicit DiagnosticEngine(const SourceManager& sm) : sm_(sm) {}

  Diagnostic& error(SourceRange range, std::string message);
  Diagnostic& warning(SourceRange range, std::string message);
  /// Attaches a note to the most recent diagnostic.
  void note(SourceRange range, std::string message);

  bool hasErrors() const { return errorCount_ > 0; }
  size_t errorCount() const { return errorCount_; }
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  void clear();

  /// Renders one diagnostic (with its notes) clang-style.
  std::string render(const Diagnostic& d) const;
  /// Renders every diagnostic in the order reported, then "N errors generated." if N > 1.
  void print(std::ostream& out) const;

  /// Whether `file` is read from disk without being an .omen file: its errors are reduced to
  /// the first, in words that quote none of its content, and its lines are never shown.
  bool hidesContent(FileId file) const;

  /// After this many errors, further ones are counted but not kept (one typo can cascade).
  static constexpr size_t kMaxErrors = 50;

 private:
  const SourceManager& sm_;
  std::vector<Diagnostic> diags_;
  size_t errorCount_ = 0;
};

/// Renders a source line and a caret line for `range` (shared with runtime errors).
std::string renderSnippet(const SourceManager& sm, SourceRange range);

}  // namespace omen
