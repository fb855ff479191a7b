//===- Decl.h - Top-level declarations and scenario members ----------------===//
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frontend/ast/NamedDecl.h"
#include "frontend/ast/Stmt.h"
#include "omen/Results.h"

namespace omen::ast {

//===--- top level ---------------------------------------------------------===//

enum class TopKind { Import, Const, Fn, Scenario };

struct TopDecl {
  TopKind topKind;
  SourceRange range;
  TopDecl(TopKind k, SourceRange r) : topKind(k), range(r) {}
  virtual ~TopDecl() = default;
};
using TopDeclPtr = std::unique_ptr<TopDecl>;

/// `import std.NAME` (isStd, target "std.NAME") or `import "path.omen"` (target as written).
struct ImportDecl : TopDecl {
  bool isStd = false;
  std::string target;
  SourceRange targetRange;
  std::optional<FileId> resolved;  ///< set by the import loader
  ImportDecl(SourceRange r) : TopDecl(TopKind::Import, r) {}
  static bool classof(const TopDecl* d) { return d->topKind == TopKind::Import; }
};

/// `const NAME = expr`: no draws; evaluated once per run.
struct ConstDecl : TopDecl, NamedDecl {
  ExprPtr init;
  ConstDecl(SourceRange r, std::string n, SourceRange nameR, ExprPtr e)
      : TopDecl(TopKind::Const, r), NamedDecl(DeclKind::Const, std::move(n), nameR), init(std::move(e)) {}
  static bool classof(const TopDecl* d) { return d->topKind == TopKind::Const; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::Const; }
};

/// An argument of a function: `a: real`.
struct FnArgDecl : NamedDecl {
  SourceRange typeRange;
  FnArgDecl(std::string n, SourceRange nameR, Type t, SourceRange typeR)
      : NamedDecl(DeclKind::FnArg, std::move(n), nameR), typeRange(typeR) {
    type = t;
  }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::FnArg; }
};

/// `fn f(a: real) -> real = expr` or `fn f(a: real) -> real { let …; return expr }`.
/// NamedDecl::type is the declared return type.
struct FnDecl : TopDecl, NamedDecl {
  std::vector<std::unique_ptr<FnArgDecl>> args;
  SourceRange returnTypeRange;
  ExprPtr exprBody;                     ///< one of these two is set
  std::unique_ptr<BlockStmt> blockBody;
  bool draws = false;                   ///< set by sema: a call consumes random numbers
  FnDecl(SourceRange r, std::string n, SourceRange nameR)
      : TopDecl(TopKind::Fn, r), NamedDecl(DeclKind::Fn, std::move(n), nameR) {}
  static bool classof(const TopDecl* d) { return d->topKind == TopKind::Fn; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::Fn; }
};

//===--- scenario members ----------------------------------------------------===//

enum class MemberKind { Param, State, Event, Phase, Report };

struct Member {
  MemberKind memberKind;
  SourceRange range;
  Member(MemberKind k, SourceRange r) : memberKind(k), range(r) {}
  virtual ~Member() = default;
  virtual std::unique_ptr<Member> clone() const = 0;
  /// The name by which a derived scenario's member replaces a base's: the declared name,
  /// a phase's name, or a report's label.
  virtual std::string key() const = 0;
};
using MemberPtr = std::unique_ptr<Member>;

/// One bound of `in [lo, hi]`: a number literal, possibly negated (constant by syntax, so
/// the range is known before any run).
struct RangeBound {
  double value = 0;
  bool isInt = false;
  std::string spelling;  ///< as written, for dumps and messages
  SourceRange range;
};

/// `in [lo, hi]` after a param: the values worth exploring.
struct ParamRange {
  RangeBound lo, hi;
  SourceRange range;  ///< from `in` to `]`
};

/// `param x = expr` (fixed: once per run, no draws) or `param x ~ DIST(args)` (uncertain:
/// drawn once per trial, before any state), either with an optional `in [lo, hi]`.
/// `epistemic x ~ DIST(args)` is an uncertain param marked epistemic: one value per world of a
/// two-level run (`--worlds`), drawn per trial like any uncertain param otherwise.
struct ParamDecl : Member, NamedDecl {
  bool uncertain = false;
  bool epistemic = false;  ///< implies uncertain
  bool correlated = false;  ///< drawn through a Gaussian copula (`correlate`, frontend/sema/Copula.cpp)
  ExprPtr init;  ///< for `~`, a CallExpr of a distribution
  std::optional<ParamRange> valueRange;
  ParamDecl(SourceRange r, std::string n, SourceRange nameR, bool unc, ExprPtr e,
            std::optional<ParamRange> vr = std::nullopt, bool epi = false)
      : Member(MemberKind::Param, r), NamedDecl(DeclKind::Param, std::move(n), nameR), uncertain(unc),
        epistemic(epi), init(std::move(e)), valueRange(std::move(vr)) {}
  static bool classof(const Member* m) { return m->memberKind == MemberKind::Param; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::Param; }
  MemberPtr clone() const override {
    auto p = std::make_unique<ParamDecl>(Member::range, name, nameRange, uncertain, init->clone(), valueRange, epistemic);
    p->correlated = correlated;
    return p;
  }
  std::string key() const override { return name; }
};

