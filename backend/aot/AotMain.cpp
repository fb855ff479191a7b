//===- AotMain.cpp - main() of every `omen build` executable ---------------===//
//
// Links with the object `omen build` compiled (AotAbi.h) and the static runtime. Takes the
// run flags of `omen run` (--scenario --trials --seed --threads --set --format), runs each
// compiled scenario through the same Monte Carlo driver, and prints the same reports and
// the same runtime errors. Exit status: 0 ok, 1 runtime error, 2 misuse of the command line.
//
//===----------------------------------------------------------------------===//
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "backend/aot/AotAbi.h"
#include "backend/aot/AotKernel.h"
#include "backend/aot/RunFlags.h"
#include "runtime/host/Driver.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/RuntimeError.h"

extern "C" {
extern const OmenAotKernel omen_aot_kernels[];
extern const uint32_t omen_aot_count;
extern const char omen_aot_metadata[];
}

namespace omen::aot {
namespace {

std::atomic<bool> gInterrupted{false};
extern "C" void onInterrupt(int) {
  gInterrupted.store(true);
  std::signal(SIGINT, SIG_DFL);
}

int usage(const std::string& program, const std::string& message) {
  std::cerr << program << ": error: " << message << "\n";
  std::cerr << "Run '" << program << " --help' for usage.\n";
  return 2;
}

/// `file:line:col: runtime error: …`, the snippet and a note: as backend/api renders it.
std::string renderError(const nlohmann::json& meta, const nlohmann::json& scenario, const RunError& error) {
  uint32_t site = error.error.site;
  const nlohmann::json& reports = scenario["reports"];
  if (error.report >= 0 && static_cast<size_t>(error.report) < reports.size())
    site = reports[error.report]["site"].get<uint32_t>();
  const nlohmann::json& sites = meta["sites"];
  const nlohmann::json* where = site < sites.size() ? &sites[site] : nullptr;
  auto text = [&](const char* key) { return where ? (*where)[key].get<std::string>() : std::string(); };
  return rt::renderRunError(error, text("where"), text("what"), text("snippet"), scenario["name"].get<std::string>());
}

int run(int argc, char** argv) {
  std::string program = argc > 0 ? std::string(argv[0]) : "omen-exe";
  nlohmann::json meta = nlohmann::json::parse(omen_aot_metadata, nullptr, false);
  if (meta.is_discarded()) {
    std::cerr << program << ": internal error: unreadable scenario metadata\n";
    return 1;
  }
  std::vector<rt::CompiledKernel> kernels;
  for (uint32_t i = 0; i < omen_aot_count; ++i)
    kernels.emplace_back(scenarioInfo(meta["scenarios"][i]), omen_aot_kernels[i].globals, omen_aot_kernels[i].block);

  CLI::App app{"Runs the scenarios of " + meta["file"].get<std::string>() + " (compiled by omen build)"};
  RunFlags flags;
  addRunFlags(app, flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage(program, e.what());
  }
  rt::RunOptions options;
  std::string error;
  if (!prepareDriverOptions(flags, options, error)) return usage(program, error);
  options.cancel = &gInterrupted;

  std::vector<size_t> chosen;
  for (const std::string& name : flags.scenarios) {
    auto it = std::find_if(kernels.begin(), kernels.end(), [&](const rt::CompiledKernel& k) { return k.info().name == name; });
    if (it == kernels.end()) return usage(program, "no scenario named '" + name + "'");
    chosen.push_back(static_cast<size_t>(it - kernels.begin()));
  }
  if (flags.scenarios.empty())
    for (size_t i = 0; i < kernels.size(); ++i) chosen.push_back(i);
  std::vector<const rt::ScenarioInfo*> infos;
  for (size_t i : chosen) infos.push_back(&kernels[i].info());
  if (!everySetKnown(flags, infos, error)) return usage(program, error);

  RunResult result;
  result.file = meta["file"].get<std::string>();
  result.seed = options.seed;
  result.trials = options.trials;
  result.engine = "aot";
  result.threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::signal(SIGINT, onInterrupt);
  for (size_t i : chosen) {
    rt::RunOptions o = options;
    if (!pinSets(flags, kernels[i].info(), o.overrides, error)) return usage(program, error);
    result.scenarios.push_back(rt::run(kernels[i], o));
    const ScenarioResult& r = result.scenarios.back();
    if (r.error) {
      std::cerr << renderError(meta, meta["scenarios"][i], *r.error);
      return 1;
    }
    if (r.partial) break;
  }
  std::cout << formatRun(result, flags.format == "json"  ? OutputFormat::Json
                                     : flags.format == "csv" ? OutputFormat::Csv
                                                             : OutputFormat::Text);
  return 0;
}

}  // namespace
}  // namespace omen::aot

int main(int argc, char** argv) { return omen::aot::run(argc, argv); }
