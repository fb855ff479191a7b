//===- Lower.h - Checked AST to IR ------------------------------------------===//
//
// Lowering resolves everything the AST still expresses by name or by rule: names become
// global, frame or event slots; int-to-real widening becomes explicit IntToReal nodes; N
// builtins pick their int or real form; `^` becomes the pow builtin; every operation that can
// fail gets a site. It expects a program that sema accepted.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>

#include "frontend/ast/Program.h"
#include "ir/Module.h"

namespace omen::ir {

/// Lowers every const, function and scenario of `program`. The result is not yet verified or
/// analysed: ir::runIrPasses (ir/Passes.h) does both, and backend::lowerProgram (the
/// pipeline, backend/Pipeline.h) runs the two in order. Returns null only if the AST is not what sema promises (an unresolved name, a
/// missing type): an internal error, which `error` then describes.
std::unique_ptr<Module> lower(const ast::Program& program, std::string& error);
std::unique_ptr<Module> lower(const ast::Program& program);

}  // namespace omen::ir
