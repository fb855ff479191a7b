//===- Type.h - The three value types of omen ------------------------------===//
#pragma once

#include <string_view>

namespace omen {

/// `Unknown` marks an expression whose type could not be determined because of an earlier
/// error; checks involving it stay silent so that one mistake gives one diagnostic.
enum class Type : unsigned char { Unknown, Bool, Int, Real };

inline std::string_view typeName(Type t) {
  switch (t) {
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Real: return "real";
    case Type::Unknown: return "<unknown>";
  }
  return "<unknown>";
}

inline bool isNumeric(Type t) { return t == Type::Int || t == Type::Real; }

}  // namespace omen
