//===- ReportCommand.cpp - `omen report FILE -o model.html` -----------------===//
//
// The run flags are read as `omen run` reads them; each `--analysis "NAME FLAGS…"` names a
// registered analysis and its flags. web/Report.h runs them and writes the page.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <iostream>

#include "tools/omen/Commands.h"
#include "tools/omen/OutputGuard.h"
#include "web/Report.h"
#include "web/ShellWords.h"

namespace omen::cli {

namespace {

// The run flags as words again, in one order, for the analyses and the page's recipe.
std::vector<std::string> runWordsOf(const RunFlags& flags) {
  std::vector<std::string> words;
  auto add = [&](const char* flag, const std::string& value) {
    words.push_back(flag);
    words.push_back(value);
  };
  for (const std::string& s : flags.scenarios) add("--scenario", s);
  if (flags.trialsGiven || (flags.precision.empty() && flags.relPrecision.empty())) add("--trials", flags.trials);
  add("--seed", flags.seed);
  if (flags.threads != 0) add("--threads", std::to_string(flags.threads));
  if (flags.engine != "auto") add("--engine", flags.engine);
  for (const std::string& s : flags.sets) add("--set", s);
  for (const std::string& p : flags.precision) add("--precision", p);
  for (const std::string& p : flags.relPrecision) add("--rel-precision", p);
  return words;
}

}  // namespace

CLI::App* addReportSubcommand(CLI::App& app, ReportFlags& flags) {
  CLI::App* report = app.add_subcommand(
      "report", "Write one self-contained HTML page: the source, every scenario's results, the analyses' plots");
  report->add_option("file", flags.file, "Scenario file")->required();
  report->add_option("-o", flags.output, "The page to write (an existing file only with --force)")->required();
  report->add_flag("--force", flags.force, "Let -o replace an existing file");
  report->add_option("--analysis", flags.analyses,
                     "An analysis and its flags, quoted: --analysis \"sweep --vary p_turn\" (repeatable)");
  rt::addRunFlags(*report, flags.run);
  return report;
}

int reportCommand(const ReportFlags& flags, const std::vector<std::string>& argv, const LoadOptions& load) {
  web::ReportRequest request;
  request.file = flags.file;
  request.load = load;
  OutputFormat format;
  if (std::string error = rt::readRunFlags(flags.run, request.options, format); !error.empty())
    return usageError(error, "report");
  if (flags.run.format != "text") return usageError("a report is an HTML page: leave out --format", "report");
  std::vector<std::string> known;
  for (const AnalysisInfo& info : analyses())
    if (info.unavailable[static_cast<size_t>(Door::Command)].empty()) known.push_back(info.name);
  for (const std::string& text : flags.analyses) {
    std::string problem;
    std::vector<std::string> words = web::shellWords(text, problem);
    if (!problem.empty()) return usageError("--analysis \"" + text + "\": " + problem, "report");
    if (words.empty()) return usageError("--analysis needs an analysis and its flags, e.g. \"sweep --vary p_turn\"", "report");
    if (std::find(known.begin(), known.end(), words[0]) == known.end())
      return usageError("--analysis: " + rt::unknownCommand(words[0], known), "report");
    for (const std::string& w : words)
      if (w == "--format" || w.rfind("--format=", 0) == 0)
        return usageError("--analysis \"" + text + "\": leave out --format (the report reads each analysis's JSON)", "report");
    request.analyses.push_back(words);
  }
  if (std::string refused = refuseOutput(flags.output, flags.file, OutputKind::Dump, flags.force); !refused.empty())
    return usageError(refused, "report");
  request.runWords = runWordsOf(flags.run);
  // The recipe names the command as a reader types it, not where this omen was installed.
  std::vector<std::string> recipe = argv;
  if (!recipe.empty()) recipe[0] = "omen";
  request.commandLine = web::shellQuote(recipe);
  rt::InterruptScope interrupts;
  request.cancel = interrupts.flag();
  web::ReportOutcome outcome = web::buildReport(request);
  std::cerr << outcome.errors;
  if (outcome.html.empty()) return outcome.status;
  if (std::string failed = rt::writeFileAtomically(flags.output, outcome.html); !failed.empty()) {
    std::cerr << "omen: error: " << failed << "\n";
    return kExitProgramError;
  }
  if (outcome.status == rt::kExitInterrupted)
    std::cerr << "omen: interrupted: wrote " << flags.output << " with what finished, marked partial\n";
  return outcome.status;
}

}  // namespace omen::cli
