//===- Frontend.cpp - The checking pipeline, stage by stage -----------------===//
//
// Each stage may report several errors; the pipeline stops at a checkpoint when a stage
// left the program in a shape the next one cannot sensibly read (a file that did not parse,
// a scenario whose base is missing). Names, types and rules run together because `Unknown`
// types keep one mistake from cascading, so a user sees all independent errors at once.
//
//===----------------------------------------------------------------------===//
#include "frontend/sema/Frontend.h"

#include <algorithm>
#include <filesystem>

#include "frontend/sema/SemaContext.h"

namespace omen::sema {

std::string defaultStdlibDir() { return stdlibDirFor(FrontendOptions{}); }

std::vector<std::string> stdModuleNames(const std::string& stdlibDir) {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(stdlibDir) / "std", ec))
    if (entry.path().extension() == ".omen") names.push_back("std." + entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<ast::Program> checkProgram(SourceManager& sm, FileId mainFile,
                                           DiagnosticEngine& diags,
                                           const FrontendOptions& options) {
  auto program = std::make_unique<ast::Program>();
  program->mainFile = mainFile;
  Context ctx(sm, diags, options, *program);
  const size_t errorsBefore = diags.errorCount();
  auto failed = [&] { return diags.errorCount() > errorsBefore; };

  loadModules(ctx, mainFile);
  if (failed()) return nullptr;

  if (!checkLoadedModules(ctx, errorsBefore, [&](FileId f) { return f == mainFile; })) return nullptr;
  return program;
}

bool checkLoadedModules(Context& ctx, size_t errorsBefore, const std::function<bool(FileId)>& isRoot) {
  auto failed = [&] { return ctx.diags.errorCount() > errorsBefore; };
  collectDeclarations(ctx);
  flattenScenarios(ctx);
  if (failed()) return false;
  applyCorrelations(ctx);
  if (failed()) return false;

  resolveNames(ctx);
  orderGlobals(ctx);
  checkTypes(ctx);
  checkExtendedTypes(ctx);
  checkRules(ctx);
  if (failed()) return false;

  for (ast::NamedDecl* d : ctx.globalOrder) {
    if (auto* c = dynamic_cast<ast::ConstDecl*>(d)) ctx.program.consts.push_back(c);
    if (auto* f = dynamic_cast<ast::FnDecl*>(d)) ctx.program.functions.push_back(f);
  }
  for (CheckedScenario& s : ctx.scenarios)
    if (isRoot(s.file)) ctx.program.scenarios.push_back(std::move(s.scenario));
  return true;
}

}  // namespace omen::sema
