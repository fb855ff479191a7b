//===- Repl.cpp - The read-eval-print loop of `omen repl` -------------------===//
//
// Reads entries (a line, or several while a `{` or `(` is open), hands each to Repl::handle.
// On a terminal: LLVM's LineEditor, prompts, history, Ctrl-C to drop the line being typed
// or stop a running simulation. Otherwise: stdin line by line, no prompts, and with
// `--strict` exit status 1 if any entry failed, so sessions can be scripted and tested.
//
//===----------------------------------------------------------------------===//
#include "tools/omen/Repl.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <unistd.h>

#include "tools/omen/Commands.h"
#include "tools/omen/ReplLineEditor.h"

namespace omen::cli {

namespace {

extern "C" void onReplInterrupt(int) { Repl::interrupted().store(true); }

// Without SA_RESTART, so Ctrl-C also ends a read waiting at the prompt.
void installInterruptHandler() {
  struct sigaction action = {};
  action.sa_handler = onReplInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
}

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Collects lines into entries: a `:command` is one line; anything else goes on while a
// brace or parenthesis is open.
class EntryReader {
 public:
  /// Adds a line; returns true when `entry` holds a complete entry to handle.
  bool add(const std::string& line, std::string& entry) {
    if (pending_.empty()) {
      std::string t = trimmed(line);
      if (t.empty()) return false;
      if (t[0] == ':') {
        entry = t;
        return true;
      }
    }
    pending_ += line + "\n";
    scanner_.feed(line + "\n");  // only the new line: long entries stay linear
    if (scanner_.open() > 0) return false;
    entry = std::move(pending_);
    pending_.clear();
    scanner_ = {};
    return true;
  }
  bool continuing() const { return !pending_.empty(); }
  std::string flush() {
    scanner_ = {};
    return std::exchange(pending_, "");
  }

 private:
  std::string pending_;
  DelimiterScanner scanner_;
};

int interactiveLoop(Repl& repl) {
  installInterruptHandler();
  ReplLineEditor editor(defaultHistoryPath(), [&repl](const std::string& line, size_t pos, size_t& start) {
    return repl.completions(line, pos, start);
  });
  std::cout << "omen " << kVersion << " REPL: declarations, expressions, :help for commands, Ctrl-D to quit\n";
  EntryReader reader;
  while (!repl.quitting()) {
    Repl::interrupted().store(false);
    std::optional<std::string> line = editor.readLine(reader.continuing() ? "  ... " : "omen> ");
    if (!line) {
      if (Repl::interrupted().exchange(false)) {  // Ctrl-C at the prompt: drop what was typed
        reader.flush();
        std::cout << "\n";
        continue;
      }
      std::cout << "\n";
      break;  // Ctrl-D
    }
    editor.saveHistory();
    std::string entry;
    if (reader.add(*line, entry)) repl.handle(entry);
  }
  return kExitOk;
}

}  // namespace

CLI::App* addReplSubcommand(CLI::App& app, ReplFlags& flags) {
  CLI::App* repl = app.add_subcommand("repl", "Explore scenarios interactively (also `omen` alone on a terminal)");
  repl->add_option("files", flags.files, "Files to load first");
  repl->add_flag("--strict", flags.strict, "Reading a script: exit 1 at the end if any entry failed");
  repl->add_option("--engine", flags.engine, "Execution engine: auto (default, as omen run), jit or interp")
      ->check(CLI::IsMember({"auto", "interp", "jit"}));
  return repl;
}

int replCommand(const ReplFlags& flags, const LoadOptions& load) {
  bool interactive = isatty(STDIN_FILENO);
  // Results and errors go to two streams; flushing each write keeps them in order.
  std::cout.setf(std::ios::unitbuf);
  Repl repl(load, std::cout, std::cerr, interactive);
  std::string why;
  if (!repl.selectEngine(flags.engine, why)) return usageError(why, "repl");
  bool failed = false;
  for (const std::string& file : flags.files) failed |= !repl.handle(":load " + file);
  if (interactive) return interactiveLoop(repl);

  EntryReader reader;
  std::string line, entry;
  while (!repl.quitting() && std::getline(std::cin, line))
    if (reader.add(line, entry)) failed |= !repl.handle(entry);
  // Input ended inside an open brace: handling it reports the syntax error.
  if (reader.continuing() && !repl.quitting()) failed |= !repl.handle(reader.flush());
  return flags.strict && failed ? kExitProgramError : kExitOk;
}

}  // namespace omen::cli
