//===- Run.cpp - Running scenarios through the public API ------------------===//
//
// Lowers the checked program once, compiles a kernel per scenario on the chosen engine,
// applies `--set` values, and hands the kernel to the runtime's Monte Carlo driver.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <sstream>
#include <thread>

#include "core/ClosestName.h"
#include "backend/api/ParamValue.h"
#include "backend/api/ProgramImpl.h"
#include "backend/interp/Interpreter.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/basic/LargeStack.h"
#include "ir/Lower.h"
#include "runtime/host/Driver.h"
#include "runtime/host/RuntimeError.h"

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
                                               const RunError& error) const {
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
      Value value;
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

// What run and compare both do before the driver starts: checks, lowering, the scenarios
// and their kernels, and that every `--set` names a param of one of them.
struct Prepared {
  std::vector<const ir::Scenario*> scenarios;
  std::vector<std::unique_ptr<rt::Kernel>> kernels;
};

static Failure prepare(const Program& program, Program::Impl& impl, const std::vector<std::string>& names,
                       const RunOptions& options, Prepared& out, std::string& error) {
  if (!program.ok()) {
    error = "the program has errors:\n" + program.diagnostics();
    return Failure::Options;
  }
  if (options.trials == 0) {
    error = "the trial count must be at least 1";
    return Failure::Options;
  }
  if (!impl.lowered(error)) {
    error = "internal error while lowering: " + error;
    return Failure::Runtime;
  }
  if (!impl.selectScenarios(names, out.scenarios, error)) return Failure::Options;
  for (const ir::Scenario* s : out.scenarios) {
    out.kernels.push_back(impl.kernel(*s, options.engine, error));
    if (!out.kernels.back()) {
      error = "internal error: " + error;
      return Failure::Runtime;
    }
  }
  return everyOverrideKnown(out.kernels, options, error) ? Failure::None : Failure::Options;
}

// The fields a run's and a comparison's output share.
template <typename Result>
static void describeRun(Result& result, const std::string& file, const RunOptions& options) {
  result.file = file;
  result.seed = options.seed;
  result.trials = options.trials;
  result.engine = engineName(options.engine);
  result.threads = threadCount(options.threads);
}

RunOutcome Program::run(const RunOptions& options) const {
  RunOutcome out;
  describeRun(out.result, impl_->checked ? impl_->sources.name(impl_->checked->mainFile) : "", options);
  Prepared prepared;
  out.failure = prepare(*this, *impl_, options.scenarios, options, prepared, out.error);
  if (out.failure != Failure::None) return out;

  for (size_t i = 0; i < prepared.scenarios.size(); ++i) {
    rt::RunOptions o = driverOptions(options);
    if (!applyOverrides(prepared.kernels[i]->info(), options, o.overrides, out.error)) {
      out.failure = Failure::Options;
      return out;
    }
    out.result.scenarios.push_back(rt::run(*prepared.kernels[i], o));
    const ScenarioResult& r = out.result.scenarios.back();
    if (r.error) {
      out.failure = Failure::Runtime;
      out.error = impl_->renderRuntimeError(*prepared.scenarios[i], *r.error);
      return out;
    }
    if (r.partial) break;  // interrupted: do not start the next scenario
  }
  return out;
}

CompareOutcome Program::compare(const std::string& a, const std::string& b, const RunOptions& options) const {
  CompareOutcome out;
  std::string file = impl_->checked ? impl_->sources.name(impl_->checked->mainFile) : "";
  Prepared prepared;
  out.failure = prepare(*this, *impl_, {a, b}, options, prepared, out.error);
  if (out.failure != Failure::None) return out;
  const auto& pair = prepared.scenarios;
  const auto& kernels = prepared.kernels;
  rt::RunOptions driver = driverOptions(options);
  if (!applyOverrides(kernels[0]->info(), options, driver.overrides, out.error) ||
      !applyOverrides(kernels[1]->info(), options, driver.overridesB, out.error)) {
    out.failure = Failure::Options;
    return out;
  }

  out.result = rt::runPaired(*kernels[0], *kernels[1], driver);
  describeRun(out.result, file, options);
  if (out.result.error) {
    // The driver reports which side failed through the scenario results' own errors.
    const ir::Scenario* failed = out.result.b.error && !out.result.a.error ? pair[1] : pair[0];
    out.failure = Failure::Runtime;
    out.error = impl_->renderRuntimeError(*failed, *out.result.error);
  }
  return out;
}

}  // namespace omen
