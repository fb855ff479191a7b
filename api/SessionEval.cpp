//===- SessionEval.cpp - Evaluating an expression typed at the prompt -------===//
//
// An expression becomes a throwaway scenario `__omen_eval` with one state holding it, checked
// together with the session (so it sees every const and function) and run: once if it draws
// nothing, else for the requested number of samples. The expression starts its own line of
// the throwaway cell, so a diagnostic shows the text as typed; its line number is shifted
// back by the one wrapper line before it.
//
//===----------------------------------------------------------------------===//
#include <cmath>
#include <sstream>

#include "api/SessionImpl.h"

namespace omen {

namespace {

constexpr const char* kEvalScenario = "__omen_eval";

std::string evalCell(const std::string& expr, const std::string& reports) {
  return std::string("scenario ") + kEvalScenario + " { state __omen_value =\n" + expr + "\n" +
         reports + "}\n";
}

// "repl[4]:2:7: error" -> "repl[4]:1:7: error"; drops the notes naming the wrapper scenario.
std::string shiftLines(const std::string& text, const std::string& cell) {
  std::istringstream in(text);
  std::string line, out;
  const std::string prefix = cell + ":";
  while (std::getline(in, line)) {
    if (line.find(kEvalScenario) != std::string::npos && line.rfind("note:", 0) == 0) continue;
    size_t at = line.find(prefix);
    if (at != std::string::npos) {
      size_t digits = at + prefix.size(), end = digits;
      while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end]))) ++end;
      if (end > digits) {
        long n = std::stol(line.substr(digits, end - digits));
        line = line.substr(0, digits) + std::to_string(n > 1 ? n - 1 : 1) + line.substr(end);
      }
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

SessionValue Session::typeOf(const std::string& expr) {
  SessionValue v;
  std::vector<SessionCell> cells = impl_->cells;
  cells.push_back(impl_->typedCell(evalCell(expr, "")));
  const std::string name = cells.back().name;
  SessionBuild b = impl_->build(cells);
  if (!b.program->ok()) {
    v.error = shiftLines(b.program->diagnostics(), name);
    return v;
  }
  const ast::Scenario* s = implOf(*b.program).checked->findScenario(kEvalScenario);
  const ast::Expr& e = *s->states.at(0)->init;
  v.ok = true;
  v.type = std::string(typeName(e.type));
  v.draws = e.draws;
  return v;
}

SessionValue Session::evaluate(const std::string& expr, const RunOptions& options) {
  SessionValue v = typeOf(expr);
  if (!v.ok) return v;
  // Same number as the typeOf cell, so messages name what the user sees.
  const std::string name = "repl[" + std::to_string(impl_->inputs) + "]";
  bool isBool = v.type == "bool";
  std::string reports = isBool ? "report P(__omen_value)\n" : "report E(__omen_value)\n";
  if (v.draws && !isBool) reports += "report quantiles(__omen_value)\n";

  std::vector<SessionCell> cells = impl_->cells;
  SessionCell cell = impl_->typedCell(evalCell(expr, reports));
  --impl_->inputs;  // one input, however many builds it takes
  cell.name = name;
  cells.push_back(cell);
  SessionBuild b = impl_->build(cells);
  if (!b.program->ok()) {
    v.ok = false;
    v.error = shiftLines(b.program->diagnostics(), name);
    return v;
  }
  RunOptions run = options;
  run.scenarios = {kEvalScenario};
  run.overrides.clear();
  run.progress = false;
  run.trials = v.draws ? options.trials : 1;
  RunOutcome outcome = b.program->run(run);
  if (!outcome.ok()) {
    v.ok = false;
    v.error = shiftLines(outcome.error, name);
    return v;
  }
  const ScenarioResult& r = outcome.result.scenarios.at(0);
  if (r.partial) {
    v.ok = false;
    v.error = "interrupted\n";
    return v;
  }
  const ReportResult& first = r.reports.at(0);
  if (!v.draws) {
    v.value = first.estimate;
    return v;
  }
  v.samples = first.n;
  v.mean = first.estimate;
  v.sd = isBool ? std::sqrt(v.mean * (1 - v.mean))
                : (first.hasSpread ? first.stdError * std::sqrt(static_cast<double>(first.n)) : 0);
  if (!isBool) {
    for (const QuantilePoint& q : r.reports.at(1).quantiles) {
      if (std::abs(q.p - 0.05) < 1e-9) v.q05 = q.value;
      if (std::abs(q.p - 0.5) < 1e-9) v.q50 = q.value;
      if (std::abs(q.p - 0.95) < 1e-9) v.q95 = q.value;
    }
  }
  return v;
}

}  // namespace omen
