//===- Parser.h - Text to AST: the parser's only interface -----------------===//
//
// Everything ANTLR stays behind this header: the generated lexer and parser, their error
// listeners and the builder that turns contexts into omen's AST are private to frontend/parse.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>

#include "frontend/ast/Decl.h"
#include "frontend/basic/Diagnostics.h"

namespace omen::parse {

/// Parses one buffer. Syntax errors become diagnostics (several per file where ANTLR can
/// recover); the returned module holds whatever could be built and is never null.
/// Never throws, never crashes: invalid UTF-8, NUL bytes, absurd nesting and huge inputs
/// are errors with a location.
std::unique_ptr<ast::Module> parseModule(const SourceManager& sm, FileId file, DiagnosticEngine& diags);

/// Nesting deeper than this (parentheses, blocks, unary operators, if-expressions) is an
/// error rather than a risk to the stack.
inline constexpr int kMaxNestingDepth = 256;

}  // namespace omen::parse
