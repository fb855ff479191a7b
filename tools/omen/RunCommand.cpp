//===- RunCommand.cpp - `omen run` and `omen compare` -----------------------===//
//
// Loads and checks the file, then reads, runs and prints exactly as an `omen build`
// executable does (cli/CommandLine.h). Ctrl-C stops the run cleanly: the trials
// finished so far are reported, marked partial; a second Ctrl-C kills the process as usual.
//
//===----------------------------------------------------------------------===//
#include <iostream>

#include "tools/omen/Commands.h"

namespace omen::cli {

namespace {

// Reads the flags, then loads and checks `file`: the program, or null with `status` set (its
// diagnostics or the usage error printed).
std::unique_ptr<Program> prepare(const std::string& file, const RunFlags& flags, const std::string& command,
                                 const LoadOptions& load, RunOptions& options, OutputFormat& format, int& status) {
  std::string error = rt::readRunFlags(flags, options, format);
  if (!error.empty()) {
    status = usageError(error, command);
    return nullptr;
  }
  auto program = Program::fromFile(file, load);
  requireSameProgram(*program);
  std::cerr << diagnosticsOf(*program);
  status = kExitProgramError;
  return program->ok() ? std::move(program) : nullptr;
}

}  // namespace

int runCommand(const std::string& file, const RunFlags& flags, const LoadOptions& load) {
  RunOptions options;
  OutputFormat format;
  int status;
  auto program = prepare(file, flags, "run", load, options, format, status);
  if (!program) return status;
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  if (flags.engine == "exact") {
    ExactOptions exact;
    std::string error = rt::readMaxStates(flags, exact.maxStates);
    if (!error.empty()) return usageError(error, "run");
    if (!options.precision.empty()) return usageError("--engine exact needs no --precision: its answers are exact", "run");
    if (options.worlds > 0)
      return rt::finishWorlds(program->runExactWorlds(options, exact), format, flags.plot, "omen", "run");
    return rt::finishExact(program->runExact(options, exact), format, "omen", "run");
  }
  if (options.worlds > 0) return rt::finishWorlds(program->runWorlds(options), format, flags.plot, "omen", "run");
  return rt::finishRun(program->run(options), format, "omen", "run");
}

int compareCommand(const std::string& file, const std::string& a, const std::string& b, const RunFlags& flags,
                   const std::vector<std::string>& setsA, const std::vector<std::string>& setsB,
                   const LoadOptions& load) {
  RunOptions options;
  OutputFormat format;
  int status;
  auto program = prepare(file, flags, "compare", load, options, format, status);
  if (!program) return status;
  std::vector<std::pair<std::string, std::string>> settingsA, settingsB;
  for (auto [sets, out] : {std::pair{&setsA, &settingsA}, std::pair{&setsB, &settingsB}})
    for (const std::string& text : *sets) {
      std::string error = parseSetting(text, out->emplace_back());
      if (!error.empty()) return usageError(error, "compare");
    }
  bool perSide = !settingsA.empty() || !settingsB.empty();
  if (perSide && a != b)
    return usageError("--set-a and --set-b compare one scenario with itself; name it twice (compare FILE " + a + " " +
                          a + " --set-a … --set-b …)",
                      "compare");
  if (a == b && !perSide)
    return usageError("compare needs two different scenarios, or one scenario at two settings (--set-a x=1 --set-b x=2); got '" +
                          a + "' twice",
                      "compare");
  rt::InterruptScope interrupts;
  options.cancel = interrupts.flag();
  CompareOutcome outcome = perSide ? program->compareSettings(a, settingsA, settingsB, options)
                                   : program->compare(a, b, options);
  return rt::finishCompare(outcome, format, "omen", "compare");
}

}  // namespace omen::cli
