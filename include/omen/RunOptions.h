//===- RunOptions.h - How a run is asked for, and the checks on it ---------===//
//
// One definition of the run options and of reading them as people type them, shared by
// `omen run`/`compare`, the REPL, every analysis command, `omen build` executables and
// embedders. The limits live here once.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace omen {

/// How scenarios execute. Every engine gives bit-identical report values (docs/reference.md).
enum class Engine {
  Auto,         ///< the interpreter at once, the JIT kernel once the run is long enough to
                ///< pay for compiling it (backend/TieredKernel.h; the default)
  Jit,          ///< compiled by LLVM into a native kernel in this process before the run
  Interpreter,  ///< the reference semantics; no compilation latency
};

/// `--precision [LABEL=]SE` / `--rel-precision [LABEL=]FRACTION`: run blocks of trials until
/// the standard error of the report (of every P and E report when `label` is empty) is at
/// most `value` (or `value` times |estimate|), with `trials` as the cap.
struct PrecisionTarget {
  std::string label;
  double value = 0;
  bool relative = false;
};

struct RunOptions {
  std::vector<std::string> scenarios;  ///< empty: every scenario of the main file, in order
  uint64_t trials = 100'000;
  uint64_t seed = 1;
  unsigned threads = 0;  ///< 0: all cores
  Engine engine = Engine::Auto;
  /// `--set name=value`, applied to every scenario that has the param.
  std::vector<std::pair<std::string, std::string>> overrides;
  /// Two-level run (`--worlds W`, include/omen/Worlds.h): W worlds of `trials` trials each;
  /// 0 runs as usual. `exceed`: thresholds x of P(a world's estimate > x).
  uint64_t worlds = 0;
  std::vector<double> exceed;
  bool progress = false;                     ///< progress bar on stderr (if a terminal)
  const std::atomic<bool>* cancel = nullptr;  ///< set to stop early; results are marked partial
  std::vector<PrecisionTarget> precision;     ///< empty: run exactly `trials` trials
  /// `--policy FILE`: the strategy a scenario with `choose` follows (the JSON `omen worst
  /// --exact --format json` writes); empty: such a scenario cannot run (docs/exact.md).
  std::string policy;
};

const char* engineName(Engine engine);  ///< "auto", "jit" or "interp"
std::optional<Engine> parseEngine(const std::string& name);

/// More trials than this in one run is refused as a likely typo.
inline constexpr uint64_t kMaxTrials = 1'000'000'000'000ULL;
inline constexpr unsigned kMaxThreads = 1024;

/// Reads a count as people write it: `1e6`, `100000` and `1_000_000` are all a million.
/// Whole numbers up to 2^53 only; `tooLarge` (if given) tells a huge whole number from text
/// that is not a count at all.
bool parseCount(const std::string& text, uint64_t& out, bool* tooLarge = nullptr);

/// Each reads one option as typed and returns "" or the usage error to print.
std::string parseTrials(const std::string& text, uint64_t& out);
std::string parseSeed(const std::string& text, uint64_t& out);
std::string parseThreads(long long requested, unsigned& out);
/// `name=value` (as `--set` takes it) into `out`.
std::string parseSetting(const std::string& text, std::pair<std::string, std::string>& out);

/// A precision-targeted run stops only at a block boundary at or past this many trials (the
/// first blocks' standard error is too unsteady to stop on; see docs/reference.md).
inline constexpr uint64_t kPrecisionMinTrials = 10'000;
/// The cap of a precision-targeted run when --trials is not given.
inline constexpr uint64_t kPrecisionDefaultCap = 100'000'000;

/// `[LABEL=]VALUE` of --precision (`0.001`, `1e-3`) or --rel-precision (`1%`, `0.01`).
std::string parsePrecision(const std::string& text, bool relative, PrecisionTarget& out);
/// "se <= 0.001" or "se <= 1% of |estimate|".
std::string describePrecision(const PrecisionTarget& target);

/// The thread count a run uses for `requested` (0: every core).
unsigned resolveThreads(unsigned requested);

}  // namespace omen
