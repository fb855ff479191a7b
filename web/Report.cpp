//===- Report.cpp - Running a file and its analyses into one page ------------===//
#include "web/Report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "web/Page.h"
#include "web/ShellWords.h"

namespace omen::web {

namespace {

using json = nlohmann::ordered_json;

constexpr int kExitProgramError = 1, kExitInterrupted = 130;

// The analysis's own flags, then the run's flag-value pairs that `own` does not set itself
// (`--set` adds to its own).
std::vector<std::string> analysisWords(const std::vector<std::string>& runWords, const std::vector<std::string>& own) {
  auto givenByOwn = [&](const std::string& flag) {
    return std::any_of(own.begin(), own.end(), [&](const std::string& w) { return w == flag || w.rfind(flag + "=", 0) == 0; });
  };
  std::vector<std::string> words(own.begin() + 1, own.end());
  for (size_t i = 0; i + 1 < runWords.size(); i += 2) {
    if (runWords[i] != "--set" && givenByOwn(runWords[i])) continue;
    words.push_back(runWords[i]);
    words.push_back(runWords[i + 1]);
  }
  words.push_back("--format");
  words.push_back("json");
  return words;
}

std::string baseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

nlohmann::ordered_json sourcesJson(const Program& program) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const SourceText& s : program.sources()) files.push_back({{"name", s.name}, {"text", s.text}});
  return files;
}

bool isPartial(const RunResult& result) {
  return result.partial ||
         std::any_of(result.scenarios.begin(), result.scenarios.end(), [](const ScenarioResult& s) { return s.partial; });
}

std::string reportPage(const std::string& dataJson, const std::string& title) {
  return inlinePage(PageKind::Report, dataJson, title);
}

ReportOutcome buildReport(const ReportRequest& request) {
  ReportOutcome outcome;
  auto program = Program::fromFile(request.file, request.load);
  outcome.errors = program->diagnostics();
  if (!program->ok()) {
    outcome.status = kExitProgramError;
    return outcome;
  }
  json data;
  data["omen_version"] = kVersion;
  data["command"] = request.commandLine;
  data["file"] = request.file;
  data["sources"] = sourcesJson(*program);
  bool interrupted = false;

  RunOptions options = request.options;
  options.cancel = request.cancel;
  RunOutcome run = program->run(options);
  std::vector<std::string> runCommand = {"omen", "run", request.file};
  runCommand.insert(runCommand.end(), request.runWords.begin(), request.runWords.end());
  runCommand.insert(runCommand.end(), {"--format", "json"});
  data["run_command"] = shellQuote(runCommand);
  if (run.ok()) {
    data["run"] = json::parse(formatRun(run.result, OutputFormat::Json));
    interrupted |= isPartial(run.result);
  } else {
    data["run"] = nullptr;
    data["run_error"] = run.error;
    outcome.errors += run.error;
    outcome.status = kExitProgramError;
  }

  data["analyses"] = json::array();
  for (const std::vector<std::string>& own : request.analyses) {
    if (interrupted) break;
    std::vector<std::string> words = analysisWords(request.runWords, own);
    std::ostringstream out, err;
    AnalysisIo io{out, err, "omen", request.cancel};
    int status = program->analyze(own[0], words, io, Door::Command);
    std::vector<std::string> command = {"omen", own[0], request.file};
    command.insert(command.end(), words.begin(), words.end());
    json section = {{"name", own[0]}, {"command", shellQuote(command)}, {"status", status}, {"messages", err.str()}};
    json result = json::parse(out.str(), nullptr, /*allow_exceptions=*/false);
    section["result"] = result.is_discarded() ? json(nullptr) : result;
    data["analyses"].push_back(section);
    outcome.errors += err.str();
    if (status == kExitInterrupted) interrupted = true;
    else if (status != 0 && outcome.status == 0) outcome.status = status;
  }
  data["interrupted"] = interrupted;
  if (interrupted) outcome.status = kExitInterrupted;
  outcome.html = reportPage(data.dump(), "omen report: " + baseName(request.file));
  return outcome;
}

}  // namespace omen::web
