//===- BuiltinTable.cpp - Builtin ids to runtime function pointers ----------===//
//
// Generated from core/Builtins.def: each entry's opcode is read off the C type of its runtime
// symbol, so a symbol whose signature has no opcode refuses to compile, and the opcode and
// the pointer cannot disagree.
//
//===----------------------------------------------------------------------===//
#include "backend/interp/BuiltinTable.h"

#include <type_traits>

#include "runtime/kernel/Builtins.h"

namespace omen::interp {
namespace {

template <class F>
constexpr Op opcodeOf() {
  if constexpr (std::is_same_v<F, FnR_R>) return Op::CallR_R;
  else if constexpr (std::is_same_v<F, FnR_RR>) return Op::CallR_RR;
  else if constexpr (std::is_same_v<F, FnR_RRR>) return Op::CallR_RRR;
  else if constexpr (std::is_same_v<F, FnI_I>) return Op::CallI_I;
  else if constexpr (std::is_same_v<F, FnI_II>) return Op::CallI_II;
  else if constexpr (std::is_same_v<F, FnI_III>) return Op::CallI_III;
  else if constexpr (std::is_same_v<F, FnI_R>) return Op::CallI_R;
  else if constexpr (std::is_same_v<F, FnB_R>) return Op::CallB_R;
  else if constexpr (std::is_same_v<F, FnI_IR>) return Op::CallI_IR;
  else if constexpr (std::is_same_v<F, FnR_BR>) return Op::CallR_BR;
  else if constexpr (std::is_same_v<F, FnR_IR>) return Op::CallR_IR;
  else if constexpr (std::is_same_v<F, FnR_IIR>) return Op::CallR_IIR;
  else if constexpr (std::is_same_v<F, FnR_RRRR>) return Op::CallR_RRRR;
  else if constexpr (std::is_same_v<F, FnI_Rv>) return Op::CallI_Rv;
  else if constexpr (std::is_same_v<F, FnR_Rv>) return Op::CallR_Rv;
  else static_assert(sizeof(F) == 0, "a runtime builtin signature without an interpreter opcode");
}

template <class F>
Callee callee(F fn) {
  return Callee{opcodeOf<F>(), reinterpret_cast<AnyFn>(fn)};
}

}  // namespace

Callee lookupBuiltin(BuiltinId id, bool intForm) {
  switch (id) {
#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol, ...) \
  case BuiltinId::Id: return callee(&Symbol);
#define OMEN_OVERLOADED(Id, Name, Kind, Ret, Args, Symbol, ...) \
  case BuiltinId::Id: return intForm ? callee(&Symbol##_i) : callee(&Symbol);
#include "core/Builtins.def"
    case BuiltinId::Count: break;
  }
  return Callee{Op::Const, nullptr};
}

}  // namespace omen::interp
