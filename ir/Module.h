//===- Module.h - A lowered program: functions, scenarios, the site table -===//
//
// Memory model every engine shares:
//  * Globals: one 8-byte Value per slot, filled once per run (Kernel::initGlobals). The
//    module's consts take slots 0..consts.size()-1 in every scenario (functions read them);
//    a scenario's own globals follow, in declaration order.
//  * The trial frame: one Value per Scenario::slots entry (uncertain params, states, the
//    locals of phase bodies), plus per event a happened flag and a first-trigger time.
//  * A function frame: one Value per Function::slots entry (arguments first). Functions
//    cannot recurse (sema rejects it; the verifier checks it), so each function may own one
//    static frame.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "core/DistributionSupport.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "frontend/basic/SourceManager.h"
#include "ir/Stmt.h"
#include "omen/Results.h"

namespace omen::ir {

/// An operation that can fail at run time; runtime errors carry its index.
struct Site {
  SourceRange range;
  std::string what;  ///< "beta", "with probability", "+", "phase 'training'", "report 'P(x)'"
};

enum class GlobalKind : uint8_t {
  Const,       ///< `const`: init evaluated once per run
  FixedParam,  ///< `param x = e`: init evaluated once per run unless overridden by --set
  Uncertain,   ///< `param x ~ D`: holds the --set value when pinned (no init)
  Pinned,      ///< bool: 1 if the uncertain param `pins` is pinned (see Kernel::initGlobals)
};

struct Global {
  std::string name;
  Type type;
  GlobalKind kind;
  ExprPtr init;        ///< Const and FixedParam only; reads only earlier globals, never draws
  uint32_t pins = 0;   ///< Pinned: the global slot of its Uncertain value
};

enum class SlotKind : uint8_t { Arg, Param, State, Local };

struct Slot {
  std::string name;
  Type type;
  SlotKind kind;
};

struct Function {
  std::string name;
  Type returnType;
  uint32_t argCount = 0;     ///< slots[0..argCount) are the arguments
  std::vector<Slot> slots;
  Block body;                ///< ends in Return on every path
};

enum class PhaseForm : uint8_t { For, Until };

inline constexpr int64_t kDefaultUntilLimit = 10'000'000;
/// A `for` count (or an `until` limit) above this is a runtime error (OMEN_ERR_BAD_COUNT).
inline constexpr int64_t kMaxStepCount = int64_t(1) << 53;
/// A `for i in a..b` loop statement whose range holds more values than this fails the trial
/// with OMEN_ERR_LOOP_LIMIT at its site before the first iteration: a loop that long is a
/// mistake in a Monte Carlo trial (it would take seconds per trial), not a computation.
inline constexpr int64_t kMaxLoopIterations = int64_t(1) << 32;

/// `for`: count (int) is evaluated once at phase start; negative or above 2^53 is an error.
/// `until`: limit (int, the default when not written) is evaluated at phase start with the
/// same check; cond is evaluated before each step; when it is still false after `limit`
/// steps the trial fails with OMEN_ERR_PHASE_LIMIT at `site`.
struct Phase {
  std::string name;
  PhaseForm form = PhaseForm::For;
  ExprPtr count;
  ExprPtr cond;
  ExprPtr limit;
  Block body;
  uint32_t site = kNoSite;
  /// Set by analyzeQuiescence (ir/Quiescence.h): after a step that drew nothing, changed no
  /// state and triggered no new event, engines jump to the phase's end. `quiescence` says
  /// why a phase does not ("reads t", …) and is empty when it does.
  bool skipQuiescent = false;
  std::string quiescence;
  /// Set by analyzeHazards (ir/Hazards.h): every draw of a step is a `with probability`
  /// choice whose probability stays the same while nothing changes, so after a step in which
  /// every choice failed and nothing changed, engines draw how many more steps would do the
  /// same and jump over them (this includes skipping quiescent steps). `hazardSites` counts
  /// the body's choices, the most one step reaches; `hazards` says why a phase with choices
  /// does not jump, and is empty when it does or has none.
  bool jumpsHazards = false;
  uint32_t hazardSites = 0;
  std::string hazards;
};

/// A deep copy of `p`, its decisions (quiescence, hazards) included: one place that knows
/// every field, for the passes and keys that copy a scenario.
Phase clonePhase(const Phase& p);

enum class ReportKind : uint8_t { Probability, Mean, Quantiles };

/// Evaluated at trial end: `given` first (absent: always 1); `value` only where given holds.
/// A value that is NaN or infinite fails the trial with OMEN_ERR_NOT_FINITE at `site`.
struct Report {
  ReportKind kind;
  std::string label;
  ExprPtr value;  ///< bool for Probability, int or real otherwise
  ExprPtr given;  ///< may be null
  uint32_t site = kNoSite;
  std::vector<double> levels;  ///< Quantiles: the chosen levels; empty for the default
  std::optional<Expectation> expectation;  ///< an `expect` statement's report
};

/// A `--set`-able param as the driver sees it (mirrors rt::ParamInfo).
struct Param {
  std::string name;
  Type type;
  bool uncertain = false;
  uint32_t global = 0;      ///< FixedParam or Uncertain global
  uint32_t pinned = 0;      ///< uncertain: the Pinned global
  uint32_t slot = 0;        ///< uncertain: the trial-frame slot holding this trial's value
  bool hasRange = false;    ///< declared `in [lo, hi]`
  double lo = 0, hi = 0;
  /// uncertain: the values its distribution can draw (core/DistributionSupport.h); `--set`
  /// outside it is refused.
  Support support;
  bool epistemic = false;   ///< uncertain, one value per world (`--worlds`); drawn per trial otherwise
  bool correlated = false;  ///< drawn through `correlate`'s copula: Sobol' indices do not apply
};

/// An array of states, or one half of an event array (its happened flags, then its first
/// trigger times, as two consecutive arrays). Elements are 8-byte Values like slots; `length`
/// reads globals only and is evaluated once per block of trials, before any trial, and must
/// lie in [0, kMaxArrayElements] (else OMEN_ERR_ARRAY_LENGTH at `site`). All arrays of a
/// scenario together may hold at most kMaxArrayElements elements.
struct Array {
  std::string name;
  Type type;
  ExprPtr length;
  uint32_t site = kNoSite;
};

/// 2^24 elements (128 MiB of Values per thread): far above any population a scenario models,
/// low enough that a mistyped length fails at once instead of exhausting memory.
inline constexpr int64_t kMaxArrayElements = int64_t(1) << 24;

struct Scenario {
  std::string name;
  std::vector<Array> arrays;       ///< state arrays and event arrays (two each), declaration order
  std::vector<Global> globals;     ///< slot of globals[i] is Module::consts.size() + i
  std::vector<Param> params;       ///< declaration order
  std::vector<Slot> slots;         ///< the trial frame
  std::vector<std::string> events;
  Block trialInit;                 ///< uncertain params (unless pinned), then states, in order
  std::vector<Phase> phases;
  std::vector<Report> reports;
  /// Set by analyzeTrialLanes (ir/TrialLanes.h): the JIT may run this scenario's trials
  /// several per vector, speculatively. `trialLanes` says why not, and is empty when it may.
  bool runsInLanes = false;
  std::string trialLanes;
  /// Set by analyzeExactness (ir/Exactness.h): the exact engine can answer this scenario.
  /// `exactness` says why not, and is empty when it can; `priorMeans` are the sites of the
  /// continuous prior draws it replaces by their mean; `exactPins` the uncertain params
  /// (continuous priors) it needs pinned with --set.
  bool exact = false;
  std::string exactness;
  std::vector<uint32_t> priorMeans;
  std::vector<std::string> exactPins;
  /// A phase adds to the trial's log weight (a Factor statement, from `observe`): each
  /// trial's outcome row ends with its log weight and every estimate is weighted.
  bool weighted = false;
};

/// Doubles per trial in a block's outcome buffer: [given, value] per report, then, in a
/// weighted scenario, [log weight, 0] (rt::outcomeWidth says the same to the driver).
inline size_t outcomeDoubles(const Scenario& s) { return 2 * (s.reports.size() + (s.weighted ? 1 : 0)); }

struct Module {
  std::vector<Global> consts;      ///< global slots 0..consts.size()-1 of every scenario
  std::vector<Function> functions;
  std::vector<Scenario> scenarios;
  std::vector<Site> sites;

  uint32_t globalCount(const Scenario& s) const {
    return static_cast<uint32_t>(consts.size() + s.globals.size());
  }
  /// Global slot `g` of scenario `s` (a const or one of its own).
  const Global& global(const Scenario& s, uint32_t g) const {
    return g < consts.size() ? consts[g] : s.globals[g - consts.size()];
  }
  const Scenario* findScenario(const std::string& name) const {
    for (const Scenario& s : scenarios)
      if (s.name == name) return &s;
    return nullptr;
  }
  uint32_t addSite(SourceRange range, std::string what) {
    sites.push_back({range, std::move(what)});
    return static_cast<uint32_t>(sites.size() - 1);
  }
};

}  // namespace omen::ir
