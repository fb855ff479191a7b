//===- AotMain.cpp - main() of every `omen build` executable ---------------===//
//
// Links with the object `omen build` compiled (AotAbi.h) and the static runtime. Takes the
// run flags of `omen run` and runs the compiled scenarios through the same run pipeline
// (runtime/host/RunScenarios.h), so it prints the same reports, the same runtime errors and
// the same usage errors, with the same exit statuses.
//
//===----------------------------------------------------------------------===//
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "aot/AotAbi.h"
#include "aot/AotKernel.h"
#include "runtime/host/Cluster.h"
#include "cli/CommandLine.h"
#include "runtime/host/RunScenarios.h"
#include "runtime/host/RuntimeError.h"
#include "cli/AnalysisFlags.h"
#include "analysis/solve/Solve.h"
#include "analysis/sweep/Sweep.h"
#include "analysis/worlds/Worlds.h"
#include "analysis/worlds/WorldsFormat.h"

extern "C" {
extern const OmenAotKernel omen_aot_kernels[];
extern const uint32_t omen_aot_count;
extern const char omen_aot_metadata[];
}

namespace omen::aot {
namespace {

/// The scenarios compiled into this executable, with the sources of their error sites.
class AotScenarioSource final : public rt::ScenarioSource {
 public:
  explicit AotScenarioSource(nlohmann::json meta) : meta_(std::move(meta)) {
    // The first scenarioCount kernels are the scenarios, then their param scenarios.
    size_t n = meta_["scenarioCount"].get<size_t>();
    for (uint32_t i = 0; i < omen_aot_count; ++i)
      (i < n ? kernels_ : paramKernels_)
          .emplace_back(scenarioInfo(meta_["scenarios"][i]), omen_aot_kernels[i].globals, omen_aot_kernels[i].block);
  }
  std::string file() const override { return meta_["file"].get<std::string>(); }
  std::string engine() const override { return "aot"; }
  bool compilesKernels() const override { return false; }
  std::vector<std::string> scenarioNames() const override {
    std::vector<std::string> names;
    for (const rt::CompiledKernel& k : kernels_) names.push_back(k.info().name);
    return names;
  }
  const rt::Kernel* kernel(size_t index, std::string&) override { return &kernels_[index]; }
  const rt::Kernel* paramKernel(size_t index, std::string& error) override {
    if (index < paramKernels_.size()) return &paramKernels_[index];
    error = "this executable has no param sampler for scenario " + std::to_string(index);
    return nullptr;
  }

  /// `file:line:col: runtime error: …`, the snippet and a note: as api/ renders it.
  std::string renderError(size_t index, const RunError& error) const override {
    const nlohmann::json& scenario = meta_["scenarios"][index];
    uint32_t site = error.error.site;
    const nlohmann::json& reports = scenario["reports"];
    if (error.report >= 0 && static_cast<size_t>(error.report) < reports.size())
      site = reports[error.report]["site"].get<uint32_t>();
    const nlohmann::json& sites = meta_["sites"];
    const nlohmann::json* where = site < sites.size() ? &sites[site] : nullptr;
    auto text = [&](const char* key) { return where ? (*where)[key].get<std::string>() : std::string(); };
    return rt::renderRunError(error, text("where"), text("what"), text("snippet"),
                              scenario["name"].get<std::string>());
  }

 private:
  nlohmann::json meta_;
  std::vector<rt::CompiledKernel> kernels_, paramKernels_;
};

int run(int argc, char** argv) {
  std::string program = argc > 0 ? std::string(argv[0]) : "omen-exe";
  nlohmann::json meta = nlohmann::json::parse(omen_aot_metadata, nullptr, false);
  if (meta.is_discarded()) {
    std::cerr << program << ": internal error: unreadable scenario metadata\n";
    return rt::kExitProgramError;
  }
  AotScenarioSource source(meta);

  CLI::App app{"Runs the scenarios of " + source.file() + " (compiled by omen build)"};
  rt::RunFlags flags;
  rt::addRunFlags(app, flags, {.engine = false, .worlds = true});
  // `EXE sweep …` and `EXE solve …`: the analyses of `omen sweep` / `omen solve`, same code.
  rt::AnalysisCommands analyses;
  rt::addAnalysisCommands(app, analyses, {.engine = false}, /*withFile=*/false);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string sub;
    for (CLI::App* s : app.get_subcommands()) sub = s->get_name();
    return rt::usageError(program, sub, e.what());
  }
  if (analyses.sweep->parsed())
    return rt::runSweepCommand(
        analyses, [&](const SweepRequest& r, const RunOptions& o) { return rt::sweepScenario(source, r, o); }, program);
  if (analyses.solve->parsed())
    return rt::runSolveCommand(
        analyses, [&](const SolveRequest& r, const RunOptions& o) { return rt::solveScenario(source, r, o); }, program);
  RunOptions options;
  OutputFormat format;
  std::string error = rt::readRunFlags(flags, options, format);
  if (!error.empty()) return rt::usageError(program, "", error);
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  if (options.worlds > 0) return rt::finishWorlds(rt::runWorlds(source, options), format, flags.plot, program, "");
  return rt::finishRun(rt::runScenarios(source, options), format, program, "");
}

}  // namespace
}  // namespace omen::aot

int main(int argc, char** argv) {
  omen::rt::cluster::initFromEnvironment(argc, argv);  // under mpirun: one rank of the run
  return omen::aot::run(argc, argv);
}
