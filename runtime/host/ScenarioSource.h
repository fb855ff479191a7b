//===- ScenarioSource.h - Where a run gets its compiled scenarios ----------===//
//
// Everything above the driver (run, compare, every analysis command) asks this interface
// for kernels and for the text of runtime errors, so the same code serves the public API,
// which compiles the IR on the chosen engine, and an `omen build` executable, which carries
// its kernels and their error sites compiled in.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "omen/RunOptions.h"
#include "omen/Worst.h"
#include "runtime/host/Driver.h"
#include "runtime/host/Kernel.h"

namespace omen::rt {

class ScenarioSource {
 public:
  virtual ~ScenarioSource() = default;
  /// The main file's name as reports print it.
  virtual std::string file() const = 0;
  /// "auto", "jit", "interp" or "aot".
  virtual std::string engine() const = 0;
  /// The scenarios of the main file, in declaration order.
  virtual std::vector<std::string> scenarioNames() const = 0;
  /// The kernel of scenario `index`, compiled on first use and kept; nullptr with `error`
  /// on an internal failure.
  virtual const Kernel* kernel(size_t index, std::string& error) = 0;
  /// The kernel of scenario `index`'s param scenario (ir/ParamScenario.h): one report per
  /// uncertain param, its drawn value. What the analyses sample params with. nullptr with
  /// `error` if this source has none.
  virtual const Kernel* paramKernel(size_t index, std::string& error) = 0;
  /// `file:line:col: runtime error: …`, the source line and caret, and a note naming the
  /// trial, for an error a run of scenario `index` returned.
  virtual std::string renderError(size_t index, const RunError& error) const = 0;
  /// Seconds spent checking and lowering the program before any kernel was asked for
  /// (reported as part of the first scenario's compile time).
  virtual double setupSeconds() const { return 0; }
  /// False where kernels come compiled in (a built executable): no compile time to report.
  virtual bool compilesKernels() const { return true; }
  /// Why scenario `index` cannot run by Monte Carlo as given, or "": a scenario with `choose`
  /// needs a policy (RunOptions::policy).
  virtual std::string cannotRun(size_t) const { return ""; }
  /// `--policy FILE` (RunOptions::policy): scenarios with `choose` then run under it; "" or
  /// the usage error.
  virtual std::string usePolicy(const std::string&) {
    return "a built executable follows the strategy it was built with (omen build --policy)";
  }
  /// `omen rare --split-on EXPR` (docs/rare-events.md): scenario `index` with a split point of
  /// EXPR after every phase step (ir/SplitPoints.h), compiled on this source's engine and
  /// kept; nullptr with `error`: EXPR's diagnostic (the flag's text and a caret) or why the
  /// scenario cannot be split.
  virtual const Kernel* splitKernel(size_t, const std::string&, std::string& error) {
    error = "--split-on instruments the scenario's IR, which a built executable does not carry; run omen rare --split-on";
    return nullptr;
  }
  /// A runtime error a split kernel of scenario `index` returned, rendered.
  virtual std::string renderSplitError(size_t index, const RunError& error) const { return renderError(index, error); }
  /// `omen run --engine exact --worlds N`: the worlds are solved exactly instead of run.
  virtual bool solvesWorldsExactly() const { return false; }
  /// One world of scenario `index` solved exactly with `overrides` (its epistemic params
  /// pinned): each report's estimate is its exact value, with a standard error of 0 and its
  /// error bound as the interval. A runtime error goes to out.error; any other failure (too
  /// many states, interrupted) is returned as the message, or "".
  virtual std::string solveWorld(size_t, const std::vector<Override>&, ScenarioResult&) {
    return "a built executable has no exact engine";
  }
  /// `omen worst --exact` (docs/exact.md): the optimum over every strategy of a scenario
  /// with `choose`, solved on the program's IR, and its strategy replayed by Monte Carlo.
  virtual WorstOutcome worstExact(const RunOptions&, const WorstOptions&) {
    WorstOutcome out;
    out.failure = Failure::Options;
    out.error = "worst --exact solves the program's IR, which a built executable does not carry; run omen worst";
    return out;
  }
};

}  // namespace omen::rt
