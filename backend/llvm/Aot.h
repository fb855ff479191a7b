//===- Aot.h - `omen emit --llvm|--asm|--obj` and `omen build` -------------===//
//
// Engine-side functions of the ahead-of-time path; the public API calls them. All of them
// compile the given scenarios into one optimized module (Codegen.h) for the host.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "frontend/basic/SourceManager.h"
#include "ir/Module.h"
#include "omen/EmitKind.h"

namespace omen::llvmgen {

/// The optimized kernel module of `scenarios` as LLVM IR text, assembly, or object bytes
/// (kind Llvm, Assembly or Object).
/// Returns false with `error` set on failure.
bool emitScenarios(const ir::Module& program, const std::vector<const ir::Scenario*>& scenarios, EmitKind kind,
                   std::string& out, std::string& error);

/// Compiles `scenarios` to an object file with the AOT tables (aot/AotAbi.h) and
/// links it with the AOT main and the static runtime into the executable `output`.
/// `file` is the main file's display name (as reports print it); `sources` renders the
/// source snippets of runtime errors. The linker is the C++ compiler omen was built with
/// ($OMEN_CXX overrides it); the libraries come from the build ($OMEN_AOT_LIBS overrides,
/// ';'-separated).
bool buildExecutable(const ir::Module& program, const SourceManager& sources, const std::string& file,
                     const std::vector<const ir::Scenario*>& scenarios, const std::string& output,
                     std::string& error);

}  // namespace omen::llvmgen
