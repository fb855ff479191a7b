//===- SemaContext.h - State shared by the checker's stages ----------------===//
//
// Each stage of the frontend (loading, declarations, extends, names, dependencies, types,
// rules) reads what the earlier ones left here, so the stages stay separate files that talk
// through one plain struct rather than through each other.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "frontend/ast/Program.h"
#include "frontend/basic/Diagnostics.h"
#include "frontend/sema/Frontend.h"

namespace omen::sema {

/// A flattened scenario with the file its declaration came from.
struct CheckedScenario {
  std::unique_ptr<ast::Scenario> scenario;
  FileId file = 0;
};

struct Context {
  SourceManager& sm;
  DiagnosticEngine& diags;
  const FrontendOptions& options;
  ast::Program& program;

  /// The one global namespace of consts and functions, across every loaded file.
  std::unordered_map<std::string, ast::NamedDecl*> globals;
  std::vector<ast::ConstDecl*> consts;  ///< in load order
  std::vector<ast::FnDecl*> functions;  ///< in load order

  /// Every scenario declaration by name (first one wins when a name is duplicated).
  std::unordered_map<std::string, const ast::ScenarioDecl*> scenarioDecls;
  /// Every scenario of every loaded file, flattened; the main file's move to the Program.
  std::vector<CheckedScenario> scenarios;

  /// Consts and functions with each after what it uses (set by the dependency stage).
  std::vector<ast::NamedDecl*> globalOrder;

  Context(SourceManager& s, DiagnosticEngine& d, const FrontendOptions& o, ast::Program& p)
      : sm(s), diags(d), options(o), program(p) {}

  /// Reports an error once: a mistake inside a base scenario is seen again in every
  /// flattened copy that derives from it, but the user should read it once.
  void error(SourceRange range, std::string message);
  /// Reports a warning once (as error() does): the program is still accepted.
  void warning(SourceRange range, std::string message);
  /// A note on the last error, dropped with it if that error was a repeat.
  void note(SourceRange range, std::string message);

 private:
  std::set<std::tuple<FileId, uint32_t, uint32_t, std::string>> reported_;
  bool lastWasRepeat_ = false;
};

// The stages, in pipeline order. Each reports what it finds to ctx.diags.
void loadModules(Context& ctx, FileId mainFile);  // Loader.cpp
void collectDeclarations(Context& ctx);           // Declarations.cpp
void flattenScenarios(Context& ctx);              // Extends.cpp
void applyCorrelations(Context& ctx);             // Copula.cpp
void resolveNames(Context& ctx);                  // NameResolver.cpp
void orderGlobals(Context& ctx);                  // Dependencies.cpp
void checkTypes(Context& ctx);                    // TypeChecker.cpp
/// A derived scenario's param or state of another type than its base's is an error.
void checkExtendedTypes(Context& ctx);            // Extends.cpp
void checkRules(Context& ctx);                    // Rules*.cpp

/// Every stage after loading (declarations, extends, names, types, rules), then the
/// program's consts and functions and the scenarios of the files `isRoot` accepts. False if
/// an error was reported since `errorsBefore`. Frontend.cpp; CellProgram.cpp uses it too.
bool checkLoadedModules(Context& ctx, size_t errorsBefore, const std::function<bool(FileId)>& isRoot);

/// The stdlib folder options resolve to (options.stdlibDir, $OMEN_STDLIB, or beside bin/).
std::string stdlibDirFor(const FrontendOptions& options);

/// Appends "; did you mean 'x'?" when a candidate is close to `name`.
std::string withSuggestion(std::string message, const std::string& name,
                           const std::vector<std::string>& candidates);

/// The reserved names `t step P E quantiles time`, which nothing may declare.
bool isReservedName(const std::string& name);

/// "param", "state", ... with an article: "a param", "an event".
std::string aKind(ast::DeclKind kind);

}  // namespace omen::sema
