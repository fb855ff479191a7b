//===- NamedDecl.h - What a name can refer to ------------------------------===//
//
// Consts, functions and their arguments, params, states, events and lets all declare a name.
// A NameExpr resolved by sema points at one of these.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "frontend/ast/Type.h"
#include "frontend/basic/SourceManager.h"

namespace omen::ast {

enum class DeclKind { Const, Fn, FnArg, Param, State, Event, Let, Loop, Choice };

const char* describe(DeclKind k);  ///< "const", "function", "param", … for messages

struct NamedDecl {
  DeclKind declKind;
  std::string name;
  SourceRange nameRange;
  Type type = Type::Unknown;  ///< the value's type (a function's return type)

  NamedDecl(DeclKind k, std::string n, SourceRange r) : declKind(k), name(std::move(n)), nameRange(r) {}
  virtual ~NamedDecl() = default;
};

}  // namespace omen::ast
