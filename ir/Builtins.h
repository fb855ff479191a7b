//===- Builtins.h - Indexed view of Builtins.def ----------------------------===//
#pragma once

#include <optional>
#include <string_view>

namespace omen::ir {

enum class BuiltinId {
#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol) Id,
#include "ir/Builtins.def"
  Count
};

struct BuiltinInfo {
  BuiltinId id;
  std::string_view name;
  bool isDistribution;
  char ret;                  ///< 'R', 'I', 'B' or 'N'
  std::string_view args;     ///< e.g. "RR", "NN", "R*"
  std::string_view symbol;   ///< runtime function; `symbol + "_i"` for the int form of N builtins
};

// Header-only so that the type checker (frontend/, below ir/ in the layering) reads the same
// table without linking ir/.
inline constexpr BuiltinInfo kBuiltins[] = {
#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol) \
  {BuiltinId::Id, Name, std::string_view(#Kind) == "Dist", Ret[0], Args, #Symbol},
#include "ir/Builtins.def"
};

inline const BuiltinInfo& builtin(BuiltinId id) { return kBuiltins[static_cast<int>(id)]; }

inline std::optional<BuiltinId> findBuiltin(std::string_view name) {
  for (const BuiltinInfo& b : kBuiltins)
    if (b.name == name) return b.id;
  return std::nullopt;
}
inline bool isVariadic(const BuiltinInfo& b) { return !b.args.empty() && b.args.back() == '*'; }

}  // namespace omen::ir
