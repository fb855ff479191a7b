//===- SyntaxErrors.h - ANTLR errors as omen diagnostics (private) ---------===//
//
// ANTLR's own messages ("mismatched input 'x' expecting {'=', '~'}", "no viable alternative
// at input …") are written for grammar authors. OmenErrorStrategy keeps ANTLR's recovery but
// words each error for a researcher: what was expected in plain words, found what, and which
// `{` is still open when a `}` is missing. DiagnosticListener turns every report into a
// diagnostic; it replaces ANTLR's console listeners on the lexer and the parser.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "OmenParser.h"
#include "frontend/basic/Diagnostics.h"

namespace omen::parse {

class DiagnosticListener : public antlr4::BaseErrorListener {
 public:
  DiagnosticListener(FileId file, DiagnosticEngine& diags) : file_(file), diags_(diags) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string& msg, std::exception_ptr e) override;

  /// The location of a message about `tok`: the token itself, or for the end of the file
  /// the place just after the last real token (a caret on an empty last line helps nobody).
  SourceRange rangeFor(antlr4::Parser* parser, antlr4::Token* tok) const;
  /// Adds a note to the most recent error (e.g. where an unclosed `{` opened).
  void note(SourceRange range, std::string message) { diags_.note(range, std::move(message)); }
  FileId file() const { return file_; }

 private:
  FileId file_;
  DiagnosticEngine& diags_;
  antlr4::Parser* pendingParser_ = nullptr;
  friend class OmenErrorStrategy;
};

class OmenErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit OmenErrorStrategy(DiagnosticListener& listener) : listener_(listener) {}

  /// True once a block was found unclosed where a new member or declaration starts (a
  /// missing `}`): everything after it is parsed at the wrong depth, so no later error of
  /// the file is reported and the parse tree is not built (issue 22: no cascade).
  bool structureLost() const { return structureLost_; }

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  enum class Kind { Unexpected, Missing };
  void report(antlr4::Parser* parser, antlr4::Token* offending, const antlr4::misc::IntervalSet& expected,
              antlr4::ParserRuleContext* ctx, Kind kind);
  DiagnosticListener& listener_;
  /// Token index of the last error reported: errors within a few tokens of it are almost
  /// always ANTLR's recovery stumbling over the same mistake, so they are not reported.
  size_t lastErrorToken_ = INVALID_INDEX;
  bool structureLost_ = false;
};

}  // namespace omen::parse
