//===- SessionImpl.h - What an omen::Session holds --------------------------===//
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "backend/TieredKernel.h"
#include "api/ProgramImpl.h"
#include "frontend/sema/CellProgram.h"
#include "omen/Session.h"

namespace omen {

/// One entry of the session: typed declarations or a loaded file.
struct SessionCell {
  std::string name;  ///< what diagnostics print: "repl[3]", or the path as given to load
  std::string text;
  /// Identifies the buffer; relative imports resolve beside it. A typed cell gets a path in
  /// the working directory (never read), so its imports are relative to where omen runs.
  std::string path;
  bool fromFile = false;
};

/// A checked set of cells.
struct SessionBuild {
  std::unique_ptr<Program> program;
  std::vector<FileId> ids;  ///< ids[0] is the empty "<session>" main buffer; then the cells
  std::vector<sema::MaskedDecl> masked;
};

struct Session::Impl {
  /// Between runs the REPL lets the auto engine's background compiles finish (declared
  /// first: destroyed last, after anything that could hold a kernel).
  backend::KeepBackgroundCompiles keepCompiles;
  LoadOptions options;
  std::vector<SessionCell> cells;
  SessionBuild current;
  unsigned inputs = 0;  ///< numbers typed cells and expressions: repl[1], repl[2], …
  std::string last;     ///< the scenario declared last

  SessionBuild build(const std::vector<SessionCell>& cells) const;
  /// Replaces the session with `cells` if they check; the reply lists what changed.
  SessionReply commit(std::vector<SessionCell> cells, size_t changedCell);
  /// A typed cell named repl[N] for the next N.
  SessionCell typedCell(const std::string& text);
};

/// The buffer of cell `i` (0-based among the cells) in a build.
inline FileId cellId(const SessionBuild& b, size_t i) { return b.ids.at(i + 1); }

}  // namespace omen
