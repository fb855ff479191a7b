//===- Run.cpp - Running scenarios through the public API ------------------===//
//
// Lowers the checked program once, compiles a kernel per scenario on the chosen engine,
// applies `--set` values, and hands the kernel to the runtime's Monte Carlo driver.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <sstream>
#include <thread>

#include "backend/api/ParamValue.h"
#include "backend/api/ProgramImpl.h"
#include "backend/interp/Interpreter.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/basic/LargeStack.h"
#include "ir/Lower.h"
#include "runtime/Driver.h"
#include "runtime/RuntimeError.h"

namespace omen {

const ir::Module* Program::Impl::lowered(std::string& error) {
  if (!ir && checked) runWithLargeStack([&] { ir = ir::lower(*checked, error); });
  return ir.get();
}

std::unique_ptr<rt::Kernel> Program::Impl::kernel(const ir::Scenario& scenario, Engine engine,
                                                  std::string& error) {
  std::unique_ptr<rt::Kernel> out;
  error = "unknown engine";
  // Compiling walks expression trees recursively, as lowering does.
  runWithLargeStack([&] {
    switch (engine) {
      case Engine::Jit: out = llvmgen::compileScenario(*ir, scenario, error); break;
      case Engine::Interpreter: out = interp::compileScenario(*ir, scenario, error); break;
    }
  });
  return out;
}

std::string Program::Impl::renderRuntimeError(const ir::Scenario& scenario,
                                               const rt::RunError& error) const {
  uint32_t site = error.error.site;
  if (error.report >= 0 && static_cast<size_t>(error.report) < scenario.reports.size())
    site = scenario.reports[error.report].site;
  const ir::Site* place = site < ir->sites.size() ? &ir->sites[site] : nullptr;
  if (!place) return rt::renderRunError(error, "", "", "", scenario.name);
  const SourceLoc& at = place->range.begin;
  std::string where = at.valid() ? sources.name(at.file) + ":" + std::to_string(at.line) + ":" +
                                       std::to_string(at.col) + ": "
                                 : "";
  return rt::renderRunError(error, where, place->what, renderSnippet(sources, place->range), scenario.name);
}

bool Program::Impl::selectScenarios(const std::vector<std::string>& names,
                                    std::vector<const ir::Scenario*>& out, std::string& error) const {
  if (names.empty()) {
    for (const ir::Scenario& s : ir->scenarios) out.push_back(&s);
    if (out.empty()) error = "the file declares no scenario to run";
    return !out.empty();
  }
  for (const std::string& name : names) {
    const ir::Scenario* s = ir->findScenario(name);
    if (!s) {
      std::vector<std::string> known;
      for (const ir::Scenario& k : ir->scenarios) known.push_back(k.name);
      error = "no scenario named '" + name + "'";
      std::string close = closestName(name, known);
      if (!close.empty()) error += "; did you mean '" + close + "'?";
      return false;
    }
    out.push_back(s);
  }
  return true;
}

namespace {

// Applies every `--set` to one scenario's kernel. A name that no selected scenario has is an
// error (checked by the caller); a value of the wrong type is an error here.
bool applyOverrides(const rt::ScenarioInfo& info, const RunOptions& options,
                    std::vector<rt::Override>& overrides, std::string& error) {
  for (const auto& [name, text] : options.overrides) {
    for (const rt::ParamInfo& p : info.params) {
      if (p.name != name) continue;
      rt::Value value;
      if (!parseParamValue(text, p.type, value, error)) {
        error = "--set " + name + "=" + text + ": " + error;
        return false;
      }
      rt::pinParam(info, name, value, overrides);
    }
  }
  return true;
}

bool everyOverrideKnown(const std::vector<std::unique_ptr<rt::Kernel>>& kernels, const RunOptions& options,
                        std::string& error) {
  for (const auto& [name, text] : options.overrides) {
    bool found = false;
    std::vector<std::string> known;
    for (const auto& k : kernels)
      for (const rt::ParamInfo& p : k->info().params) {
        found |= p.name == name;
        known.push_back(p.name);
      }
    if (!found) {
      error = "--set " + name + "=" + text + ": no param named '" + name + "'";
      std::string close = closestName(name, known);
      if (!close.empty()) error += "; did you mean '" + close + "'?";
      return false;
    }
  }
  return true;
}

rt::RunOptions driverOptions(const RunOptions& options) {
  rt::RunOptions o;
  o.trials = options.trials;
  o.seed = options.seed;
  o.threads = options.threads;
  o.progress = options.progress;
  o.cancel = options.cancel;
  return o;
}

unsigned threadCount(unsigned requested) {
  return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

const char* engineName(Engine e) {
  switch (e) {
    case Engine::Jit: return "jit";
    case Engine::Interpreter: return "interp";
  }
  return "?";
}

}  // namespace

RunOutcome Program::run(const RunOptions& options) const {
  RunOutcome out;
  rt::RunResult& result = out.result;
  result.file = impl_->checked ? impl_->sources.name(impl_->checked->mainFile) : "";
  result.seed = options.seed;
  result.trials = options.trials;
  result.engine = engineName(options.engine);
  rt::RunOptions driver = driverOptions(options);
  result.threads = threadCount(driver.threads);
  auto fail = [&](Failure f, std::string message) {
    out.failure = f;
    out.error = std::move(message);
    return out;
  };
  if (!ok()) return fail(Failure::Options, "the program has errors:\n" + diagnostics());
  if (options.trials == 0) return fail(Failure::Options, "the trial count must be at least 1");

  std::string error;
  const ir::Module* module = impl_->lowered(error);
  if (!module) return fail(Failure::Runtime, "internal error while lowering: " + error);
  std::vector<const ir::Scenario*> scenarios;
  if (!impl_->selectScenarios(options.scenarios, scenarios, error)) return fail(Failure::Options, error);

  std::vector<std::unique_ptr<rt::Kernel>> kernels;
  for (const ir::Scenario* s : scenarios) {
    kernels.push_back(impl_->kernel(*s, options.engine, error));
    if (!kernels.back()) return fail(Failure::Runtime, "internal error: " + error);
  }
  if (!everyOverrideKnown(kernels, options, error)) return fail(Failure::Options, error);

  for (size_t i = 0; i < scenarios.size(); ++i) {
    rt::RunOptions o = driver;
    if (!applyOverrides(kernels[i]->info(), options, o.overrides, error)) return fail(Failure::Options, error);
    result.scenarios.push_back(rt::run(*kernels[i], o));
    const rt::ScenarioResult& r = result.scenarios.back();
    if (r.error) return fail(Failure::Runtime, impl_->renderRuntimeError(*scenarios[i], *r.error));
    if (r.partial) break;  // interrupted: do not start the next scenario
  }
  return out;
}

CompareOutcome Program::compare(const std::string& a, const std::string& b, const RunOptions& options) const {
  CompareOutcome out;
  rt::CompareResult& result = out.result;
  result.file = impl_->checked ? impl_->sources.name(impl_->checked->mainFile) : "";
  result.seed = options.seed;
  result.trials = options.trials;
  result.engine = engineName(options.engine);
  rt::RunOptions driver = driverOptions(options);
  result.threads = threadCount(driver.threads);
  auto fail = [&](Failure f, std::string message) {
    out.failure = f;
    out.error = std::move(message);
    return out;
  };
  if (!ok()) return fail(Failure::Options, "the program has errors:\n" + diagnostics());
  if (options.trials == 0) return fail(Failure::Options, "the trial count must be at least 1");

  std::string error;
  const ir::Module* module = impl_->lowered(error);
  if (!module) return fail(Failure::Runtime, "internal error while lowering: " + error);
  std::vector<const ir::Scenario*> pair;
  if (!impl_->selectScenarios({a, b}, pair, error)) return fail(Failure::Options, error);

  std::vector<std::unique_ptr<rt::Kernel>> kernels;
  for (const ir::Scenario* s : pair) {
    kernels.push_back(impl_->kernel(*s, options.engine, error));
    if (!kernels.back()) return fail(Failure::Runtime, "internal error: " + error);
  }
  if (!everyOverrideKnown(kernels, options, error)) return fail(Failure::Options, error);
  if (!applyOverrides(kernels[0]->info(), options, driver.overrides, error) ||
      !applyOverrides(kernels[1]->info(), options, driver.overridesB, error))
    return fail(Failure::Options, error);

  rt::CompareResult paired = rt::runPaired(*kernels[0], *kernels[1], driver);
  paired.file = result.file, paired.seed = result.seed, paired.trials = result.trials;
  paired.engine = result.engine, paired.threads = result.threads;
  result = std::move(paired);
  if (result.error) {
    // The driver reports which side failed through the scenario results' own errors.
    const ir::Scenario* failed = result.b.error && !result.a.error ? pair[1] : pair[0];
    return fail(Failure::Runtime, impl_->renderRuntimeError(*failed, *result.error));
  }
  return out;
}

}  // namespace omen
