//===- Analyses.cpp - The registry's doors in the public API ----------------===//
//
// `omen NAME FILE …` (runAnalysisCommand), the REPL's `:NAME …` and Python's
// `Program.analyze` (Program::analyze): each opens the program's scenarios on the engine the
// flags chose and hands the rest to the registry's one door (cli/AnalysisDoor.h).
//
//===----------------------------------------------------------------------===//
#include <ostream>

#include "api/ProgramImpl.h"
#include "cli/AnalysisDoor.h"
#include "core/ClosestName.h"
#include "runtime/host/Cluster.h"

namespace omen {

namespace {

// The analysis called `name`, or null with the error printed.
const rt::AnalysisDescriptor* findOrSay(const std::string& name, const AnalysisIo& io) {
  if (const rt::AnalysisDescriptor* analysis = rt::findAnalysis(name)) return analysis;
  std::vector<std::string> names;
  for (const rt::AnalysisDescriptor* a : rt::analysisRegistry()) names.push_back(a->name);
  std::string close = closestName(name, names);
  io.err << io.tool << ": error: no analysis named '" << name << "'"
         << (close.empty() ? "" : "; did you mean '" + close + "'?") << "\n";
  return nullptr;
}

// `program`'s scenarios on `engine`, kept in `source`; null with the error printed.
rt::ScenarioSource* openProgram(const Program& program, Program::Impl& impl, Engine engine,
                                std::unique_ptr<IrScenarioSource>& source, std::ostream& err, int& status) {
  std::string error;
  Failure failure = lowerForRun(program, impl, error);
  if (failure != Failure::None) {
    err << error;
    status = failure == Failure::Options ? rt::kExitUsage : rt::kExitProgramError;
    return nullptr;
  }
  source = std::make_unique<IrScenarioSource>(impl, engine);
  return source.get();
}

}  // namespace

int Program::analyze(const std::string& name, const std::vector<std::string>& args, const AnalysisIo& io,
                     Door door) const {
  const rt::AnalysisDescriptor* analysis = findOrSay(name, io);
  if (!analysis) return rt::kExitUsage;
  std::unique_ptr<IrScenarioSource> source;
  return rt::runAnalysis(*analysis, args, door, /*withFile=*/false, io,
                         [&](const std::string&, Engine engine, std::ostream& err, int& status) {
                           return openProgram(*this, *impl_, engine, source, err, status);
                         });
}

int runAnalysisCommand(const std::string& name, const std::vector<std::string>& args, const LoadOptions& load,
                       const AnalysisIo& io) {
  const rt::AnalysisDescriptor* analysis = findOrSay(name, io);
  if (!analysis) return rt::kExitUsage;
  std::unique_ptr<Program> program;
  std::unique_ptr<IrScenarioSource> source;
  return rt::runAnalysis(*analysis, args, Door::Command, /*withFile=*/true, io,
                         [&](const std::string& file, Engine engine, std::ostream& err,
                             int& status) -> rt::ScenarioSource* {
                           source.reset();  // it refers to the program it replaces
                           program = Program::fromFile(file, load);
                           // Under mpirun: every rank loaded the same program (Cluster.h).
                           rt::cluster::requireSameInput(
                               {{"the program (its file and imports)", program->sourceFingerprint()}}, "omen");
                           err << program->diagnostics();  // the errors, or the warnings
                           if (!program->ok()) return nullptr;
                           return openProgram(*program, *program->impl_, engine, source, err, status);
                         });
}

}  // namespace omen
