//===- BuiltinTable.cpp - Builtin ids to runtime function pointers ----------===//
//
// Each entry names the C signature it expects; the static_cast to that exact function
// pointer type refuses to compile if runtime/Builtins.h declares the symbol differently, so
// the opcode and the pointer cannot disagree.
//
//===----------------------------------------------------------------------===//
#include "backend/interp/BuiltinTable.h"

#include "runtime/Builtins.h"

namespace omen::interp {
namespace {

#define ENTRY(SIG, SYM) \
  Callee { Op::Call##SIG, reinterpret_cast<AnyFn>(static_cast<Fn##SIG>(&SYM)) }

}  // namespace

Callee lookupBuiltin(ir::BuiltinId id, bool intForm) {
  using B = ir::BuiltinId;
  switch (id) {
    case B::Exp: return ENTRY(R_R, omen_rt_exp);
    case B::Log: return ENTRY(R_R, omen_rt_log);
    case B::Log10: return ENTRY(R_R, omen_rt_log10);
    case B::Sqrt: return ENTRY(R_R, omen_rt_sqrt);
    case B::Abs: return intForm ? ENTRY(I_I, omen_rt_abs_i) : ENTRY(R_R, omen_rt_abs);
    case B::Min: return intForm ? ENTRY(I_II, omen_rt_min_i) : ENTRY(R_RR, omen_rt_min);
    case B::Max: return intForm ? ENTRY(I_II, omen_rt_max_i) : ENTRY(R_RR, omen_rt_max);
    case B::Clamp: return intForm ? ENTRY(I_III, omen_rt_clamp_i) : ENTRY(R_RRR, omen_rt_clamp);
    case B::Floor: return ENTRY(I_R, omen_rt_floor);
    case B::Ceil: return ENTRY(I_R, omen_rt_ceil);
    case B::Round: return ENTRY(I_R, omen_rt_round);
    case B::Pow: return ENTRY(R_RR, omen_rt_pow);
    case B::Mod: return intForm ? ENTRY(I_II, omen_rt_mod_i) : ENTRY(R_RR, omen_rt_mod);
    case B::Logistic: return ENTRY(R_R, omen_rt_logistic);
    case B::Logit: return ENTRY(R_R, omen_rt_logit);
    case B::Bernoulli: return ENTRY(B_R, omen_rt_bernoulli);
    case B::Uniform: return ENTRY(R_RR, omen_rt_uniform);
    case B::Normal: return ENTRY(R_RR, omen_rt_normal);
    case B::Lognormal: return ENTRY(R_RR, omen_rt_lognormal);
    case B::Beta: return ENTRY(R_RR, omen_rt_beta);
    case B::Gamma: return ENTRY(R_RR, omen_rt_gamma);
    case B::Exponential: return ENTRY(R_R, omen_rt_exponential);
    case B::Triangular: return ENTRY(R_RRR, omen_rt_triangular);
    case B::Pert: return ENTRY(R_RRR, omen_rt_pert);
    case B::Loguniform: return ENTRY(R_RR, omen_rt_loguniform);
    case B::Poisson: return ENTRY(I_R, omen_rt_poisson);
    case B::Binomial: return ENTRY(I_IR, omen_rt_binomial);
    case B::Geometric: return ENTRY(I_R, omen_rt_geometric);
    case B::Categorical: return ENTRY(I_Rv, omen_rt_categorical);
    case B::To: return ENTRY(R_RR, omen_rt_to);
    case B::Count: break;
  }
  return Callee{Op::Const, nullptr};
}

#undef ENTRY

}  // namespace omen::interp
