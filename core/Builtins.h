//===- Builtins.h - Indexed view of Builtins.def ----------------------------===//
#pragma once

#include <optional>
#include <string_view>

namespace omen {

enum class BuiltinId {
#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol, ArgNames, Needs) Id,
#include "core/Builtins.def"
  Count
};

struct BuiltinInfo {
  BuiltinId id;
  std::string_view name;
  bool isDistribution;
  bool isDensity;              ///< a Density row: reached only through densityOf, never by name
  char ret;                    ///< 'R', 'I', 'B' or 'N'
  std::string_view args;       ///< e.g. "RR", "NN", "R*"
  std::string_view symbol;     ///< runtime function; `symbol + "_i"` for the int form of N builtins
  std::string_view argNames;   ///< "mu, sigma"
  std::string_view needs;      ///< "sigma >= 0", or "" (see Builtins.def)
};

// Header-only so that every layer (type checker, IR, engines, runtime messages) reads the
// same table without linking anything.
inline constexpr BuiltinInfo kBuiltins[] = {
#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol, ArgNames, Needs) \
  {BuiltinId::Id, Name, std::string_view(#Kind) == "Dist", std::string_view(#Kind) == "Density", \
   Ret[0], Args, #Symbol, ArgNames, Needs},
#include "core/Builtins.def"
};

inline const BuiltinInfo& builtin(BuiltinId id) { return kBuiltins[static_cast<int>(id)]; }

/// The builtin a program calls by this name (Density rows share their distribution's name
/// and are not callable).
inline std::optional<BuiltinId> findBuiltin(std::string_view name) {
  for (const BuiltinInfo& b : kBuiltins)
    if (b.name == name && !b.isDensity) return b.id;
  return std::nullopt;
}
/// The log density (or mass) of distribution `dist`, if it has one (`observe x ~ dist(...)`).
inline std::optional<BuiltinId> densityOf(BuiltinId dist) {
  for (const BuiltinInfo& b : kBuiltins)
    if (b.isDensity && b.name == builtin(dist).name) return b.id;
  return std::nullopt;
}
inline const BuiltinInfo* findBuiltinInfo(std::string_view name) {
  auto id = findBuiltin(name);
  return id ? &builtin(*id) : nullptr;
}
inline bool isVariadic(const BuiltinInfo& b) { return !b.args.empty() && b.args.back() == '*'; }

}  // namespace omen
