//===- AnalysisRegistry.h - One descriptor per analysis, registered once ------===//
//
// An analysis is its flags, the request they read into, its run over a ScenarioSource, and
// the printing (text, JSON or CSV) and plot of its outcome. Each is described once here
// (Sweep/Solve/Sensitivity/Worst/Worlds/Voi/TestAnalysis.cpp) and listed once in AnalysisRegistry.cpp;
// every door (omen, the REPL, built executables, Python: omen/Analyses.h) runs it through
// AnalysisDoor.h. Adding an analysis is a folder in analysis/, one descriptor file here and
// one line in the list.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <CLI/CLI.hpp>
#include <array>
#include <functional>
#include <memory>
#include <string>

#include "cli/CommandLine.h"
#include "cli/Interrupted.h"
#include "omen/Analyses.h"
#include "omen/Format.h"
#include "omen/Results.h"
#include "omen/RunOptions.h"
#include "runtime/host/ScenarioSource.h"

namespace omen::rt {

/// An outcome as a door handles it, whatever the analysis.
struct AnalysisOutcome {
  Failure failure = Failure::None;
  std::string error;
  bool partial = false;  ///< interrupted: printed (marked partial by its format), not plotted
  std::function<std::string(OutputFormat)> format;
  std::function<std::string(const std::string& path)> plot;  ///< "" or the error; null: no plot
  /// After the output: errors of parts that failed while the rest printed (a sweep point),
  /// for stderr and exit 1; and, if interrupted, the stderr notice of what finished (exit
  /// 130; cli/Interrupted.h).
  std::function<std::string()> partErrors;
  std::function<std::string(const std::string& tool)> notice;
  /// The exit status of a finished outcome that printed whole: kExitOk, or what its verdicts
  /// say (`test`: a failed or undecided expectation).
  std::function<int()> verdictStatus;
};

/// `outcome` as a door handles it: printed by `format`, drawn by `plot` (null: no plot).
template <typename Result>
AnalysisOutcome analysisOutcome(Outcome<Result> outcome, std::string (*format)(const Result&, OutputFormat),
                                std::string (*plot)(const Result&, const std::string&)) {
  auto kept = std::make_shared<Outcome<Result>>(std::move(outcome));
  AnalysisOutcome out{kept->failure, kept->error, kept->result.partial, nullptr, nullptr, nullptr, nullptr, nullptr};
  out.format = [kept, format](OutputFormat f) { return format(kept->result, f); };
  if (plot) out.plot = [kept, plot](const std::string& path) { return plot(kept->result, path); };
  out.partErrors = [kept] { return partErrors(kept->result); };
  out.notice = [kept](const std::string& tool) { return interruptNotice(kept->result, tool); };
  out.verdictStatus = [kept] { return verdictStatus(kept->result); };
  return out;
}

/// One invocation of an analysis: its flags bound to its own storage.
class AnalysisCommand {
 public:
  virtual ~AnalysisCommand() = default;
  /// The analysis's own flags (the door adds the run flags).
  virtual void addFlags(CLI::App& command) = 0;
  /// After parsing, with the run flags read into `options`: "" or the usage error.
  virtual std::string read(const RunFlags& run, RunOptions& options) = 0;
  /// The --plot path read, or "".
  virtual std::string plotPath() const = 0;
  virtual AnalysisOutcome run(ScenarioSource& source, const RunOptions& options) = 0;
};

struct AnalysisDescriptor {
  const char* name;
  const char* summary;
  RunFlagChoice runFlags;  ///< which run flags it takes (engine and scenario are per door)
  /// Indexed by Door: nullptr where offered, else why not.
  std::array<const char*, 4> unavailable{};
  std::unique_ptr<AnalysisCommand> (*make)();
  /// `omen NAME FILE…` takes several files, run one after another with the same flags (text
  /// output only; the exit status is the worst of theirs).
  bool severalFiles = false;
};

/// Every analysis, in `--help` order.
const std::vector<const AnalysisDescriptor*>& analysisRegistry();
/// Null if no analysis has that name.
const AnalysisDescriptor* findAnalysis(const std::string& name);

/// The parts of an analysis that differ from one to the next; commandOf() makes them a
/// command. `Flags` holds what its flags parse into; `read` checks them into a `Request`.
template <typename Flags, typename Request, typename OutcomeT>
struct AnalysisParts {
  using Result = decltype(OutcomeT{}.result);
  void (*addFlags)(CLI::App&, Flags&);
  std::string (*read)(const Flags&, const RunFlags&, RunOptions&, Request&);
  OutcomeT (*run)(ScenarioSource&, const Request&, const RunOptions&);
  std::string (*format)(const Result&, OutputFormat);
  std::string (*plot)(const Result&, const std::string&);  ///< null: the analysis draws nothing
  std::string (*plotPath)(const Flags&, const RunFlags&);
};

template <typename Flags, typename Request, typename OutcomeT>
std::unique_ptr<AnalysisCommand> commandOf(const AnalysisParts<Flags, Request, OutcomeT>& parts) {
  class Command final : public AnalysisCommand {
   public:
    explicit Command(const AnalysisParts<Flags, Request, OutcomeT>& parts) : parts_(parts) {}
    void addFlags(CLI::App& command) override { parts_.addFlags(command, flags_); }
    std::string read(const RunFlags& run, RunOptions& options) override {
      plot_ = parts_.plotPath(flags_, run);
      return parts_.read(flags_, run, options, request_);
    }
    std::string plotPath() const override { return plot_; }
    AnalysisOutcome run(ScenarioSource& source, const RunOptions& options) override {
      return analysisOutcome(parts_.run(source, request_, options), parts_.format, parts_.plot);
    }

   private:
    const AnalysisParts<Flags, Request, OutcomeT>& parts_;
    Flags flags_;
    Request request_;
    std::string plot_;
  };
  return std::make_unique<Command>(parts);
}

}  // namespace omen::rt
