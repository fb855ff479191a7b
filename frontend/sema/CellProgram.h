//===- CellProgram.h - Checking a program made of several buffers ----------===//
//
// The REPL's session is a list of cells (typed declarations, loaded files), each its own
// buffer in the SourceManager, so a diagnostic points into the cell that caused it. A later
// cell may declare a name again: the earlier declaration is then left out, as if the cell
// had been edited. Every scenario of every cell is a main-file scenario (runnable).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/ast/Program.h"
#include "frontend/basic/Diagnostics.h"
#include "frontend/sema/Frontend.h"

namespace omen::sema {

/// A top-level declaration of a cell that a later cell declared again (and so is dropped).
struct MaskedDecl {
  FileId cell = 0;
  std::string name;
  bool scenario = false;  ///< scenarios and globals (const, fn) are separate namespaces
};

/// Checks `cells` (already in `sm`, in the order entered) as one program. `program.mainFile`
/// is the first cell. Returns null if any error was reported.
std::unique_ptr<ast::Program> checkCells(SourceManager& sm, const std::vector<FileId>& cells,
                                         DiagnosticEngine& diags,
                                         const FrontendOptions& options = {},
                                         std::vector<MaskedDecl>* masked = nullptr);

}  // namespace omen::sema
