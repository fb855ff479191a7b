//===- EmitKind.h - The stages of the compiler that `omen emit` prints -----===//
#pragma once

namespace omen {

/// The checked AST, the IR, and each scenario's kernel as LLVM IR, assembly or object bytes;
/// or one scenario as a JANI model for probabilistic model checkers (docs/exact.md).
enum class EmitKind { Ast, Ir, Llvm, Assembly, Object, Jani };

}  // namespace omen
