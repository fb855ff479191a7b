//===- BuiltinTable.h - Builtin ids to runtime function pointers ------------===//
#pragma once

#include "backend/interp/Code.h"
#include "core/Builtins.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::interp {

// The C signatures of runtime/Builtins.h, one per Call* opcode.
using Ctx = OmenTrialContext*;
using FnR_R = double (*)(Ctx, uint32_t, double);
using FnR_RR = double (*)(Ctx, uint32_t, double, double);
using FnR_RRR = double (*)(Ctx, uint32_t, double, double, double);
using FnI_I = int64_t (*)(Ctx, uint32_t, int64_t);
using FnI_II = int64_t (*)(Ctx, uint32_t, int64_t, int64_t);
using FnI_III = int64_t (*)(Ctx, uint32_t, int64_t, int64_t, int64_t);
using FnI_R = int64_t (*)(Ctx, uint32_t, double);
using FnB_R = bool (*)(Ctx, uint32_t, double);
using FnI_IR = int64_t (*)(Ctx, uint32_t, int64_t, double);
using FnR_BR = double (*)(Ctx, uint32_t, bool, double);
using FnR_IR = double (*)(Ctx, uint32_t, int64_t, double);
using FnR_IIR = double (*)(Ctx, uint32_t, int64_t, int64_t, double);
using FnR_RRRR = double (*)(Ctx, uint32_t, double, double, double, double);
using FnI_Rv = int64_t (*)(Ctx, uint32_t, const double*, int64_t);
using FnR_Rv = double (*)(Ctx, uint32_t, const double*, int64_t);

struct Callee {
  Op op;     ///< the Call* opcode of the function's C signature
  AnyFn fn;  ///< the runtime symbol of runtime/Builtins.h, type-erased
};

/// The runtime function for builtin `id` in its int (`symbol_i`) or real form.
Callee lookupBuiltin(BuiltinId id, bool intForm);

}  // namespace omen::interp