/// `state x = expr`: per-trial, initialised at trial start, assignable in phases.
struct StateDecl : Member, NamedDecl {
  ExprPtr init;
  ExprPtr length;  ///< `state x[n] = e`: an array of n, each element initialised by e; null: one value
  StateDecl(SourceRange r, std::string n, SourceRange nameR, ExprPtr e, ExprPtr len = nullptr)
      : Member(MemberKind::State, r), NamedDecl(DeclKind::State, std::move(n), nameR), init(std::move(e)),
        length(std::move(len)) {}
  static bool classof(const Member* m) { return m->memberKind == MemberKind::State; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::State; }
  MemberPtr clone() const override {
    return std::make_unique<StateDecl>(Member::range, name, nameRange, init->clone(), length ? length->clone() : nullptr);
  }
  std::string key() const override { return name; }
};

/// `event e`: false until triggered; remembers the global step of its first trigger.
struct EventDecl : Member, NamedDecl {
  ExprPtr length;  ///< `event e[n]`: an array of n events; null: one event
  EventDecl(SourceRange r, std::string n, SourceRange nameR, ExprPtr len = nullptr)
      : Member(MemberKind::Event, r), NamedDecl(DeclKind::Event, std::move(n), nameR), length(std::move(len)) {
    type = Type::Bool;
  }
  static bool classof(const Member* m) { return m->memberKind == MemberKind::Event; }
  static bool classof(const NamedDecl* d) { return d->declKind == DeclKind::Event; }
  MemberPtr clone() const override {
    return std::make_unique<EventDecl>(Member::range, name, nameRange, length ? length->clone() : nullptr);
  }
  std::string key() const override { return name; }
};

/// `phase NAME for N { }` or `phase NAME until COND [limit N] { }`.
struct PhaseDecl : Member {
  enum Form { For, Until } form = For;
  std::string name;
  SourceRange nameRange;
  ExprPtr count;  ///< For: the number of steps (int)
  ExprPtr cond;   ///< Until: checked before each step
  ExprPtr limit;  ///< Until: optional bound on steps (null: the default, 10,000,000)
  std::unique_ptr<BlockStmt> body;
  PhaseDecl(SourceRange r) : Member(MemberKind::Phase, r) {}
  static bool classof(const Member* m) { return m->memberKind == MemberKind::Phase; }
  MemberPtr clone() const override {
    auto c = std::make_unique<PhaseDecl>(range);
    c->form = form, c->name = name, c->nameRange = nameRange;
    if (count) c->count = count->clone();
    if (cond) c->cond = cond->clone();
    if (limit) c->limit = limit->clone();
    c->body = body->cloneBlock();
    return c;
  }
  std::string key() const override { return name; }
};

/// `report P(cond [| given])`, `E(expr [| given])`, `quantiles(expr [| given])`, `as "label"`.
struct ReportDecl : Member {
  enum Kind { Probability, Mean, Quantiles } reportKind = Probability;
  ExprPtr value;  ///< the condition of P, the expression of E and quantiles
  std::vector<double> levels;  ///< quantiles(x, 1%, 99%): the chosen levels in (0, 1); empty: the default
  ExprPtr given;  ///< may be null
  std::string label;  ///< the `as` text, else the report's source text with single spaces
  bool explicitLabel = false;
  /// `expect REPORT < b`: what the report must satisfy (its label then ends with the bound).
  std::optional<Expectation> expectation;
  ReportDecl(SourceRange r) : Member(MemberKind::Report, r) {}
  static bool classof(const Member* m) { return m->memberKind == MemberKind::Report; }
  MemberPtr clone() const override {
    auto c = std::make_unique<ReportDecl>(range);
    c->reportKind = reportKind, c->label = label, c->explicitLabel = explicitLabel, c->levels = levels;
    c->expectation = expectation;
    c->value = value->clone();
    if (given) c->given = given->clone();
    return c;
  }
  std::string key() const override { return label; }
};

/// `scenario NAME [extends BASE] { members }` as written.
/// `correlate(a, b, rho)` in a scenario: a Spearman rank correlation between two uncertain
/// params, realised by a Gaussian copula (frontend/sema/Copula.cpp).
struct Correlation {
  std::string a, b;
  SourceRange aRange, bRange, range;
  double rho = 0;
  std::string rhoSpelling;
};

struct ScenarioDecl : TopDecl {
  std::string name;
  SourceRange nameRange;
  std::string base;  ///< empty if no `extends`
  SourceRange baseRange;
  std::vector<MemberPtr> members;
  std::vector<Correlation> correlations;
  ScenarioDecl(SourceRange r) : TopDecl(TopKind::Scenario, r) {}
  static bool classof(const TopDecl* d) { return d->topKind == TopKind::Scenario; }
};

/// The length expression of a state or event array; null for anything that is not an array.
const Expr* arrayLength(const NamedDecl* d);

/// One parsed file.
struct Module {
  FileId file = 0;
  std::vector<TopDeclPtr> decls;
};

}  // namespace omen::ast
