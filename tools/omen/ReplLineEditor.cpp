//===- ReplLineEditor.cpp - Terminal line editing for the REPL --------------===//
#include "tools/omen/ReplLineEditor.h"

#include <cstdlib>
#include <llvm/LineEditor/LineEditor.h>

namespace omen::cli {

struct ReplLineEditor::Impl {
  llvm::LineEditor editor;
  Impl(const std::string& history) : editor("omen", history) {}
};

ReplLineEditor::ReplLineEditor(const std::string& historyPath, Completer completer)
    : impl_(std::make_unique<Impl>(historyPath)) {
  impl_->editor.setListCompleter([completer](llvm::StringRef buffer, size_t pos) {
    std::vector<llvm::LineEditor::Completion> out;
    size_t start = pos;
    std::string line = buffer.str();
    for (const std::string& c : completer(line, pos, start)) {
      std::string typed = line.substr(start, pos - start);
      if (c.size() >= typed.size() && c.compare(0, typed.size(), typed) == 0)
        out.emplace_back(c.substr(typed.size()), c);
    }
    return out;
  });
}

ReplLineEditor::~ReplLineEditor() = default;

std::optional<std::string> ReplLineEditor::readLine(const std::string& prompt) {
  impl_->editor.setPrompt(prompt);
  return impl_->editor.readLine();
}

void ReplLineEditor::saveHistory() { impl_->editor.saveHistory(); }

std::string defaultHistoryPath() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.omen_history" : "";
}

}  // namespace omen::cli
