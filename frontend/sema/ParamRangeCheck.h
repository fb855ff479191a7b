//===- ParamRangeCheck.h - `param x = v in [lo, hi]` is well formed ---------===//
#pragma once

#include "frontend/sema/SemaContext.h"

namespace omen::sema {

/// After `p` is typed: a range needs a number param, whole bounds for an int param, lo < hi,
/// and a fixed param whose value is a literal must lie inside it. Errors go to `ctx`.
void checkParamRange(const ast::ParamDecl& p, Context& ctx);

}  // namespace omen::sema
