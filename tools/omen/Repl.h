//===- Repl.h - `omen repl`: explore scenarios interactively -----------------===//
//
// The REPL reads the language itself, one entry at a time: declarations accumulate in an
// omen::Session, a bare expression is evaluated and printed with its type, and `:commands`
// run, compare and inspect. On a terminal it edits lines with LLVM's LineEditor (history in
// ~/.omen_history, tab completion); otherwise it reads stdin line by line with no prompts,
// so it can be scripted.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "omen/Session.h"

namespace CLI {
class App;
}

namespace omen::cli {

/// Every `:command`, for completion and suggestions: the REPL's own, then one per analysis in
/// the registry (omen/Analyses.h) that the REPL does not already name.
const std::vector<std::string>& replCommands();

struct ReplFlags {
  std::vector<std::string> files;  ///< loaded before the first prompt
  bool strict = false;             ///< exit 1 at end of input if any entry failed
  std::string engine = "auto";  ///< as `omen run`; compiled kernels are kept across :set
};

/// Adds the `repl` subcommand to `app`.
CLI::App* addReplSubcommand(CLI::App& app, ReplFlags& flags);
/// Runs the REPL on stdin; returns the exit status.
int replCommand(const ReplFlags& flags, const LoadOptions& load);

/// One REPL session: its declarations, its run settings, and how it prints.
class Repl {
 public:
  Repl(const LoadOptions& load, std::ostream& out, std::ostream& err, bool interactive);

  /// Handles one complete entry (a command, declarations or an expression). Returns false if
  /// it failed (an error was printed).
  bool handle(const std::string& entry);
  bool quitting() const { return quit_; }

  /// Set by the SIGINT handler; a running simulation stops at its next block.
  static std::atomic<bool>& interrupted();

  /// Completion candidates for the word ending at `pos` in `line`.
  std::vector<std::string> completions(const std::string& line, size_t pos, size_t& wordStart) const;
  bool selectEngine(const std::string& name, std::string& error);

 private:
  bool command(const std::string& line);
  bool evaluate(const std::string& expr);
  bool printReply(const SessionReply& reply);

  bool cmdRun(const std::string& args);
  bool cmdCompare(const std::string& args);
  // ReplAnalysis.cpp
  bool cmdSweep(const std::string& args);
  bool cmdSolve(const std::string& args);
  /// `:NAME FLAGS…`: the registered analysis NAME with the flags of `omen NAME`.
  bool cmdAnalysis(const std::string& name, const std::string& args);
  /// The scenario an analysis runs: `words[0]` if it names one (then removed), else the
  /// last declared.
  std::string analysisScenario(std::vector<std::string>& words);
  bool cmdSet(const std::string& args);
  bool cmdUnset(const std::string& args);
  bool cmdCount(const std::string& what, const std::string& args);
  bool cmdEngine(const std::string& args);
  bool cmdType(const std::string& args);
  bool cmdDump(const std::string& what, const std::string& args);
  bool cmdList();
  bool cmdSave(const std::string& args);
  void cmdHelp();

  /// The run options for `scenarios`, with the session's `:set` values that apply to them.
  RunOptions runOptions(const std::vector<std::string>& scenarios);
  bool error(const std::string& message);
  /// handle() without its out-of-memory guard.
  bool handleEntry(const std::string& entry);

  Session session_;
  std::ostream& out_;
  std::ostream& err_;
  bool interactive_;
  bool quit_ = false;
  RunOptions options_;
  std::vector<std::pair<std::string, std::string>> overrides_;
};

/// Open `{`/`(` minus closed ones in `text`, ignoring strings and comments; an open block
/// comment counts as one. An entry is complete when this is <= 0.
int openDelimiters(const std::string& text);
/// openDelimiters() fed a line at a time (whole lines: strings and `//` comments end with
/// theirs), so that an entry of N lines costs O(N), not O(N^2) (issue 22).
class DelimiterScanner {
 public:
  void feed(const std::string& text);
  int open() const { return depth_ + (inBlockComment_ ? 1 : 0); }

 private:
  int depth_ = 0;
  bool inBlockComment_ = false;
};
/// True if `text` holds nothing but whitespace and comments.
bool onlyComments(const std::string& text);

}  // namespace omen::cli
