//===- CellProgram.cpp - Checking a program made of several buffers --------===//
//
// The same stages as checkProgram (Frontend.cpp), with two differences: every cell is a
// root of the import graph, and a declaration that a later cell repeats is removed before
// declarations are collected, so redeclaring in a session replaces instead of clashing.
//
//===----------------------------------------------------------------------===//
#include "frontend/sema/CellProgram.h"

#include <algorithm>
#include <set>
#include <utility>

#include "frontend/sema/SemaContext.h"

namespace omen::sema {

namespace {

// The name a top-level declaration claims, and in which namespace; empty for imports.
std::pair<std::string, bool> declaredName(const ast::TopDecl& d) {
  if (auto* c = dyn_cast<ast::ConstDecl>(&d)) return {c->name, false};
  if (auto* f = dyn_cast<ast::FnDecl>(&d)) return {f->name, false};
  if (auto* s = dyn_cast<ast::ScenarioDecl>(&d)) return {s->name, true};
  return {"", false};
}

// Each Loader run sees only its own root, so a module two cells import is parsed twice:
// keep its first copy (post-order keeps it before every module importing it).
void dropRepeatedModules(ast::Program& program) {
  std::set<FileId> seen;
  auto& modules = program.modules;
  modules.erase(std::remove_if(modules.begin(), modules.end(),
                               [&](const std::unique_ptr<ast::Module>& m) {
                                 return !seen.insert(m->file).second;
                               }),
                modules.end());
}

// Removes, from every cell, the declarations a later cell makes again.
void dropRedeclared(ast::Program& program, const std::vector<FileId>& cells,
                    std::vector<MaskedDecl>* masked) {
  std::set<std::pair<std::string, bool>> later;
  for (auto cell = cells.rbegin(); cell != cells.rend(); ++cell) {
    auto it = std::find_if(program.modules.begin(), program.modules.end(),
                           [&](const auto& m) { return m->file == *cell; });
    if (it == program.modules.end()) continue;
    std::set<std::pair<std::string, bool>> here;
    auto& decls = (*it)->decls;
    decls.erase(std::remove_if(decls.begin(), decls.end(),
                               [&](const ast::TopDeclPtr& d) {
                                 auto key = declaredName(*d);
                                 if (key.first.empty()) return false;
                                 here.insert(key);
                                 if (!later.count(key)) return false;
                                 if (masked) masked->push_back({*cell, key.first, key.second});
                                 return true;
                               }),
                decls.end());
    later.insert(here.begin(), here.end());
  }
}

}  // namespace

std::unique_ptr<ast::Program> checkCells(SourceManager& sm, const std::vector<FileId>& cells,
                                         DiagnosticEngine& diags, const FrontendOptions& options,
                                         std::vector<MaskedDecl>* masked) {
  auto program = std::make_unique<ast::Program>();
  program->mainFile = cells.empty() ? 0 : cells.front();
  Context ctx(sm, diags, options, *program);
  const size_t errorsBefore = diags.errorCount();
  auto failed = [&] { return diags.errorCount() > errorsBefore; };

  // A cell already loaded as another cell's import is not loaded again as a root.
  for (FileId cell : cells) {
    bool loaded = std::any_of(program->modules.begin(), program->modules.end(),
                              [&](const auto& m) { return m->file == cell; });
    if (!loaded) loadModules(ctx, cell);
  }
  dropRepeatedModules(*program);
  dropRedeclared(*program, cells, masked);
  if (failed()) return nullptr;

  std::set<FileId> cellSet(cells.begin(), cells.end());
  if (!checkLoadedModules(ctx, errorsBefore, [&](FileId f) { return cellSet.count(f) > 0; })) return nullptr;
  return program;
}

}  // namespace omen::sema
