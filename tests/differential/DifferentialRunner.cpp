//===- DifferentialRunner.cpp - Interpreter, JIT and AOT must agree bit for bit ===//
//
//   omen_differential [--trials N] [--seed S] [--threads T] [--no-aot] [--work DIR] [-v] FILE...
//   omen_differential --emit-llvm FILE...   (prints the optimized kernel modules)
//
// For every file: runs every scenario on the interpreter, on the JIT and on the auto engine
// (backend/TieredKernel.h) forced to switch from the interpreter to the JIT kernel at a trial
// inside a block (OMEN_AUTO_SWITCH_TRIAL), through the runtime driver, formats each as
// `--format json` does, builds the file with `omen build`'s buildExecutable and runs that
// with --format json; then requires the four "reports" arrays (and "evidence") of every scenario to be
// byte-identical (the numbers are printed shortest
// round-trip, so equal text is equal bits) and a runtime error, if any, to be the same
// message from all four. Exit status 1 on any difference.
//
//===----------------------------------------------------------------------===//
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

#include "backend/TieredKernel.h"
#include "backend/Pipeline.h"
#include "backend/interp/Interpreter.h"
#include "backend/llvm/Aot.h"
#include "backend/llvm/JitEngine.h"
#include "frontend/sema/Frontend.h"
#include "runtime/host/Driver.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/RuntimeError.h"

using namespace omen;

namespace {

struct Options {
  uint64_t trials = 2000;
  uint64_t seed = 1;
  unsigned threads = 2;
  bool aot = true;
  std::string work = "/tmp";
  bool verbose = false;
};

/// What one engine printed: stdout JSON (reports per scenario) or an error message.
struct Output {
  bool ok = true;
  std::vector<std::string> reports;  ///< per scenario, the JSON of its "reports" array
  std::string error;
};

std::string renderError(const ir::Module& m, const SourceManager& sm, const ir::Scenario& s, const RunError& e) {
  uint32_t site = e.error.site;
  if (e.report >= 0 && size_t(e.report) < s.reports.size()) site = s.reports[e.report].site;
  const ir::Site* where = site < m.sites.size() ? &m.sites[site] : nullptr;
  std::ostringstream os;
  if (where && where->range.valid())
    os << sm.name(where->range.begin.file) << ':' << where->range.begin.line << ':' << where->range.begin.col << ": ";
  os << "runtime error: " << rt::describeRuntimeError(e.error, where ? where->what : "") << '\n';
  if (where) os << renderSnippet(sm, where->range);
  if (e.inGlobals)
    os << "note: while evaluating the consts and fixed params of scenario '" << s.name << "'\n";
  else
    os << "note: in trial " << e.trial << " of scenario '" << s.name << "'\n";
  return os.str();
}

Output reportsOf(const std::string& json) {
  Output out;
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded()) {
    out.ok = false;
    out.error = "unreadable JSON: " + json.substr(0, 200);
    return out;
  }
  // A scenario that observes: its evidence too (the weights, summed in the same order).
  for (const auto& s : doc["scenarios"])
    out.reports.push_back(s["name"].dump() + s["reports"].dump() + (s.contains("evidence") ? s["evidence"].dump() : ""));
  return out;
}

enum class Kind { Interp, Jit, Auto };

/// The trial the auto engine switches at: inside the run and, for most trial counts, inside a
/// block (blocks start at multiples of 16).
uint64_t switchTrial(const Options& o) { return o.trials / 3 + 7; }

Output runEngine(Kind kind, const ir::Module& m, const SourceManager& sm, const std::string& file, const Options& o) {
  RunResult result;
  result.file = file, result.seed = o.seed, result.trials = o.trials, result.threads = o.threads;
  result.engine = kind == Kind::Interp ? "interp" : "jit";  // only the reports are compared
  rt::DriverOptions options;
  options.trials = o.trials, options.seed = o.seed, options.threads = o.threads;
  struct ForcedSwitch {  // read by compileTiered; gone again before the AOT run
    explicit ForcedSwitch(uint64_t trial) { ::setenv("OMEN_AUTO_SWITCH_TRIAL", std::to_string(trial).c_str(), 1); }
    ~ForcedSwitch() { ::unsetenv("OMEN_AUTO_SWITCH_TRIAL"); }
  };
  std::optional<ForcedSwitch> forced;
  if (kind == Kind::Auto) forced.emplace(switchTrial(o));
  for (const ir::Scenario& s : m.scenarios) {
    std::string error;
    std::unique_ptr<rt::Kernel> kernel;
    switch (kind) {
      case Kind::Interp: kernel = interp::compileScenario(m, s, error); break;
      case Kind::Jit: kernel = llvmgen::compileScenario(m, s, error); break;
      case Kind::Auto: kernel = backend::compileTiered(m, s, error); break;
    }
    if (!kernel) return {false, {}, "cannot compile: " + error};
    result.scenarios.push_back(rt::run(*kernel, options));
    if (result.scenarios.back().error) return {false, {}, renderError(m, sm, s, *result.scenarios.back().error)};
    // The switch must have happened where it was forced to (unless a trial failed first).
    if (kind == Kind::Auto) {
      std::optional<EngineSplit> split = kernel->engineSplit();
      uint64_t before = std::min(switchTrial(o), o.trials);
      if (!split || split->interpreted != before || split->compiled != o.trials - before)
        return {false, {}, "the auto engine did not switch at trial " + std::to_string(before)};
    }
  }
  return reportsOf(rt::formatRunJson(result));
}

