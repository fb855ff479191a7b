//===- ConstantArgs.h - Builtin calls whose literal arguments are invalid -===//
//
// `uniform(1, 0)` or `bernoulli(120%)` can only fail when run; where the arguments a
// requirement reads are literal numbers, `omen check` warns at once, with the runtime's
// wording and core/Builtins.def's requirement column. Only literals (and their negation)
// count as constants, so a message here is never a guess; it is a warning because the call
// may sit where it never runs (`false and bernoulli(2.0)`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "frontend/ast/Expr.h"

namespace omen::sema {

/// "uniform(a, b) needs a <= b; got a = 1, b = 0" when `call` is a builtin whose literal
/// arguments break its requirement, else "".
std::string invalidConstantArguments(const ast::CallExpr& call);

}  // namespace omen::sema
