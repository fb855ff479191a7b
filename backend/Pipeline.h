//===- Pipeline.h - The compiler, stage by stage ------------------------------===//
//
// omen's pipeline, read in order. Each stage is one named call here, and what each stage
// hands on can be printed by `omen emit`:
//   1. checkSource    text → checked AST: parse, imports, `extends`, names, types, rules
//                     (frontend/sema/Frontend.h)                            emit --ast
//   2. lower          checked AST → IR, translated only (ir/Lower.h)       emit --ir-after lower
//   3. IR passes      in order: verify, quiescence, hazards, trial lanes,
//                     exactness (ir/Passes.h)                               emit --ir-after PASS
//                                                                           (after all: --ir)
//   4. compileKernel  one scenario's IR → rt::Kernel on an engine          emit --llvm|--asm|--obj
// lowerProgram is stages 2–3. compileSource runs them all, one after the other: the tools
// that go straight from a file to kernels (bench/, the differential runner) call it. The
// public API runs stage 1 when a program is loaded (api/Program.cpp) and 2–3 when it first
// runs or emits (api/Run.cpp), so that `omen check` never lowers; what happens after
// stage 4 (runs, analyses) is runtime/host's and analysis/'s.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/ast/Program.h"
#include "frontend/basic/Diagnostics.h"
#include "frontend/sema/Frontend.h"
#include "ir/Module.h"
#include "omen/RunOptions.h"
#include "runtime/host/Kernel.h"

namespace omen::backend {

/// Stage 1: the program whose main file is `main` (already in `sources`), parsed and
/// checked on a large stack (name resolution and type checking recurse over expressions).
/// Null when it has errors; `diags` says which.
std::unique_ptr<ast::Program> checkSource(SourceManager& sources, FileId main, DiagnosticEngine& diags,
                                          const sema::FrontendOptions& options = {});

/// The stages after which the IR can be printed, in order: "lower", then each pass of
/// ir/Passes.h by name.
std::vector<std::string> irStages();

/// Stages 2–3: the checked program lowered, then through the passes of ir/Passes.h in order
/// up to and including the stage `through` (one of irStages(); empty: every pass), on a
/// large stack. Null with `error` on an internal error or an unknown stage.
std::unique_ptr<ir::Module> lowerProgram(const ast::Program& program, std::string& error,
                                         std::string_view through = {});

/// Stage 4: scenario `scenario` of `module` (from lowerProgram, every pass run) as a kernel
/// on `engine`. Null with `error` only on an internal error.
std::unique_ptr<rt::Kernel> compileKernel(const ir::Module& module, const ir::Scenario& scenario, Engine engine,
                                          std::string& error);

/// What compileSource made of a file: each stage's result, or where it stopped.
struct CompiledSource {
  std::unique_ptr<ast::Program> ast;                ///< null: the program has errors (diags)
  std::unique_ptr<ir::Module> ir;                   ///< null: `error`
  std::vector<std::unique_ptr<rt::Kernel>> kernels; ///< one per scenario of `ir`, if asked for
  std::string error;                                ///< an internal error of stages 2–4
};

/// Every stage in order: check, lower, the IR passes and, given an engine, every scenario's
/// kernel on it.
CompiledSource compileSource(SourceManager& sources, FileId main, DiagnosticEngine& diags,
                             const sema::FrontendOptions& options, std::optional<Engine> engine);

}  // namespace omen::backend