std::string capture(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return out;
  }
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  int raw = pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

Output runAot(const ir::Module& m, const SourceManager& sm, const std::string& file, const Options& o, size_t index) {
  std::string exe = o.work + "/omen-diff-" + std::to_string(::getpid()) + "-" + std::to_string(index);
  std::vector<const ir::Scenario*> scenarios;
  for (const ir::Scenario& s : m.scenarios) scenarios.push_back(&s);
  std::string error;
  if (!llvmgen::buildExecutable(m, sm, file, scenarios, exe, error)) return {false, {}, "omen build failed: " + error};
  std::string errFile = exe + ".stderr";
  int status = 0;
  std::string out = capture(exe + " --format json --trials " + std::to_string(o.trials) + " --seed " +
                                std::to_string(o.seed) + " --threads " + std::to_string(o.threads) + " 2>" + errFile,
                            status);
  std::ifstream errStream(errFile);
  std::stringstream err;
  err << errStream.rdbuf();
  std::remove(exe.c_str());
  std::remove(errFile.c_str());
  if (status == 1) return {false, {}, err.str()};
  if (status != 0) return {false, {}, "executable exited " + std::to_string(status) + ": " + err.str()};
  return reportsOf(out);
}

bool same(const Output& a, const Output& b) { return a.ok == b.ok && a.reports == b.reports && a.error == b.error; }

std::string describe(const Output& o) {
  if (!o.ok) return "error: " + o.error;
  std::string s;
  for (const std::string& r : o.reports) s += r + "\n";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::cout << std::unitbuf;  // progress shows as it happens, also into a log file
  Options o;
  bool emitOnly = false;       // print the optimized kernel module of each file instead
  bool skipUnchecked = false;  // lit tests of compile errors: nothing to run, skip them
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--trials") o.trials = std::stoull(next());
    else if (a == "--seed") o.seed = std::stoull(next());
    else if (a == "--threads") o.threads = unsigned(std::stoul(next()));
    else if (a == "--no-aot") o.aot = false;
    else if (a == "--work") o.work = next();
    else if (a == "-v") o.verbose = true;
    else if (a == "--emit-llvm") emitOnly = true;
    else if (a == "--skip-unchecked") skipUnchecked = true;
    else files.push_back(a);
  }
  size_t passed = 0, failed = 0, errors = 0, skipped = 0, index = 0;
  for (const std::string& file : files) {
    SourceManager sm;
    DiagnosticEngine diags(sm);
    auto loaded = sm.loadFile(file, file);
    // The pipeline's stages through the IR passes (backend/Pipeline.h); each engine's
    // kernel is compiled by runEngine.
    backend::CompiledSource compiled;
    if (loaded.file) compiled = backend::compileSource(sm, *loaded.file, diags, {}, std::nullopt);
    std::unique_ptr<ast::Program>& ast = compiled.ast;
    if (!ast && skipUnchecked) {
      ++skipped;
      continue;
    }
    if (!ast) {
      std::cout << "FAIL " << file << ": does not check\n";
      diags.print(std::cout);
      ++failed;
      continue;
    }
    std::string error;
    std::unique_ptr<ir::Module>& m = compiled.ir;
    if (!m) {
      std::cout << "FAIL " << file << ": cannot lower: " << compiled.error << "\n";
      ++failed;
      continue;
    }
    if (emitOnly) {
      std::vector<const ir::Scenario*> all;
      for (const ir::Scenario& s : m->scenarios) all.push_back(&s);
      std::string text;
      if (!llvmgen::emitScenarios(*m, all, EmitKind::Llvm, text, error)) std::cout << error << "\n";
      std::cout << text;
      continue;
    }
    Output interp = runEngine(Kind::Interp, *m, sm, file, o);
    Output jit = runEngine(Kind::Jit, *m, sm, file, o);
    Output tiered = runEngine(Kind::Auto, *m, sm, file, o);
    bool ok = same(interp, jit) && same(interp, tiered);
    Output aot;
    if (o.aot) {
      aot = runAot(*m, sm, file, o, index++);
      ok = ok && same(interp, aot);
    }
    if (ok) {
      ++passed;
      if (!interp.ok) ++errors;
      if (o.verbose) std::cout << "ok   " << file << (interp.ok ? "" : " (runtime error on all engines)") << "\n";
    } else {
      ++failed;
      std::cout << "FAIL " << file << "\n--- interp\n" << describe(interp) << "--- jit\n" << describe(jit)
                << "--- auto (switching at trial " << switchTrial(o) << ")\n" << describe(tiered);
      if (o.aot) std::cout << "--- aot\n" << describe(aot);
    }
  }
  std::cout << passed << " of " << files.size() << " files agree on interp, jit, auto" << (o.aot ? ", aot" : "") << " ("
            << errors << " with the same runtime error); " << failed << " differ; " << skipped
            << " skipped (compile errors)\n";
  return failed == 0 ? 0 : 1;
}
