//===- Omen.h - The embeddable C++ API of omen -----------------------------===//
//
// Load a scenario file (or a string), check it, run its scenarios, and get result objects
// back. The `omen` command-line tool and the REPL are thin clients of this header.
//
//   auto program = omen::Program::fromFile("examples/premises.omen");
//   if (!program->ok()) { std::cerr << program->diagnostics(); return 1; }
//   omen::RunOptions options;
//   options.trials = 1'000'000;
//   omen::RunOutcome outcome = program->run(options);
//   for (const auto& report : outcome.result.scenarios[0].reports) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "omen/Analyses.h"
#include "omen/Analysis.h"
#include "omen/EmitKind.h"
#include "omen/Exact.h"
#include "omen/Format.h"
#include "omen/Results.h"
#include "omen/RunOptions.h"
#include "omen/Sensitivity.h"
#include "omen/Worlds.h"
#include "omen/Voi.h"
#include "omen/Worst.h"
#include "omen/Version.h"

namespace omen {

struct LoadOptions {
  /// Folder holding std/NAME.omen; empty: $OMEN_STDLIB, else share/omen/stdlib beside the
  /// lib/ holding libomen.so, or beside the bin/ holding the executable.
  std::string stdlibDir;
  /// Non-empty: an `import "file.omen"` must lie under one of these folders (symlinks
  /// resolved) or it is refused before it is read; std modules are always allowed.
  std::vector<std::string> importRoots{};
};

class Session;

/// The file `import std.NAME` would load for `nameOrPath` = "std.NAME"; any other text is
/// returned as it is (a path).
std::string modulePath(const std::string& nameOrPath, const LoadOptions& options = {});

/// "std.NAME" for every module of the standard library, sorted.
std::vector<std::string> stdModules(const LoadOptions& options = {});

/// A file a program read: its name as diagnostics print it, and its text.
struct SourceText {
  std::string name;
  std::string text;
};

/// A loaded and checked program. Not thread-safe; runs use threads internally.
class Program {
 public:
  static std::unique_ptr<Program> fromFile(const std::string& path, const LoadOptions& options = {});
  static std::unique_ptr<Program> fromString(const std::string& text, const std::string& name = "<input>",
                                             const LoadOptions& options = {});
  ~Program();

  /// A short digest of every file the program read (its main file and each import, in load
  /// order) and of its diagnostics: two processes that loaded the same program agree on it.
  std::string sourceFingerprint() const;
  /// Every file the program read: its main file first, then each import in load order
  /// (the stdlib's too), as read (the pages of `omen report` show them).
  std::vector<SourceText> sources() const;

  /// False if the program has errors; `diagnostics()` renders them (and any warnings).
  bool ok() const;
  std::string diagnostics() const;
  size_t errorCount() const;

  std::vector<std::string> scenarioNames() const;
  bool hasScenario(const std::string& name) const;

  /// Deterministic dumps of the checked AST and of the IR (for `omen emit`).
  std::string dumpAst() const;
  std::string dumpIr() const;
  /// The optimized LLVM IR of every scenario's kernel.
  std::string dumpLlvm() const;

  /// One stage of the compiler: the AST or IR of the program, or the compiled kernels of
  /// `scenarios` (empty: all) as LLVM IR text, assembly or object bytes. Returns false with
  /// `error` set if a scenario is unknown or compilation fails.
  bool emit(EmitKind kind, const std::vector<std::string>& scenarios, std::string& out, std::string& error) const;
  /// The IR as it leaves one stage of the pipeline (`omen emit --ir-after STAGE`): "lower"
  /// (translated, before any pass) or an IR pass, as irStages() names them; after the last,
  /// dumpIr's text. False with `error` for an unknown stage or a program with errors.
  bool dumpIrAfter(const std::string& stage, std::string& out, std::string& error) const;
  /// The stages dumpIrAfter takes, in the order they run.
  static std::vector<std::string> irStages();
  /// Compiles `scenarios` (empty: all) ahead of time into the standalone executable `output`,
  /// which takes the run flags of `omen run` and prints the same reports.
  /// `policy`: the strategy of the scenarios' `choose` statements (the JSON of `omen worst
  /// --exact`), compiled in; a scenario with `choose` and no policy is refused.
  bool build(const std::string& output, const std::vector<std::string>& scenarios, std::string& error,
             const std::string& policy = "") const;

  /// The main file's public declarations with their comments, as Markdown (`omen doc`).
  std::string documentation(const std::string& title) const;

  RunOutcome run(const RunOptions& options) const;
  /// Runs scenarios `a` and `b` on common random numbers and pairs their shared reports.
  CompareOutcome compare(const std::string& a, const std::string& b, const RunOptions& options) const;
  /// One scenario at two settings (`settingsA`, `settingsB`, each applied on top of
  /// options.overrides) on common random numbers.
  CompareOutcome compareSettings(const std::string& scenario, const std::vector<std::pair<std::string, std::string>>& settingsA,
                                 const std::vector<std::pair<std::string, std::string>>& settingsB,
                                 const RunOptions& options) const;
  /// One scenario over a grid of one or two params, every point on common random numbers
  /// (omen/Analysis.h); the kernel is compiled once.
  SweepOutcome sweep(const SweepRequest& request, const RunOptions& options) const;
  /// The value of a param at which a report reaches a target, with its 95% interval.
  SolveOutcome solve(const SolveRequest& request, const RunOptions& options) const;
  /// The tornado and Sobol' indices of one report (omen/Sensitivity.h, docs/sensitivity.md).
  /// `options.scenarios` is ignored: `what.scenario` chooses.
  SensitivityOutcome sensitivity(const SensitivityOptions& what, const RunOptions& options) const;
  /// A two-level run (omen/Worlds.h): `options.worlds` worlds of `options.trials` trials.
  WorldsOutcome runWorlds(const RunOptions& options) const;
  /// The strategy that maximises (or minimises) a report over declared ranges, and the
  /// value found re-estimated on fresh streams (omen/Worst.h).
  WorstOutcome worst(const WorstOptions& what, const RunOptions& options) const;
  /// The value of information: the best option of a decision now, EVPI and each epistemic
  /// param's EVPPI, from `options.worlds` worlds per option (omen/Voi.h).
  VoiOutcome voi(const VoiOptions& what, const RunOptions& options) const;
  /// Every report of the chosen scenarios exactly, with its error bound (omen/Exact.h,
  /// docs/exact.md); a scenario the exact engine cannot answer fails with the reason.
  /// Uses `options.scenarios` and `options.overrides`.
  ExactOutcome runExact(const RunOptions& options, const ExactOptions& exact = {}) const;
  /// Any registered analysis (omen/Analyses.h) by name, with the flags of `omen NAME` as
  /// words in `args` (no file: this program). Prints to `io`; returns the exit status.
  int analyze(const std::string& name, const std::vector<std::string>& args, const AnalysisIo& io,
              Door door = Door::Python) const;

  struct Impl;

 private:
  friend class Session;  // include/omen/Session.h builds programs from its cells
  friend int runAnalysisCommand(const std::string&, const std::vector<std::string>&, const LoadOptions&,
                                const AnalysisIo&);
  explicit Program(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace omen
