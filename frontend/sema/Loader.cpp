//===- Loader.cpp - Imports: find, parse and order every file once ---------===//
//
// `import std.NAME` reads <stdlib>/std/NAME.omen; `import "p.omen"` is relative to the
// importing file. A file reached twice is parsed once (SourceManager dedups by canonical
// path); a file reached while it is still being loaded is a cycle. Modules are appended in
// post-order, so every module comes after the modules it imports.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <filesystem>
#include <set>

#include "frontend/parse/Parser.h"
#include "frontend/sema/Frontend.h"
#include "frontend/sema/SemaContext.h"

namespace omen::sema {
namespace fs = std::filesystem;

namespace {

class Loader {
 public:
  explicit Loader(Context& ctx) : ctx_(ctx), stdlibDir_(stdlibDirFor(ctx.options)) {}

  void load(FileId file, int depth) {
    stack_.push_back(file);
    std::unique_ptr<ast::Module> module = parse::parseModule(ctx_.sm, file, ctx_.diags);
    module->file = file;
    for (ast::TopDeclPtr& decl : module->decls)
      if (auto* import = dyn_cast<ast::ImportDecl>(decl.get())) loadImport(file, *import, depth);
    stack_.pop_back();
    done_.insert(file);
    ctx_.program.modules.push_back(std::move(module));
  }

 private:
  struct Target {
    std::string path, displayName;
  };

  void loadImport(FileId importer, ast::ImportDecl& import, int depth) {
    SourceRange where = import.targetRange.valid() ? import.targetRange : import.range;
    // An import names omen source: a scenario file from elsewhere must not be able to read
    // (and show in its errors) any file the user may read, a key or /etc/shadow.
    if (!import.isStd && !fs::path(import.target).filename().string().ends_with(".omen")) {
      ctx_.error(where, "cannot import \"" + import.target +
                            "\": an import names an .omen file (or a standard library module, std.NAME)");
      return;
    }
    std::optional<Target> target =
        import.isStd ? stdTarget(import, where) : fileTarget(importer, import);
    if (!target) return;
    if (!import.isStd && !insideImportRoots(target->path)) {
      ctx_.error(where, "cannot import \"" + import.target +
                            "\": it is outside the folders this program may read from");
      return;
    }
    SourceManager::LoadResult loaded = ctx_.sm.loadFile(target->path, target->displayName);
    if (!loaded.file) {
      if (import.isStd)
        ctx_.error(where, withSuggestion("no standard library module '" + import.target + "' (" +
                                             loaded.error +
                                             "; set OMEN_STDLIB to the folder holding std/)",
                                         import.target, stdModules()));
      else
        ctx_.error(where, "cannot import \"" + import.target + "\": " + loaded.error);
      return;
    }
    FileId file = *loaded.file;
    import.resolved = file;
    if (auto it = std::find(stack_.begin(), stack_.end(), file); it != stack_.end()) {
      std::string chain;
      for (; it != stack_.end(); ++it) chain += ctx_.sm.name(*it) + " -> ";
      ctx_.error(where, "import cycle: " + chain + ctx_.sm.name(file));
      return;
    }
    if (done_.count(file)) return;
    if (depth + 1 > ctx_.options.maxImportDepth) {
      ctx_.error(where, "imports are nested more than " +
                            std::to_string(ctx_.options.maxImportDepth) + " levels deep");
      return;
    }
    load(file, depth + 1);
  }

  /// "std.scaling" -> "scaling"; "std.a.b" -> "a/b".
  static std::string moduleName(const std::string& target) {
    std::string name = target.rfind("std.", 0) == 0 ? target.substr(4) : target;
    std::replace(name.begin(), name.end(), '.', '/');
    return name;
  }

  std::optional<Target> stdTarget(const ast::ImportDecl& import, SourceRange where) {
    std::string name = moduleName(import.target);
    if (name.empty()) {
      ctx_.error(where, "`import std.` needs a module name, e.g. `import std.scaling`");
      return std::nullopt;
    }
    std::string path =
        (fs::path(stdlibDir_) / "std" / (name + ".omen")).lexically_normal().string();
    return Target{path, path};
  }

  Target fileTarget(FileId importer, const ast::ImportDecl& import) {
    fs::path written(import.target);
    if (written.is_absolute())
      return {written.lexically_normal().string(), written.lexically_normal().string()};
    // Resolve against where the importer really is, but show a path in the same terms the
    // user gave for the importer, so messages stay short and relative.
    const std::string& importerPath = ctx_.sm.path(importer);
    fs::path base =
        importerPath.empty() ? fs::path(ctx_.sm.name(importer)) : fs::path(importerPath);
    fs::path display =
        (fs::path(ctx_.sm.name(importer)).parent_path() / written).lexically_normal();
    return {(base.parent_path() / written).lexically_normal().string(), display.string()};
  }

  // Symlinks resolved on both sides, so a link inside a root cannot lead outside it.
  bool insideImportRoots(const std::string& path) const {
    const std::vector<std::string>& roots = ctx_.options.importRoots;
    if (roots.empty()) return true;
    std::error_code ec;
    fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) return false;
    for (const std::string& root : roots) {
      fs::path base = fs::weakly_canonical(fs::absolute(root, ec), ec);
      if (ec) continue;
      auto [baseEnd, realIt] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
      if (baseEnd == base.end()) return true;
    }
    return false;
  }

  std::vector<std::string> stdModules() const { return stdModuleNames(stdlibDir_); }

  Context& ctx_;
  std::string stdlibDir_;
  std::vector<FileId> stack_;
  std::set<FileId> done_;
};

}  // namespace

void loadModules(Context& ctx, FileId mainFile) { Loader(ctx).load(mainFile, 0); }

}  // namespace omen::sema
