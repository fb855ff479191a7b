//===- Frontend.h - From a main file to a checked Program ------------------===//
//
// Loads the main file and its imports, flattens `extends`, resolves names, checks types and
// every rule of the language. The one entry point the rest of omen uses.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/ast/Program.h"
#include "frontend/basic/Diagnostics.h"

namespace omen::sema {

struct FrontendOptions {
  /// The folder holding std/NAME.omen. Empty: $OMEN_STDLIB, else share/omen/stdlib beside the
  /// lib/ or bin/ folder of the code running (StdlibLocation.cpp).
  std::string stdlibDir;
  /// Imports nested deeper than this are an error (a guard against runaway chains).
  int maxImportDepth = 64;
  /// Non-empty: a file import must lie under one of these folders (after symlinks are
  /// resolved), or it is refused before it is read; the stdlib is always allowed. `omen
  /// serve` sets its start folders here (docs/security.md).
  std::vector<std::string> importRoots{};
};

/// Checks the program whose main file is `mainFile` (already in `sm`). Returns null if any
/// error was reported; the diagnostics say why.
std::unique_ptr<ast::Program> checkProgram(SourceManager& sm, FileId mainFile, DiagnosticEngine& diags,
                                           const FrontendOptions& options = {});

/// The stdlib folder that `FrontendOptions{}` resolves to.
std::string defaultStdlibDir();

/// "std.NAME" for every std/NAME.omen in `stdlibDir`, sorted (for listings and "did you mean").
std::vector<std::string> stdModuleNames(const std::string& stdlibDir);

}  // namespace omen::sema
