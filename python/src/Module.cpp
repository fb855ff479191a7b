//===- Module.cpp - omen._omen: the public C++ API for Python --------------===//
//
// A thin layer: a compiled Program, and run/compare returning the run's JSON document
// (omen/Format.h, what `omen run --format json` prints) with a status. The pure-Python
// package (python/omen/) turns that into result objects and exceptions, so the Python results
// are the CLI's numbers by construction. Every registered analysis (omen/Analyses.h) comes
// through `analyze` with the words of `omen NAME`; python/omen/ makes a method of each.
//
//===----------------------------------------------------------------------===//
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "Interruptible.h"
#include "omen/Analyses.h"
#include "omen/Format.h"
#include "omen/Omen.h"
#include "omen/RunOptions.h"
#include "omen/Version.h"

namespace py = pybind11;

namespace omen::python {
namespace {

/// Options as Python passes them: counts as text (so "1e6" and "1_000_000" read as on the
/// command line), settings as name/value text pairs. Each check is the command line's.
struct PyRunOptions {
  std::vector<std::string> scenarios;
  std::string trials, seed;
  long long threads = 0;
  std::string engine;
  std::vector<std::pair<std::string, std::string>> settings;
};

/// A usage error (exit status 2 on the command line): Python raises omen.UsageError.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

RunOptions toRunOptions(const PyRunOptions& in) {
  RunOptions out;
  out.scenarios = in.scenarios;
  std::string error;
  if (!in.trials.empty() && !(error = parseTrials(in.trials, out.trials)).empty()) throw UsageError(error);
  if (!in.seed.empty() && !(error = parseSeed(in.seed, out.seed)).empty()) throw UsageError(error);
  if (!(error = parseThreads(in.threads, out.threads)).empty()) throw UsageError(error);
  if (!in.engine.empty()) {
    auto engine = parseEngine(in.engine);
    if (!engine) throw UsageError("engine expects 'auto', 'jit' or 'interp', not '" + in.engine + "'");
    out.engine = *engine;
  }
  for (const auto& [name, value] : in.settings) {
    std::pair<std::string, std::string> setting;
    if (!(error = parseSetting(name + "=" + value, setting)).empty()) throw UsageError(error);
    out.overrides.push_back(std::move(setting));
  }
  return out;
}

/// What a run gives Python: "ok", "runtime", "options" or "interrupted"; the rendered error;
/// the JSON document of what ran (partial if interrupted or failed part-way).
using Reply = std::tuple<std::string, std::string, std::string>;

const char* statusName(Failure failure) {
  switch (failure) {
    case Failure::None:
      return "ok";
    case Failure::Runtime:
      return "runtime";
    case Failure::Options:
      return "options";
  }
  return "runtime";
}

template <typename Outcome, typename Format>
Reply reply(const Outcome& outcome, Format format, std::optional<py::error_already_set>& raised) {
  if (raised) {
    // Ctrl-C gives the partial result to Python, which raises omen.Interrupted (a
    // KeyboardInterrupt); any other exception a signal handler raised propagates as it was.
    if (!raised->matches(PyExc_KeyboardInterrupt)) throw std::move(*raised);
    return {"interrupted", outcome.error, format(outcome.result, OutputFormat::Json)};
  }
  return {statusName(outcome.failure), outcome.error, format(outcome.result, OutputFormat::Json)};
}

class PyProgram {
 public:
  PyProgram(const std::string& text, bool isFile, const std::string& name, const std::string& stdlibDir) {
    LoadOptions options;
    options.stdlibDir = stdlibDir;
    py::gil_scoped_release release;  // parsing and checking touch no Python object
    program_ = isFile ? Program::fromFile(text, options) : Program::fromString(text, name, options);
  }

  bool ok() const { return program_->ok(); }
  std::string diagnostics() const { return program_->diagnostics(); }
  std::vector<std::string> scenarioNames() const { return program_->scenarioNames(); }

  Reply run(const PyRunOptions& in) const {
    RunOptions options = toRunOptions(in);
    std::optional<py::error_already_set> raised;
    RunOutcome outcome = runInterruptible(
        [&](const std::atomic<bool>* cancel) {
          RunOptions o = options;
          o.cancel = cancel;
          return program_->run(o);
        },
        raised);
    return reply(outcome, formatRun, raised);
  }

  Reply compare(const std::string& a, const std::string& b, const PyRunOptions& in) const {
    RunOptions options = toRunOptions(in);
    std::optional<py::error_already_set> raised;
    CompareOutcome outcome = runInterruptible(
        [&](const std::atomic<bool>* cancel) {
          RunOptions o = options;
          o.cancel = cancel;
          return program_->compare(a, b, o);
        },
        raised);
    return reply(outcome, formatCompare, raised);
  }

  /// Any registered analysis with the words of `omen NAME`: its exit status, what it printed
  /// on stdout (its JSON with --format json) and on stderr.
  std::tuple<int, std::string, std::string> analyze(const std::string& name, const std::vector<std::string>& args) const {
    std::ostringstream out, err;
    std::optional<py::error_already_set> raised;
    int status = runInterruptible(
        [&](const std::atomic<bool>* cancel) {
          return program_->analyze(name, args, {out, err, "omen", cancel}, Door::Python);
        },
        raised);
    if (raised && !raised->matches(PyExc_KeyboardInterrupt)) throw std::move(*raised);
    return {raised ? 130 : status, out.str(), err.str()};
  }

 private:
  std::unique_ptr<Program> program_;
};

}  // namespace
}  // namespace omen::python

PYBIND11_MODULE(_omen, m) {
  using namespace omen::python;
  m.doc() = "omen's C++ API; use the `omen` package, not this module";
  m.attr("version") = omen::kVersion;
  py::register_exception<UsageError>(m, "UsageError", PyExc_ValueError);

  // The registry: (name, summary, {door: why not}) per analysis.
  m.def("analyses", [] {
    std::vector<std::tuple<std::string, std::string, std::map<std::string, std::string>>> out;
    for (const omen::AnalysisInfo& a : omen::analyses()) {
      std::map<std::string, std::string> unavailable;
      for (omen::Door door : omen::kDoors)
        if (const std::string& why = a.unavailable[static_cast<size_t>(door)]; !why.empty())
          unavailable[omen::doorName(door)] = why;
      out.emplace_back(a.name, a.summary, unavailable);
    }
    return out;
  });

  py::class_<PyRunOptions>(m, "RunOptions")
      .def(py::init<>())
      .def_readwrite("scenarios", &PyRunOptions::scenarios)
      .def_readwrite("trials", &PyRunOptions::trials)
      .def_readwrite("seed", &PyRunOptions::seed)
      .def_readwrite("threads", &PyRunOptions::threads)
      .def_readwrite("engine", &PyRunOptions::engine)
      .def_readwrite("settings", &PyRunOptions::settings);

  py::class_<PyProgram>(m, "Program")
      .def(py::init<const std::string&, bool, const std::string&, const std::string&>(), py::arg("text"),
           py::arg("is_file"), py::arg("name") = "<input>", py::arg("stdlib_dir") = "")
      .def("ok", &PyProgram::ok)
      .def("diagnostics", &PyProgram::diagnostics)
      .def("scenario_names", &PyProgram::scenarioNames)
      .def("run", &PyProgram::run, py::arg("options"))
      .def("compare", &PyProgram::compare, py::arg("a"), py::arg("b"), py::arg("options"))
      .def("analyze", &PyProgram::analyze, py::arg("name"), py::arg("args"));
}
