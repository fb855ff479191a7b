//===- Kernel.h - What an engine hands the Monte Carlo driver --------------===//
//
// A compiled scenario is a Kernel: it fills the globals (consts and fixed params) once per
// run and then runs blocks of trials, writing each trial's report outcomes. The driver does
// not care whether an interpreter, a JIT or an AOT executable produced it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "omen/Results.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::rt {

/// One `--set`-able param. Fixed params live in `slot`; an uncertain param pinned with
/// `--set` reads its value from `slot` and sets `pinnedSlot` to 1 instead of drawing.
struct ParamInfo {
  std::string name;
  ValueType type;
  bool uncertain;
  uint32_t slot;
  uint32_t pinnedSlot;  ///< uncertain params only
  /// Uncertain params: the values the declaration can draw; `--set` outside is refused.
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  /// The declared `in [lo, hi]`: `--set` must stay inside it; sweep and solve default to it.
  bool hasRange = false;
  double lo = 0, hi = 0;
  /// Uncertain, and one value per world of a two-level run (`epistemic x ~ …`).
  bool epistemic = false;
  /// Drawn through a Gaussian copula with other params (`correlate`): not independent.
  bool correlated = false;
};

struct ReportInfo {
  std::string label;
  ReportKind kind;
  bool conditional;  ///< has `| given`
  std::vector<double> levels = {};  ///< quantiles: the chosen levels, ascending; empty: the default
  std::optional<Expectation> expectation = {};  ///< an `expect` statement's report
};

/// A source place, for runtime error messages (the driver cannot see the frontend).
struct SiteInfo {
  uint32_t file;  ///< FileId in the program's SourceManager
  uint32_t line, col, endLine, endCol;
};

/// A draw importance sampling can tilt (`omen rare`, TrialContext.h): a bernoulli or `with
/// probability` choice, a normal or a uniform draw, in the scenario or a function it calls.
struct DrawSite {
  uint32_t site;     ///< the program's site number
  int kind;          ///< OMEN_TILT_BERNOULLI, OMEN_TILT_NORMAL or OMEN_TILT_UNIFORM
  std::string where; ///< "line:col" of the draw
};

struct ScenarioInfo {
  std::string name;
  uint32_t globalCount = 0;
  /// The scenario observes: each trial's outcome row ends with [log weight, 0] and every
  /// estimate is weighted (runtime/host/Weights.h).
  bool weighted = false;
  std::vector<ParamInfo> params;
  std::vector<ReportInfo> reports;
  std::vector<DrawSite> drawSites;  ///< in program site order
};

/// Per trial and report, two doubles: [given (0 or 1), value]. For P the value is 0 or 1.
/// A weighted scenario's trial then adds [log weight, 0]. A block of `count` trials fills
/// `count * outcomeWidth(info)` doubles, trial-major.
inline constexpr int kOutcomeWidth = 2;

/// Doubles per trial in an outcome buffer.
inline size_t outcomeWidth(const ScenarioInfo& info) {
  return (info.reports.size() + (info.weighted ? 1 : 0)) * kOutcomeWidth;
}
/// The log weight in a trial's outcome row (weighted scenarios only).
inline double logWeightOf(const ScenarioInfo& info, const double* row) { return row[info.reports.size() * kOutcomeWidth]; }

class Kernel {
 public:
  virtual ~Kernel() = default;
  virtual const ScenarioInfo& info() const = 0;

  /// Evaluates consts and fixed params in declaration order into `globals`, skipping every
  /// slot whose `overridden` byte is 1 (set by `--set`). Returns false with `error` filled
  /// if an expression fails (e.g. a division by zero in a const).
  virtual bool initGlobals(Value* globals, const uint8_t* overridden, OmenError& error) const = 0;

  /// Runs trials [first, first + count) of the run seeded `seed`. Returns false at the first
  /// failing trial, with `error` filled and `failedTrial` set; outcomes of earlier trials of
  /// the block are written. Every OMEN_CANCEL_CHECK_INTERVAL steps or trials it reads
  /// `cancel` (may be null); once set, the running trial fails with OMEN_ERR_CANCELLED.
  /// `tilt` (may be null): an importance-sampling run's change of measure, its params in
  /// program site numbers (TrialContext.h; the kernel renumbers them if it must).
  virtual bool runBlock(const Value* globals, uint64_t seed, uint64_t first, uint32_t count,
                        double* outcomes, OmenError& error, uint64_t& failedTrial,
                        const std::atomic<bool>* cancel = nullptr, const OmenTilt* tilt = nullptr) const = 0;

  /// A kernel that can switch engines (the auto engine's): the trials it has run on each so
  /// far. Others: none.
  virtual std::optional<EngineSplit> engineSplit() const { return std::nullopt; }
};

}  // namespace omen::rt
