//===- SessionSource.cpp - A session written back as one .omen file ---------===//
//
// `:save` writes the live declarations, each as the text the user typed or loaded (so
// comments inside a declaration survive), imports first and once each. A file import is
// rewritten relative to where the saved file goes, so `omen check` of it finds the same file.
//
//===----------------------------------------------------------------------===//
#include <filesystem>
#include <set>

#include "api/SessionImpl.h"

namespace omen {

namespace fs = std::filesystem;

namespace {

// The text of [begin, end) in one buffer; columns count code points.
std::string sliceText(const SourceManager& sm, SourceRange range) {
  auto byteOf = [](std::string_view line, uint32_t col) {
    size_t i = 0;
    for (uint32_t c = 1; c < col && i < line.size(); ++c) {
      ++i;
      while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  };
  std::string out;
  SourceLoc b = range.begin, e = range.end;
  if (!e.valid() || e.line < b.line) e = {b.file, b.line, static_cast<uint32_t>(sm.lineText(b.file, b.line).size() + 1)};
  for (uint32_t line = b.line; line <= e.line; ++line) {
    std::string_view text = sm.lineText(b.file, line);
    size_t from = line == b.line ? byteOf(text, b.col) : 0;
    size_t to = line == e.line ? byteOf(text, e.col) : text.size();
    if (to > from) out += std::string(text.substr(from, to - from));
    if (line != e.line) out += '\n';
  }
  return out;
}

}  // namespace

std::string Session::source(const std::string& path) const {
  const Program::Impl& p = implOf(*impl_->current.program);
  if (!p.checked) return "";
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(path, ec), ec).parent_path();
  std::string imports, body;
  std::set<std::string> seenImports;
  for (size_t i = 0; i < impl_->cells.size(); ++i) {
    FileId file = cellId(impl_->current, i);
    for (const auto& m : p.checked->modules) {
      if (m->file != file) continue;
      for (const auto& d : m->decls) {
        if (auto* import = dyn_cast<ast::ImportDecl>(d.get())) {
          std::string line;
          if (import->isStd) {
            line = "import " + import->target;
          } else if (import->resolved) {
            fs::path target = p.sources.path(*import->resolved);
            fs::path rel = target.lexically_relative(dir);
            line = "import \"" + (rel.empty() ? target.string() : rel.string()) + "\"";
          }
          if (!line.empty() && seenImports.insert(line).second) imports += line + "\n";
          continue;
        }
        body += "\n" + sliceText(p.sources, d->range) + "\n";
      }
    }
  }
  return "// Saved from an omen REPL session.\n" + imports + body;
}

}  // namespace omen
