//===- SplitKernel.cpp - The kernel `omen rare --split-on EXPR` runs --------===//
//
// EXPR is checked by the frontend itself, in the scenario's scope: the main file is checked
// again with one scenario more, `__omen_split extends NAME`, whose one new report holds EXPR
// on a line of its own. So EXPR sees exactly the names a report of NAME sees (params, states,
// events, consts, functions), and a diagnostic on that line is EXPR's, shown as the flag's
// text with a caret. The report's lowered expression then becomes the split points
// (ir/SplitPoints.h) of the derived scenario, which is NAME's trial as written otherwise.
//
//===----------------------------------------------------------------------===//
#include <sstream>

#include "api/ProgramImpl.h"
#include "backend/Pipeline.h"
#include "frontend/basic/LargeStack.h"
#include "frontend/sema/Frontend.h"
#include "ir/ApplyPolicy.h"
#include "ir/SplitPoints.h"

namespace omen {

constexpr const char* kSplitScenario = "__omen_split";

struct SplitBuild {
  Program::Impl program;
  std::unique_ptr<ir::Scenario> scenario;  ///< kept alive with its kernel
  std::unique_ptr<rt::Kernel> kernel;
};

namespace {

/// The main file's text with the wrapper scenario after it; EXPR alone on line `exprLine`.
std::string wrapped(const std::string& text, const std::string& scenario, const std::string& expr, bool asProbability,
                    uint32_t& exprLine) {
  std::string out = text;
  if (!out.empty() && out.back() != '\n') out += '\n';
  exprLine = 1;
  for (char c : out) exprLine += c == '\n';
  out += std::string("scenario ") + kSplitScenario + " extends " + scenario + " { report " +
         (asProbability ? "P" : "E") + "(\n";
  exprLine += 1;
  out += expr + "\n) as \"" + kSplitScenario + "\" }\n";
  return out;
}

/// The first error, as EXPR's when it is on EXPR's line, or at the wrapper's `)` right after
/// it (EXPR ended too soon): `--split-on:1:COL: error: …`.
std::string exprError(const Program::Impl& p, FileId file, uint32_t exprLine, const std::string& expr) {
  for (const Diagnostic& d : p.diags.diagnostics()) {
    if (d.severity != Severity::Error) continue;
    const SourceLoc& at = d.range.begin;
    const bool onExpr = at.valid() && at.file == file && at.line == exprLine;
    const bool atEnd = at.valid() && at.file == file && at.line == exprLine + 1 && at.col == 1;
    if (!onExpr && !atEnd) return p.diags.render(d);
    const uint32_t col = atEnd ? static_cast<uint32_t>(expr.size()) + 1 : at.col;
    std::string message = d.message;
    if (size_t found = message.find(", found ')'"); atEnd && found != std::string::npos)
      message.replace(found, std::string::npos, ", found its end");
    std::string caret(col > 1 ? col - 1 : 0, ' ');
    caret += '^';
    if (onExpr && d.range.end.line == at.line && d.range.end.col > at.col + 1) caret += std::string(d.range.end.col - at.col - 1, '~');
    return "--split-on:1:" + std::to_string(col) + ": error: " + message + "\n  " + expr + "\n  " + caret;
  }
  return "--split-on: the expression could not be checked";
}

}  // namespace

const rt::Kernel* IrScenarioSource::splitKernel(size_t index, const std::string& expr, std::string& error) {
  auto found = splits_.find(index);
  if (found != splits_.end()) return found->second->kernel.get();
  if (expr.find('\n') != std::string::npos || expr.find_first_not_of(" \t") == std::string::npos) {
    error = "--split-on: give one expression on one line, e.g. --split-on h";
    return nullptr;
  }
  const std::string& name = program_.ir->scenarios[index].name;
  const FileId main = program_.checked->mainFile;
  // A bool EXPR (an indicator) is checked as P(EXPR), anything else as E(EXPR); the first
  // form's error is the one shown when neither checks.
  std::shared_ptr<SplitBuild> build;
  std::string firstError;
  for (bool asProbability : {false, true}) {
    auto b = std::make_shared<SplitBuild>();
    uint32_t exprLine = 0;
    FileId file = b->program.sources.addBuffer(program_.sources.name(main),
                                               wrapped(program_.sources.text(main), name, expr, asProbability, exprLine),
                                               program_.sources.path(main));
    sema::FrontendOptions options;
    options.stdlibDir = program_.loadOptions.stdlibDir;
    options.importRoots = program_.loadOptions.importRoots;
    runWithLargeStack([&] { b->program.checked = sema::checkProgram(b->program.sources, file, b->program.diags, options); });
    if (b->program.checked && !b->program.diags.hasErrors()) {
      build = std::move(b);
      break;
    }
    if (firstError.empty()) firstError = exprError(b->program, file, exprLine, expr);
  }
  if (!build) {
    error = firstError;
    return nullptr;
  }
  const ir::Module* module = build->program.lowered(error);
  if (!module) return nullptr;
  const ir::Scenario* derived = nullptr;
  for (const ir::Scenario& s : module->scenarios)
    if (s.name == kSplitScenario) derived = &s;
  if (!derived || derived->reports.empty() || derived->reports.back().label != kSplitScenario) {
    error = "internal error: the split expression's report is missing from the lowered scenario";
    return nullptr;
  }
  build->scenario = std::make_unique<ir::Scenario>(ir::copyScenario(*derived));
  ir::Report value = std::move(build->scenario->reports.back());
  build->scenario->reports.pop_back();
  build->scenario->name = name;
  std::string why = ir::addSplitPoints(*build->scenario, *value.value);
  if (!why.empty()) {
    error = "--split-on: " + why;
    return nullptr;
  }
  build->kernel = backend::compileKernel(*module, *build->scenario, engine_, error);
  if (!build->kernel) return nullptr;
  const rt::Kernel* kernel = build->kernel.get();
  splits_[index] = std::move(build);
  return kernel;
}

std::string IrScenarioSource::renderSplitError(size_t index, const RunError& error) const {
  auto found = splits_.find(index);
  if (found == splits_.end()) return renderError(index, error);
  return found->second->program.renderRuntimeError(*found->second->scenario, error);
}

}  // namespace omen
