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

#include "aot/AotAbi.h"
#include "core/Fingerprint.h"
#include "runtime/host/Cluster.h"
#include "runtime/host/MemoryBudget.h"
#include "runtime/host/AtomicFile.h"
#include "cli/CommandLine.h"
#include "runtime/host/ProgramMetadata.h"
#include "runtime/host/RunScenarios.h"
#include "runtime/host/RuntimeError.h"
#include "analysis/worlds/Worlds.h"
#include "cli/AnalysisDoor.h"
#include "cli/AnalysisFlags.h"

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
  explicit AotScenarioSource(rt::ProgramMetadata meta) : meta_(std::move(meta)) {
    for (uint32_t i = 0; i < omen_aot_count && i < meta_.scenarios.size(); ++i)
      (i < meta_.scenarioCount ? kernels_ : paramKernels_)
          .emplace_back(meta_.scenarios[i].info, omen_aot_kernels[i].globals, omen_aot_kernels[i].block);
  }
  std::string file() const override { return meta_.file; }
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
    const rt::ScenarioMetadata& scenario = meta_.scenarios[index];
    uint32_t site = rt::errorSite(error, scenario.reportSites.size(), [&](size_t r) { return scenario.reportSites[r]; });
    rt::SiteText where = site < meta_.sites.size() ? meta_.sites[site] : rt::SiteText{};
    return rt::renderRunError(error, where.where, where.what, where.snippet, scenario.info.name);
  }

 private:
  rt::ProgramMetadata meta_;
  std::vector<rt::CompiledKernel> kernels_, paramKernels_;
};

int run(int argc, char** argv) {
  std::string program = argc > 0 ? std::string(argv[0]) : "omen-exe";
  rt::ProgramMetadata meta;
  std::string metaError;
  if (!rt::decodeMetadata(omen_aot_metadata, meta, metaError)) {
    std::cerr << program << ": internal error: " << metaError << "\n";
    return rt::kExitProgramError;
  }
  AotScenarioSource source(std::move(meta));

  CLI::App app{"Runs the scenarios of " + source.file() + " (compiled by omen build)"};
  rt::RunFlags flags;
  rt::addRunFlags(app, flags, {.engine = false, .worlds = true});
  // `EXE sweep …`, `EXE sensitivity …`, …: every registered analysis, as `omen NAME` runs it
  // (or the registry's reason why an executable cannot).
  rt::addAnalysisSubcommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string sub;
    for (CLI::App* s : app.get_subcommands()) sub = s->get_name();
    return rt::usageError(program, sub, rt::describeParseError(e));
  }
  std::vector<std::string> analysisArgs;
  if (const rt::AnalysisDescriptor* analysis = rt::parsedAnalysis(app, analysisArgs))
    return rt::runAnalysis(*analysis, analysisArgs, Door::Executable, /*withFile=*/false, {std::cout, std::cerr, program},
                           [&](const std::string&, Engine, std::ostream&, int&) { return &source; });
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
  omen::rt::startProcess(argc, argv);  // under mpirun: one rank of the run
  // Under mpirun every rank must run the same executable with the same command line
  // (runtime/host/Cluster.h): compared before anything is parsed or run.
  std::string line;
  for (int i = 1; i < argc; ++i) line += std::string(argv[i]) + '\0';
  omen::rt::cluster::requireSameInput({{"the executable (its program, built by omen build)", omen::fingerprint(omen_aot_metadata)},
                                       {"the command line", omen::fingerprint(line)}},
                                      argc > 0 ? argv[0] : "omen-exe");
  try {
    // Whatever the run printed must have reached stdout: a full disk is an error, not exit 0.
    return omen::rt::finishStdout(omen::aot::run(argc, argv), argc > 0 ? argv[0] : "omen-exe");
  } catch (const std::bad_alloc&) {  // a clear error and status 1, not std::terminate
    return omen::rt::reportOutOfMemory(argc > 0 ? argv[0] : "omen-exe");
  }
}
