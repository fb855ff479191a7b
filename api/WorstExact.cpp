//===- WorstExact.cpp - `omen worst --exact`: the optimum over every strategy ===//
//
// The scenario's globals are evaluated as for any run (the interpreter's kernel, --set
// applied), backend/exact/Mdp.h solves the decision process, and the strategy it finds is
// applied to a copy of the IR (ir/ApplyPolicy.h) and run by Monte Carlo on the chosen
// engine: an independent check of the optimum, by the engines that run everything else.
//
//===----------------------------------------------------------------------===//
#include <cstring>
#include <map>

#include "api/ProgramImpl.h"
#include "backend/Pipeline.h"
#include "backend/exact/Mdp.h"
#include "core/ClosestName.h"
#include "ir/ApplyPolicy.h"
#include "ir/ChoiceKey.h"
#include "runtime/host/Driver.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/RunScenarios.h"

namespace omen {
namespace {

char typeLetter(Type t) { return t == Type::Bool ? 'b' : t == Type::Int ? 'i' : 'r'; }

double shown(Type t, int64_t bits) {
  if (t == Type::Real) {
    double r;
    std::memcpy(&r, &bits, sizeof r);
    return r;
  }
  return double(bits);
}

// The decision rows grouped by statement, in source order, with the names they see.
std::vector<WorstChoice> strategyOf(const ir::Module& m, const ir::Scenario& s, const exact::MdpResult& mdp) {
  std::vector<WorstChoice> out;
  for (const ir::Stmt* c : ir::chooseStatements(s)) {
    WorstChoice w;
    w.name = s.slots[c->index].name;
    w.line = m.sites[c->site].range.begin.line;
    w.column = m.sites[c->site].range.begin.col;
    const Type type = s.slots[c->index].type;
    w.choiceType = typeLetter(type);
    std::vector<ir::ChoiceColumn> columns = ir::choiceColumns(s, *c);
    for (const ir::ChoiceColumn& col : columns) {
      w.columns.push_back(col.name);
      w.columnTypes.push_back(typeLetter(col.type));
    }
    for (const exact::DecisionRow& r : mdp.strategy) {
      if (r.site != c->site) continue;
      WorstChoice::Row row;
      for (size_t k = 0; k < r.seen.size(); ++k) row.seen.push_back(shown(columns[k].type, r.seen[k]));
      row.choice = shown(type, r.choice.i);
      row.value = r.value;
      row.alternativeValues = r.alternativeValues;
      w.rows.push_back(std::move(row));
    }
    std::sort(w.rows.begin(), w.rows.end(), [](const WorstChoice::Row& a, const WorstChoice::Row& b) { return a.seen < b.seen; });
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

WorstOutcome IrScenarioSource::worstExact(const RunOptions& options, const WorstOptions& what) {
  WorstOutcome out;
  WorstResult& result = out.result;
  rt::describeRun(result, *this, options);
  result.exact = true;
  result.maximize = what.maximize;
  auto usage = rt::usageOf(out);
  if (what.report.empty()) return usage("say what the model wants: --maximize REPORT or --minimize REPORT");
  if (!what.over.empty()) return usage("--over searches params by Monte Carlo; --exact optimises the `choose` statements instead");
  if (!options.precision.empty()) return usage("--exact needs no --precision: the optimum is exact (--trials sets the replay)");
  exactOnly_ = true;
  rt::PreparedRun prepared;
  out.failure = rt::prepareOneScenario(*this, what.scenario, options, prepared, out.error);
  exactOnly_ = false;
  if (out.failure != Failure::None) return out;
  const size_t index = prepared.indices[0];
  const ir::Scenario& s = program_.ir->scenarios[index];
  result.scenario = s.name;
  if (ir::chooseStatements(s).empty())
    return usage("scenario " + s.name + " has no `choose`: there is no strategy to optimise; omen run --engine exact " +
                 "answers it exactly (docs/exact.md)");
  if (!s.exact) return usage("the exact engine cannot answer scenario " + s.name + ": " + s.exactness + " (docs/exact.md)");
  for (const std::string& name : s.exactPins) {
    bool pinned = false;
    for (const auto& [param, value] : options.overrides) pinned |= param == name;
    if (!pinned) return usage("scenario " + s.name + ": param " + name + " has a continuous prior; pin it (--set " + name + "=…)");
  }
  std::vector<std::string> labels;
  int found = -1;
  for (size_t r = 0; r < s.reports.size(); ++r) {
    labels.push_back(s.reports[r].label);
    if (found < 0 && s.reports[r].label == what.report) found = int(r);
  }
  if (found < 0)
    return usage("scenario '" + s.name + "' has no report labelled '" + what.report + "'" + didYouMean(what.report, labels));
  const ir::Report& report = s.reports[size_t(found)];
  if (report.kind == ir::ReportKind::Quantiles)
    return usage("report '" + what.report + "' is a quantiles report; worst needs a P(…) or E(…) report");
  if (report.given)
    return usage("report '" + what.report + "' is conditional (`|`); --exact optimises an unconditional P(…) or E(…) " +
                 "(a ratio of two probabilities is not a sum over trials)");
  result.report = what.report;

  const rt::Kernel& kernel = *prepared.kernels[0];
  rt::DriverOptions driver;
  if (std::string e = rt::driverOptions(options, kernel, driver); !e.empty()) return usage(e);
  std::vector<Value> globals;
  if (std::optional<RunError> failed = rt::detail::prepareGlobals(kernel, driver.overrides, globals))
    return rt::failWith(out, Failure::Runtime, program_.renderRuntimeError(s, *failed));

  exact::MdpResult mdp;
  exact::SolveError why;
  ExactOptions exactOptions;
  exactOptions.maxStates = what.maxStates;
  exact::MdpRequest request{uint32_t(found), what.maximize};
  if (!exact::solveMdp(*program_.ir, s, globals.data(), exactOptions, options.cancel, request, mdp, why)) {
    if (why.interrupted) {
      result.partial = true;
      result.found = false;
      result.exactResult.stoppedAt = why.message;
      return out;
    }
    if (!why.runtime) return rt::failWith(out, Failure::Runtime, "omen: error: scenario " + s.name + ": " + why.message + "\n");
    RunError e;
    e.error = *why.runtime;
    e.report = why.report;
    std::string text = program_.renderRuntimeError(s, e);
    std::string trialNote = "note: in trial 0 of scenario '" + s.name + "'";
    if (size_t at = text.rfind(trialNote); at != std::string::npos)
      text.replace(at, trialNote.size(), "note: scenario '" + s.name + "' reaches this under some strategy (exact engine)");
    return rt::failWith(out, Failure::Runtime, text);
  }
  WorstExact& x = result.exactResult;
  x.value = mdp.value;
  x.errorBound = mdp.errorBound;
  x.states = mdp.states;
  x.decisions = mdp.decisions;
  x.steps = mdp.counts.steps;
  x.seconds = mdp.counts.seconds;
  x.strategy = strategyOf(*program_.ir, s, mdp);

  // The replay: the strategy compiled into a copy of the scenario, run by Monte Carlo.
  std::map<uint32_t, ir::ChoiceTable> tables;
  for (const exact::DecisionRow& r : mdp.strategy) {
    tables[r.site].seen.push_back(r.seen);
    tables[r.site].choice.push_back(r.choice.i);
  }
  ir::Scenario replayed = ir::copyScenario(s);
  if (std::string e = ir::applyPolicy(replayed, tables); !e.empty())
    return rt::failWith(out, Failure::Runtime, "omen: internal error: " + e + "\n");
  std::string error;
  std::unique_ptr<rt::Kernel> replayKernel = backend::compileKernel(*program_.ir, replayed, engine_, error);
  if (!replayKernel) return rt::failWith(out, Failure::Runtime, "omen: internal error: " + error + "\n");
  rt::DriverOptions replayDriver;
  if (std::string e = rt::driverOptions(options, *replayKernel, replayDriver); !e.empty()) return usage(e);
  ScenarioResult run = rt::run(*replayKernel, replayDriver);
  if (run.error) return rt::failWith(out, Failure::Runtime, program_.renderRuntimeError(s, *run.error));
  result.partial = run.partial;
  x.replay = run.reports[size_t(found)];
  x.replayed = !run.partial;
  return out;
}

}  // namespace omen
