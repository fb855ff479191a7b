//===- ProgramImpl.h - What an omen::Program holds -------------------------===//
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frontend/ast/Program.h"
#include "frontend/basic/Diagnostics.h"
#include "ir/Module.h"
#include "omen/Exact.h"
#include "omen/Omen.h"
#include "runtime/host/ScenarioSource.h"

namespace omen {

struct Program::Impl {
  SourceManager sources;
  DiagnosticEngine diags{sources};
  std::unique_ptr<ast::Program> checked;  ///< null if the program has errors
  std::unique_ptr<ir::Module> ir;         ///< lowered on first use
  double checkSeconds = 0, lowerSeconds = 0;  ///< the frontend's and the lowering's time
  LoadOptions loadOptions;  ///< what it was loaded with (a derived program loads alike)

  /// The IR, lowered once. Null (with `error` set) only on an internal error.
  const ir::Module* lowered(std::string& error);
  /// The scenarios `names` (empty: all of the main file) of the lowered IR; false with
  /// `error` ("no scenario named …; did you mean …?") if one is unknown.
  bool selectScenarios(const std::vector<std::string>& names, std::vector<const ir::Scenario*>& out,
                       std::string& error) const;
  /// `file:line:col: runtime error: …` with the source line, for an error a run returned.
  std::string renderRuntimeError(const ir::Scenario& scenario, const RunError& error) const;
  /// The main file's name as reports print it.
  std::string mainFile() const;
};

/// The scenarios of a lowered program as the runtime runs them: compiled on `engine` when
/// first asked for, their runtime errors rendered from the program's sources.
class IrScenarioSource final : public rt::ScenarioSource {
 public:
  IrScenarioSource(Program::Impl& program, Engine engine) : program_(program), engine_(engine) {}
  std::string file() const override { return program_.mainFile(); }
  std::string engine() const override { return exactWorlds_ ? "exact" : engineName(engine_); }
  std::vector<std::string> scenarioNames() const override;
  const rt::Kernel* kernel(size_t index, std::string& error) override;
  const rt::Kernel* paramKernel(size_t index, std::string& error) override;
  std::string renderError(size_t index, const RunError& error) const override;
  double setupSeconds() const override { return program_.checkSeconds + program_.lowerSeconds; }
  std::string cannotRun(size_t index) const override;
  WorstOutcome worstExact(const RunOptions& options, const WorstOptions& what) override;
  /// Reads `--policy FILE` (Policy.cpp); "" or the usage error. Scenarios with `choose` then
  /// compile with it applied.
  std::string usePolicy(const std::string& file) override;
  /// The scenario to compile for `index`: the module's, or its copy with the policy applied
  /// (null with `error` when the policy does not fit it).
  const ir::Scenario* scenarioToCompile(size_t index, std::string& error);
  /// Scenario `index` with the policy applied into `out` (untouched without `choose`); "" or
  /// why the policy does not fit it.
  std::string withPolicy(size_t index, std::unique_ptr<ir::Scenario>& out) const;
  /// `omen rare --split-on EXPR` (api/SplitKernel.cpp): the scenario extended by a report of
  /// EXPR, so the frontend checks EXPR in the scenario's scope, lowered, and given split
  /// points of it (ir/SplitPoints.h).
  const rt::Kernel* splitKernel(size_t index, const std::string& expr, std::string& error) override;
  std::string renderSplitError(size_t index, const RunError& error) const override;
  /// The exact engine only evaluates globals with this source's kernels: `choose` is fine.
  void forExactEngine() { exactOnly_ = true; }
  /// The scenario the exact engine solves for `index` (api/Exact.cpp): the module's, or its
  /// copy under the policy; null with `failure` and `error` when it refuses (a `choose`
  /// without a policy, a scenario that does not qualify).
  const ir::Scenario* exactScenario(size_t index, Failure& failure, std::string& error);
  /// `--engine exact --worlds`: each world solved exactly (api/ExactWorlds.cpp).
  void solveWorldsExactly(const ExactOptions& options, const std::atomic<bool>* cancel) {
    exactWorlds_ = options;
    cancel_ = cancel;
  }
  bool solvesWorldsExactly() const override { return exactWorlds_.has_value(); }
  std::string solveWorld(size_t index, const std::vector<rt::Override>& overrides, ScenarioResult& out) override;

 private:
  Program::Impl& program_;
  Engine engine_;
  std::vector<std::unique_ptr<rt::Kernel>> kernels_, paramKernels_;
  std::vector<std::unique_ptr<ir::Scenario>> paramScenarios_;
  /// Scenarios with the policy applied, kept alive with their kernels.
  std::vector<std::unique_ptr<ir::Scenario>> policyScenarios_;
  std::string policyFile_;
  std::string policyText_;
  bool exactOnly_ = false;
  /// Split kernels with the derived programs they were compiled from, by scenario index.
  std::map<size_t, std::shared_ptr<struct SplitBuild>> splits_;
  std::optional<ExactOptions> exactWorlds_;
  const std::atomic<bool>* cancel_ = nullptr;
};

/// The first param of `s` with a continuous prior that the exact engine needs pinned
/// (ir::Scenario::exactPins) and `overrides` leave unpinned, or "" (api/Exact.cpp).
std::string unpinnedPrior(const ir::Scenario& s, const rt::Kernel& kernel, const std::vector<rt::Override>& overrides);

/// `omen emit --jani` (api/Jani.cpp): one scenario of the main file (`names`: at most one) as
/// a JANI model, its params as declared.
bool emitJani(Program::Impl& impl, const std::vector<std::string>& names, std::string& out, std::string& error);

/// What every run and analysis checks first: a program without errors (Failure::Options
/// with its diagnostics otherwise), lowered.
Failure lowerForRun(const Program& program, Program::Impl& impl, std::string& error);

/// Every run and analysis of the API: the program checked and lowered (lowerForRun), then
/// `work` on its scenarios compiled on `options.engine`.
template <typename Result, typename Work>
Outcome<Result> runOnProgram(const Program& program, Program::Impl& impl, const RunOptions& options, Work work) {
  Outcome<Result> out;
  out.failure = lowerForRun(program, impl, out.error);
  if (out.failure != Failure::None) return out;
  IrScenarioSource source(impl, options.engine);
  if (!options.policy.empty()) {
    std::string why = source.usePolicy(options.policy);
    if (!why.empty()) {
      out.failure = Failure::Options;
      out.error = why;
      return out;
    }
  }
  return work(source);
}

}  // namespace omen
