//===- AnalysisDoor.cpp - Running a registered analysis from any door ---------===//
#include "cli/AnalysisDoor.h"

#include <algorithm>
#include <ostream>

namespace omen::rt {

namespace {
// Of two files' statuses, the one to exit with: misuse, then an error or a failed
// expectation, then an undecided one, then success.
int worseExit(int a, int b) {
  auto rank = [](int s) { return s == kExitUsage ? 3 : s == kExitProgramError ? 2 : s == kExitUndecided ? 1 : 0; };
  return rank(b) > rank(a) ? b : a;
}
}  // namespace

int finishAnalysis(const AnalysisOutcome& outcome, OutputFormat format, const std::string& plot, const std::string& tool,
                   const std::string& command, std::ostream& out, std::ostream& err) {
  switch (outcome.failure) {
    case Failure::None: {
      out << outcome.format(format);
      out.flush();
      if (!plot.empty() && !outcome.partial && outcome.plot) {
        std::string error = outcome.plot(plot);
        if (!error.empty()) {
          err << tool << ": error: " << error << "\n";
          return kExitProgramError;
        }
      }
      if (std::string errors = outcome.partErrors ? outcome.partErrors() : ""; !errors.empty()) {
        err << errors;
        return kExitProgramError;
      }
      std::string notice = outcome.notice ? outcome.notice(tool) : "";
      if (notice.empty()) return outcome.verdictStatus ? outcome.verdictStatus() : kExitOk;
      err << notice;
      return kExitInterrupted;
    }
    case Failure::Options: return usageError(tool, command, outcome.error, err);
    case Failure::Runtime:
      err << outcome.error;
      if (!outcome.error.empty() && outcome.error.back() != '\n') err << "\n";
      return kExitProgramError;
  }
  return kExitProgramError;
}

int runAnalysis(const AnalysisDescriptor& analysis, const std::vector<std::string>& args, Door door, bool withFile,
                const AnalysisIo& io, const SourceOpener& open) {
  const std::string name = analysis.name;
  if (const char* why = analysis.unavailable[static_cast<size_t>(door)]) {
    io.err << io.tool << ": error: " << name << " is not offered in " << doorName(door) << ": " << why << "\n";
    return kExitUsage;
  }
  CLI::App app{analysis.summary, io.tool + " " + name};
  std::vector<std::string> files;
  if (withFile) {
    CLI::Option* file = app.add_option("file", files, analysis.severalFiles ? "Scenario files" : "Scenario file");
    file->required();
    if (!analysis.severalFiles) file->expected(1);
  }
  RunFlags run;
  RunFlagChoice choice = analysis.runFlags;
  choice.engine = door != Door::Executable;  // a built executable has its one engine
  addRunFlags(app, run, choice);
  std::unique_ptr<AnalysisCommand> command = analysis.make();
  command->addFlags(app);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::ParseError& e) {
    return usageError(io.tool, name, describeParseError(e), io.err);
  }
  RunOptions options;
  OutputFormat format;
  std::string error = readRunFlags(run, options, format);
  if (error.empty()) error = command->read(run, options);
  if (error.empty() && files.size() > 1 && format != OutputFormat::Text)
    error = "several files print as text only; give one file for --format json or csv";
  if (!error.empty()) return usageError(io.tool, name, error, io.err);
  std::optional<InterruptScope> interrupts;
  if (io.cancel) {
    options.cancel = io.cancel;
  } else {
    interrupts.emplace();
    options.cancel = interrupts->flag();
  }
  if (files.empty()) files.push_back("");  // the door's own scenarios
  int worst = kExitOk;
  for (size_t i = 0; i < files.size(); ++i) {
    if (i) io.out << "\n";
    int status = kExitProgramError;
    if (ScenarioSource* source = open(files[i], options.engine, io.err, status))
      status = finishAnalysis(command->run(*source, options), format, command->plotPath(), io.tool, name, io.out,
                              io.err);
    if (status == kExitInterrupted) return status;
    worst = worseExit(worst, status);
  }
  return worst;
}

void addAnalysisSubcommands(CLI::App& app) {
  for (const AnalysisDescriptor* analysis : analysisRegistry()) {
    CLI::App* sub = app.add_subcommand(analysis->name, analysis->summary);
    // Everything after the name, --help included, goes to runAnalysis unparsed.
    sub->prefix_command();
    sub->set_help_flag();
  }
}

const AnalysisDescriptor* parsedAnalysis(const CLI::App& app, std::vector<std::string>& args) {
  for (const AnalysisDescriptor* analysis : analysisRegistry()) {
    const CLI::App* sub = app.get_subcommand(analysis->name);
    if (sub->parsed()) {
      args = sub->remaining();
      return analysis;
    }
  }
  return nullptr;
}

}  // namespace omen::rt
