//===- ReplAnalysis.cpp - `:sweep` and `:solve` in the REPL ------------------===//
//
// The words after the command are read by the same code as `omen sweep` / `omen solve`
// flags (cli/AnalysisFlags.h), run through the session's program with the
// REPL's trials, seed, engine and :set values, and printed as text with a terminal plot.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <iostream>
#include <sstream>

#include "cli/AnalysisFlags.h"
#include "tools/omen/Repl.h"
#include "web/ShellWords.h"

namespace omen::cli {

namespace {

std::vector<std::string> split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

std::string Repl::analysisScenario(std::vector<std::string>& words) {
  if (!words.empty() && session_.program().hasScenario(words[0])) {
    std::string s = words[0];
    words.erase(words.begin());
    return s;
  }
  return session_.lastScenario();
}

bool Repl::cmdSweep(const std::string& args) {
  std::vector<std::string> words = split(args);
  std::string scenario = analysisScenario(words);
  if (scenario.empty()) return error("no scenario declared yet: declare one or :load a file");
  rt::SweepFlags flags;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--log") flags.log = true;
    else if (words[i] == "--plot" && i + 1 < words.size()) flags.plot = words[++i];
    else flags.vary.push_back(words[i]);
  }
  if (flags.vary.empty()) return error(":sweep needs a param: :sweep p_turn or :sweep p_turn=0.1%:2%:11");
  SweepRequest request;
  std::string problem = rt::readSweepFlags(flags, {scenario}, request);
  if (!problem.empty()) return error(problem);
  RunOptions options = runOptions({scenario});
  std::erase_if(options.overrides, [&](const auto& o) {
    return std::any_of(request.axes.begin(), request.axes.end(), [&](const auto& a) { return a.param == o.first; });
  });
  interrupted().store(false);
  SweepOutcome outcome = session_.program().sweep(request, options);
  interrupted().store(false);
  if (!outcome.ok()) {
    err_ << (outcome.failure == Failure::Options ? "error: " : "") << outcome.error;
    if (outcome.error.empty() || outcome.error.back() != '\n') err_ << "\n";
    return false;
  }
  out_ << formatSweep(outcome.result, OutputFormat::Text);
  if (!flags.plot.empty()) {
    std::string e = plotSweepFile(outcome.result, flags.plot);
    if (!e.empty()) return error(e);
    out_ << "wrote " << flags.plot << "\n";
  }
  return true;
}

bool Repl::cmdAnalysis(const std::string& name, const std::string& args) {
  std::string problem;
  std::vector<std::string> words = web::shellWords(args, problem);
  if (!problem.empty()) return error(":" + name + ": " + problem);
  interrupted().store(false);
  int status = session_.program().analyze(name, words, {out_, err_, "omen", &interrupted()}, Door::Repl);
  interrupted().store(false);
  return status == 0;
}

bool Repl::cmdSolve(const std::string& args) {
  std::vector<std::string> words = split(args);
  std::string scenario = analysisScenario(words);
  if (scenario.empty()) return error("no scenario declared yet: declare one or :load a file");
  const char* usage = ":solve expects [SCENARIO] PARAM [LO:HI] REPORT = VALUE, e.g. :solve p_turn P(catastrophe) = 1%";
  if (words.size() < 2) return error(usage);
  rt::SolveFlags flags;
  flags.find = words[0];
  size_t i = 1;
  if (words[1].find(':') != std::string::npos && words[1].find('(') == std::string::npos) flags.in = words[i++];
  for (; i < words.size(); ++i) flags.where += (flags.where.empty() ? "" : " ") + words[i];
  if (flags.where.empty()) return error(usage);
  SolveRequest request;
  std::string problem = rt::readSolveFlags(flags, {scenario}, request);
  if (!problem.empty()) return error(problem);
  RunOptions options = runOptions({scenario});
  std::erase_if(options.overrides, [&](const auto& o) { return o.first == request.param; });
  interrupted().store(false);
  SolveOutcome outcome = session_.program().solve(request, options);
  interrupted().store(false);
  if (!outcome.ok()) {
    err_ << (outcome.failure == Failure::Options ? "error: " : "") << outcome.error;
    if (outcome.error.empty() || outcome.error.back() != '\n') err_ << "\n";
    return false;
  }
  out_ << formatSolve(outcome.result, OutputFormat::Text);
  // The scan as a terminal plot: the response and its band over the bracket.
  SweepResult scan;
  scan.scenario = outcome.result.scenario;
  scan.axes.push_back({request.param, outcome.result.type, false, outcome.result.scanX});
  for (size_t k = 0; k < outcome.result.scanX.size(); ++k) {
    ReportResult r;
    r.label = outcome.result.report;
    r.estimate = outcome.result.scanEstimate[k];
    r.stdError = outcome.result.scanStdError[k];
    r.ciLow = r.estimate - 1.959963984540054 * r.stdError;
    r.ciHigh = r.estimate + 1.959963984540054 * r.stdError;
    SweepPoint point;
    point.at = {outcome.result.scanX[k]};
    point.reports = {r};
    scan.points.push_back(std::move(point));
  }
  out_ << plotSweepText(scan);
  return true;
}

}  // namespace omen::cli
