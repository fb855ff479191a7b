//===- Run.cpp - Running scenarios through the public API ------------------===//
//
// Lowers the checked program once and hands its scenarios, compiled on the chosen engine, to
// the runtime's one run pipeline (runtime/host/RunScenarios.h).
//
//===----------------------------------------------------------------------===//
#include <chrono>

#include "backend/Pipeline.h"
#include "api/ProgramImpl.h"
#include "ir/ParamScenario.h"
#include "runtime/host/RunScenarios.h"
#include "analysis/sensitivity/Sensitivity.h"
#include "analysis/worlds/Worlds.h"
#include "analysis/voi/Voi.h"
#include "analysis/worst/Worst.h"
#include "runtime/host/RuntimeError.h"

namespace omen {

const ir::Module* Program::Impl::lowered(std::string& error) {
  if (!ir && checked) {
    auto start = std::chrono::steady_clock::now();
    ir = backend::lowerProgram(*checked, error);
    lowerSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return ir.get();
}

std::string Program::Impl::mainFile() const { return checked ? sources.name(checked->mainFile) : ""; }

std::string Program::Impl::renderRuntimeError(const ir::Scenario& scenario, const RunError& error) const {
  uint32_t site = rt::errorSite(error, scenario.reports.size(), [&](size_t r) { return scenario.reports[r].site; });
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
  std::vector<std::string> known;
  for (const ir::Scenario& s : ir->scenarios) known.push_back(s.name);
  std::vector<size_t> indices;
  error = rt::selectScenarios(known, names, indices);
  for (size_t i : indices) out.push_back(&ir->scenarios[i]);
  return error.empty();
}

std::vector<std::string> IrScenarioSource::scenarioNames() const {
  std::vector<std::string> names;
  for (const ir::Scenario& s : program_.ir->scenarios) names.push_back(s.name);
  return names;
}

const rt::Kernel* IrScenarioSource::kernel(size_t index, std::string& error) {
  kernels_.resize(program_.ir->scenarios.size());
  if (!kernels_[index]) {
    const ir::Scenario* s = scenarioToCompile(index, error);
    if (!s) return nullptr;
    kernels_[index] = backend::compileKernel(*program_.ir, *s, engine_, error);
  }
  return kernels_[index].get();
}

const rt::Kernel* IrScenarioSource::paramKernel(size_t index, std::string& error) {
  size_t n = program_.ir->scenarios.size();
  paramKernels_.resize(n);
  paramScenarios_.resize(n);
  if (!paramKernels_[index]) {
    // Kept alive with its kernel: an engine may keep pointers into the IR it compiled.
    paramScenarios_[index] = std::make_unique<ir::Scenario>(ir::paramScenario(program_.ir->scenarios[index]));
    paramKernels_[index] = backend::compileKernel(*program_.ir, *paramScenarios_[index], engine_, error);
  }
  return paramKernels_[index].get();
}

std::string IrScenarioSource::renderError(size_t index, const RunError& error) const {
  return program_.renderRuntimeError(program_.ir->scenarios[index], error);
}

// What run and compare check before the runtime takes over: a program without errors,
// lowered.
Failure lowerForRun(const Program& program, Program::Impl& impl, std::string& error) {
  if (!program.ok()) {
    error = "the program has errors:\n" + program.diagnostics();
    return Failure::Options;
  }
  return impl.lowered(error) ? Failure::None : Failure::Runtime;
}

RunOutcome Program::run(const RunOptions& options) const {
  return runOnProgram<RunResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::runScenarios(source, options); });
}

CompareOutcome Program::compare(const std::string& a, const std::string& b, const RunOptions& options) const {
  return runOnProgram<CompareResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::compareScenarios(source, a, b, options); });
}

SensitivityOutcome Program::sensitivity(const SensitivityOptions& what, const RunOptions& options) const {
  return runOnProgram<SensitivityResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::sensitivity(source, options, what); });
}

WorldsOutcome Program::runWorlds(const RunOptions& options) const {
  return runOnProgram<WorldsResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::runWorlds(source, options); });
}

WorstOutcome Program::worst(const WorstOptions& what, const RunOptions& options) const {
  return runOnProgram<WorstResult>(*this, *impl_, options,
      [&](rt::ScenarioSource& source) { return rt::worstCase(source, options, what); });
}

VoiOutcome Program::voi(const VoiOptions& what, const RunOptions& options) const {
  VoiOutcome out;
  out.failure = lowerForRun(*this, *impl_, out.error);
  if (out.failure != Failure::None) return out;
  IrScenarioSource source(*impl_, options.engine);
  return rt::valueOfInformation(source, options, what);
}

}  // namespace omen
