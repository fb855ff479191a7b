//===- Program.cpp - Loading and checking through the public API -----------===//
#include <chrono>
#include <sstream>

#include "api/ProgramImpl.h"
#include "backend/Pipeline.h"
#include "core/Fingerprint.h"
#include "frontend/ast/AstPrinter.h"

namespace omen {

Program::Program(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Program::~Program() = default;

static std::unique_ptr<Program::Impl> check(std::unique_ptr<Program::Impl> impl, FileId main,
                                            const LoadOptions& options) {
  sema::FrontendOptions frontendOptions;
  frontendOptions.stdlibDir = options.stdlibDir;
  frontendOptions.importRoots = options.importRoots;
  // Stage 1 of backend/Pipeline.h; stages 2-3 wait for the first run or emit (Run.cpp).
  auto start = std::chrono::steady_clock::now();
  impl->checked = backend::checkSource(impl->sources, main, impl->diags, frontendOptions);
  impl->checkSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return impl;
}

std::unique_ptr<Program> Program::fromFile(const std::string& path, const LoadOptions& options) {
  auto impl = std::make_unique<Impl>();
  auto loaded = impl->sources.loadFile(path, path);
  if (!loaded.file) {
    impl->diags.error({}, loaded.error);
    return std::unique_ptr<Program>(new Program(std::move(impl)));
  }
  return std::unique_ptr<Program>(new Program(check(std::move(impl), *loaded.file, options)));
}

std::unique_ptr<Program> Program::fromString(const std::string& text, const std::string& name,
                                             const LoadOptions& options) {
  auto impl = std::make_unique<Impl>();
  FileId file = impl->sources.addBuffer(name, text);
  return std::unique_ptr<Program>(new Program(check(std::move(impl), file, options)));
}

std::string Program::sourceFingerprint() const {
  std::string all;
  for (const SourceText& s : sources()) all += s.name + '\0' + std::to_string(s.text.size()) + '\0' + s.text;
  return fingerprint(all + diagnostics());
}

std::vector<SourceText> Program::sources() const {
  std::vector<SourceText> out;
  for (size_t f = 0; f < impl_->sources.size(); ++f)
    out.push_back({impl_->sources.name(static_cast<FileId>(f)), impl_->sources.text(static_cast<FileId>(f))});
  return out;
}

bool Program::ok() const { return impl_->checked != nullptr && !impl_->diags.hasErrors(); }

size_t Program::errorCount() const { return impl_->diags.errorCount(); }

std::string Program::diagnostics() const {
  std::ostringstream os;
  impl_->diags.print(os);
  return os.str();
}

std::vector<std::string> Program::scenarioNames() const {
  std::vector<std::string> names;
  if (impl_->checked)
    for (const auto& s : impl_->checked->scenarios) names.push_back(s->name);
  return names;
}

bool Program::hasScenario(const std::string& name) const {
  return impl_->checked && impl_->checked->findScenario(name) != nullptr;
}

std::string Program::dumpAst() const {
  if (!impl_->checked) return "";
  std::ostringstream os;
  ast::printProgram(*impl_->checked, impl_->sources, os);
  return os.str();
}

}  // namespace omen
