//===- AstPrinter.h - Deterministic, readable dumps of the AST ------------===//
//
// What `omen emit --ast` prints and lit tests pin: one node per line, indented by depth,
// each with `@line:col`. A checked Program adds what sema found: the type of every
// expression (`: real`), what each name resolved to (`name compute -> param`), which calls
// draw, and the casts sema inserted (`cast int->real`). Scenarios are printed flattened, as
// sema built them from `extends`.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <ostream>

#include "frontend/ast/Program.h"
#include "frontend/basic/SourceManager.h"

namespace omen::ast {

/// One parsed file, as the parser built it (no types, no resolution).
void printModule(const Module& module, const SourceManager& sm, std::ostream& out);

/// A checked program: its modules, global consts and functions, and flattened scenarios.
void printProgram(const Program& program, const SourceManager& sm, std::ostream& out);

/// One expression (with types if `typed`), at indentation `indent`; for tests and debugging.
void printExpr(const Expr& expr, std::ostream& out, bool typed = false, int indent = 0);

}  // namespace omen::ast
