//===- ProgramImpl.h - What an omen::Program holds -------------------------===//
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/ast/Program.h"
#include "frontend/basic/Diagnostics.h"
#include "ir/Module.h"
#include "omen/Omen.h"
#include "runtime/host/Kernel.h"

namespace omen {

struct Program::Impl {
  SourceManager sources;
  DiagnosticEngine diags{sources};
  std::unique_ptr<ast::Program> checked;  ///< null if the program has errors
  std::unique_ptr<ir::Module> ir;         ///< lowered on first use

  /// The IR, lowered once. Null (with `error` set) only on an internal error.
  const ir::Module* lowered(std::string& error);
  /// The scenarios `names` (empty: all of the main file) of the lowered IR; false with
  /// `error` ("no scenario named …; did you mean …?") if one is unknown.
  bool selectScenarios(const std::vector<std::string>& names, std::vector<const ir::Scenario*>& out,
                       std::string& error) const;
  /// A kernel for `scenario` on `engine`.
  std::unique_ptr<rt::Kernel> kernel(const ir::Scenario& scenario, Engine engine, std::string& error);
  /// `file:line:col: runtime error: …` with the source line, for an error a run returned.
  std::string renderRuntimeError(const ir::Scenario& scenario, const RunError& error) const;
};

}  // namespace omen
