//===- Members.h - How scenario members are named and matched --------------===//
//
// Params, states and events share one namespace (they are all values in expressions);
// phases and reports each have their own, so a report labelled "risk" never collides
// with a state called risk. `extends` replaces a member by (namespace, key).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "frontend/ast/Decl.h"

namespace omen::sema {

enum class MemberSpace { Value, Phase, Report };

inline MemberSpace memberSpace(const ast::Member& m) {
  switch (m.memberKind) {
    case ast::MemberKind::Phase:
      return MemberSpace::Phase;
    case ast::MemberKind::Report:
      return MemberSpace::Report;
    case ast::MemberKind::Param:
    case ast::MemberKind::State:
    case ast::MemberKind::Event:
      return MemberSpace::Value;
  }
  return MemberSpace::Value;
}

/// The NamedDecl side of a param, state or event; null for phases and reports.
inline ast::NamedDecl* asNamed(ast::Member& m) {
  switch (m.memberKind) {
    case ast::MemberKind::Param:
      return static_cast<ast::ParamDecl*>(&m);
    case ast::MemberKind::State:
      return static_cast<ast::StateDecl*>(&m);
    case ast::MemberKind::Event:
      return static_cast<ast::EventDecl*>(&m);
    case ast::MemberKind::Phase:
    case ast::MemberKind::Report:
      return nullptr;
  }
  return nullptr;
}
inline const ast::NamedDecl* asNamed(const ast::Member& m) {
  return asNamed(const_cast<ast::Member&>(m));
}

/// Where a message about the member as a whole points: its name, or the report itself.
inline SourceRange keyRange(const ast::Member& m) {
  if (const ast::NamedDecl* n = asNamed(m)) return n->nameRange;
  if (m.memberKind == ast::MemberKind::Phase)
    return static_cast<const ast::PhaseDecl&>(m).nameRange;
  return m.range;
}

inline const char* describe(const ast::Member& m) {
  switch (m.memberKind) {
    case ast::MemberKind::Param:
      return "param";
    case ast::MemberKind::State:
      return "state";
    case ast::MemberKind::Event:
      return "event";
    case ast::MemberKind::Phase:
      return "phase";
    case ast::MemberKind::Report:
      return static_cast<const ast::ReportDecl&>(m).expectation ? "expectation" : "report";
  }
  return "member";
}

/// "a param", "an event", ... for messages.
inline std::string aMember(const ast::Member& m) {
  std::string what = describe(m);
  return (what[0] == 'e' ? "an " : "a ") + what;
}

}  // namespace omen::sema
