//===- ProgramImpl.h - What an omen::Program holds -------------------------===//
#pragma once

#include <memory>

#include "frontend/ast/Program.h"
#include "frontend/basic/Diagnostics.h"
#include "omen/Omen.h"

namespace omen {

struct Program::Impl {
  SourceManager sources;
  DiagnosticEngine diags{sources};
  std::unique_ptr<ast::Program> checked;  ///< null if the program has errors
};

}  // namespace omen
