//===- ReplLineEditor.h - Terminal line editing for the REPL ----------------===//
//
// A thin wall around llvm::LineEditor (libedit), so that only ReplLineEditor.cpp sees LLVM
// headers: emacs key bindings, history in ~/.omen_history, tab completion.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace omen::cli {

class ReplLineEditor {
 public:
  /// Completion: candidates for the word that starts at `wordStart` and ends at the cursor.
  using Completer = std::function<std::vector<std::string>(const std::string& line, size_t pos, size_t& wordStart)>;

  ReplLineEditor(const std::string& historyPath, Completer completer);
  ~ReplLineEditor();

  /// A line without its newline; nullopt at end of input (Ctrl-D) or when a signal
  /// interrupted the read (the caller tells which).
  std::optional<std::string> readLine(const std::string& prompt);
  /// Writes the history file now (it is also written on destruction).
  void saveHistory();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// ~/.omen_history ("" if $HOME is unset).
std::string defaultHistoryPath();

}  // namespace omen::cli
