//===- Doc.cpp - `omen doc`: a file's public declarations and their comments ===//
//
// Documentation is the comments the author wrote: the `//` block right above a declaration
// (or the comment after it on the same line), in source order, with `//===--- Title ---===//`
// banners as section headings and the file's opening comment as its introduction. The
// output is Markdown, readable as plain text too; docs/stdlib.md is generated from it.
//
//===----------------------------------------------------------------------===//
#include <sstream>

#include "api/ProgramImpl.h"
#include "frontend/sema/Frontend.h"

namespace omen {

namespace {

std::string trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string_view::npos ? "" : std::string(s.substr(a, b - a + 1));
}

bool isComment(const std::string& line) { return line.rfind("//", 0) == 0; }

// `//===--- Title ---===//` -> "Title"; a plain `//===---===//` rule -> "".
std::string bannerTitle(const std::string& line) {
  if (line.rfind("//===", 0) != 0) return "";
  std::string t = line.substr(5);
  while (!t.empty() && (t.front() == '-' || t.front() == ' ')) t.erase(t.begin());
  size_t end = t.find(" -");
  return trim(end == std::string::npos ? "" : t.substr(0, end));
}

// The text after `//` and one space, its own indentation kept (tables in comments).
std::string commentText(const std::string& line) {
  std::string t = line.substr(line.rfind("// ", 0) == 0 ? 3 : 2);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  return t;
}

class Documenter {
 public:
  Documenter(const SourceManager& sm, FileId file) : sm_(sm), file_(file) {}

  std::string run(const ast::Module& module, const std::string& title) {
    out_ << "# " << title << "\n\n";
    introduction();
    uint32_t previousEnd = 1;
    for (const auto& decl : module.decls) {
      if (isa<ast::ImportDecl>(decl.get())) continue;
      uint32_t line = decl->range.begin.line;
      headings(previousEnd, line);
      document(*decl);
      previousEnd = decl->range.end.line + 1;
    }
    return out_.str();
  }

 private:
  std::string line(uint32_t n) const { return trim(sm_.lineText(file_, n)); }

  // The file's opening comment, banners left out.
  void introduction() {
    uint32_t n = 1;
    bool any = false;
    for (; isComment(line(n)); ++n) {
      std::string text = commentText(line(n));
      if (line(n).rfind("//===", 0) == 0 || (!any && text.empty())) continue;
      out_ << text << "\n";
      any = true;
    }
    if (any) out_ << "\n";
    introEnd_ = n;
  }

  // Section banners between two declarations.
  void headings(uint32_t from, uint32_t to) {
    for (uint32_t n = std::max(from, introEnd_); n < to; ++n) {
      std::string title = bannerTitle(line(n));
      if (title.empty()) continue;
      if (constsOpen_) out_ << "\n";
      constsOpen_ = false;
      out_ << "## " << title << "\n\n";
    }
  }

  // The comment block right above `n`, or else the comment ending line `n`.
  std::string commentFor(uint32_t n) const {
    std::vector<std::string> lines;
    for (uint32_t k = n - 1; k >= introEnd_ && isComment(line(k)) && line(k).rfind("//===", 0) != 0; --k)
      lines.insert(lines.begin(), trim(commentText(line(k))));
    if (lines.empty()) {
      std::string l = line(n);
      size_t at = l.find("//");
      if (at != std::string::npos) lines.push_back(trim(commentText(l.substr(at))));
    }
    std::string text;
    for (const std::string& l : lines) text += (text.empty() ? "" : " ") + l;
    return text;
  }

  // The declaration's own text on its first line, without a trailing comment, `{` or a `=`
  // whose body continues below.
  std::string head(uint32_t n) const {
    std::string l = line(n);
    size_t at = l.find("//");
    if (at != std::string::npos) l = trim(l.substr(0, at));
    if (!l.empty() && (l.back() == '{' || l.back() == '=')) l = trim(l.substr(0, l.size() - 1));
    return l;
  }

  void document(const ast::TopDecl& decl) {
    uint32_t n = decl.range.begin.line;
    std::string comment = commentFor(n);
    if (isa<ast::ConstDecl>(&decl)) {
      out_ << "- `" << head(n) << "`" << (comment.empty() ? "" : " — " + comment) << "\n";
      constsOpen_ = true;
      return;
    }
    if (constsOpen_) out_ << "\n";
    constsOpen_ = false;
    out_ << "### `" << head(n) << "`\n\n";
    if (!comment.empty()) out_ << comment << "\n\n";
    if (const auto* s = dyn_cast<ast::ScenarioDecl>(&decl)) {
      for (const auto& m : s->members)
        if (const auto* p = dyn_cast<ast::ParamDecl>(m.get())) {
          std::string c = commentFor(m->range.begin.line);
          out_ << "- `" << head(m->range.begin.line) << "`" << (c.empty() ? "" : " — " + c) << "\n";
          // A belief stated as percentiles: what it was fitted to.
          if (const auto* call = dyn_cast<ast::CallExpr>(p->init.get()); call && !call->fitted.empty())
            out_ << "  (fitted: " << call->fitted << ")\n";
        }
      out_ << "\n";
    }
  }

  const SourceManager& sm_;
  FileId file_;
  std::ostringstream out_;
  uint32_t introEnd_ = 1;
  bool constsOpen_ = false;
};

}  // namespace

std::string modulePath(const std::string& nameOrPath, const LoadOptions& options) {
  if (nameOrPath.rfind("std.", 0) != 0) return nameOrPath;
  std::string dir = options.stdlibDir.empty() ? sema::defaultStdlibDir() : options.stdlibDir;
  return dir + "/std/" + nameOrPath.substr(4) + ".omen";
}

std::vector<std::string> stdModules(const LoadOptions& options) {
  return sema::stdModuleNames(options.stdlibDir.empty() ? sema::defaultStdlibDir() : options.stdlibDir);
}

std::string Program::documentation(const std::string& title) const {
  if (!impl_->checked) return "";
  for (const auto& module : impl_->checked->modules)
    if (module->file == impl_->checked->mainFile)
      return Documenter(impl_->sources, module->file).run(*module, title);
  return "";
}

}  // namespace omen
