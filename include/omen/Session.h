//===- Session.h - An incremental omen program, as the REPL builds it ------===//
//
// A session is a list of cells: declarations typed one entry at a time, and files loaded
// whole. Declaring a name again replaces the earlier declaration. Every change is checked
// as a whole program before it is accepted, so the session is always a valid program; on
// an error the diagnostics point into the entered text and nothing changes.
//
//   omen::Session session;
//   session.declare("scenario s { param p = 0.3  state x = bernoulli(p)  report P(x) }");
//   omen::RunOptions options;
//   options.scenarios = {"s"};
//   omen::RunOutcome outcome = session.program().run(options);
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "omen/Omen.h"

namespace omen {

/// What a change to the session did, or why it was refused.
struct SessionReply {
  bool ok = false;
  std::string diagnostics;            ///< rendered as `omen check` prints them
  std::vector<std::string> messages;  ///< "declared scenario s", "replaced fn f"
};

/// One live declaration.
struct SessionDecl {
  std::string kind;   ///< "import", "const", "fn" or "scenario"
  std::string name;   ///< an import's target as written
  std::string where;  ///< "repl[3]:1" or "examples/premises.omen:12"
};

/// The value of an expression: exact if it draws nothing, else a summary of samples.
struct SessionValue {
  bool ok = false;
  std::string error;  ///< diagnostics or a runtime error, rendered
  std::string type;   ///< "bool", "int" or "real"
  bool draws = false;
  double value = 0;  ///< !draws: the value (bool: 0 or 1)
  // draws: over `samples` evaluations (bool: mean is the fraction true)
  uint64_t samples = 0;
  double mean = 0, sd = 0, q05 = 0, q50 = 0, q95 = 0;
};

class Session {
 public:
  explicit Session(const LoadOptions& options = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// True if `text` starts with `import`, `const`, `fn` or `scenario`: a declaration
  /// cell rather than an expression.
  static bool isDeclaration(const std::string& text);

  /// Adds a cell of declarations typed at the prompt.
  SessionReply declare(const std::string& text);
  /// Adds a file as one cell (diagnostics point into the file; its imports are relative to it).
  SessionReply load(const std::string& path);
  /// Reads every loaded file again.
  SessionReply reload();

  /// Evaluates an expression over the session's consts and functions: once if it draws
  /// nothing, else `options.trials` times (seed, threads, engine and cancel from `options`).
  SessionValue evaluate(const std::string& expr, const RunOptions& options);
  /// The static type of an expression (value fields unset).
  SessionValue typeOf(const std::string& expr);

  /// The checked session, always valid (possibly empty).
  const Program& program() const;
  std::vector<SessionDecl> declarations() const;
  /// The scenario declared last ("" if none).
  std::string lastScenario() const;
  /// The params of `scenario` (after extends), in order.
  std::vector<std::string> params(const std::string& scenario) const;
  /// Reads `value` as `--set` would for param `name` of any scenario; false with `error`.
  bool checkOverride(const std::string& name, const std::string& value, std::string& error) const;
  /// Every name a user may type: consts, functions, scenarios and their params.
  std::vector<std::string> names() const;
  /// The names of the builtin functions and distributions (for completion).
  static std::vector<std::string> builtinNames();
  /// The live declarations as the text of one .omen file to be written at `path` (imports
  /// rewritten so that they still resolve from there).
  std::string source(const std::string& path) const;

  struct Impl;

 private:
  friend struct Impl;
  static std::unique_ptr<Program> wrap(std::unique_ptr<Program::Impl> impl);
  static Program::Impl& implOf(const Program& program);
  std::unique_ptr<Impl> impl_;
};

}  // namespace omen
