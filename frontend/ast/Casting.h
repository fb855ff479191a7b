//===- Casting.h - isa / cast / dyn_cast over a `kind` field ---------------===//
//
// LLVM-style RTTI for the AST without depending on LLVM: each node class has a static
// `classof(const Base*)` that tests the node's kind.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cassert>

namespace omen {

template <typename To, typename From>
bool isa(const From* node) {
  return node && To::classof(node);
}

template <typename To, typename From>
To* cast(From* node) {
  assert(isa<To>(node) && "cast to the wrong node kind");
  return static_cast<To*>(node);
}

template <typename To, typename From>
const To* cast(const From* node) {
  assert(isa<To>(node) && "cast to the wrong node kind");
  return static_cast<const To*>(node);
}

template <typename To, typename From>
To* dyn_cast(From* node) {
  return isa<To>(node) ? static_cast<To*>(node) : nullptr;
}

template <typename To, typename From>
const To* dyn_cast(const From* node) {
  return isa<To>(node) ? static_cast<const To*>(node) : nullptr;
}

}  // namespace omen
