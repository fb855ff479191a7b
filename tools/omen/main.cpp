//===- main.cpp - The `omen` command line -----------------------------------===//
//
// Parses the command line with CLI11 and hands each subcommand to Commands.h. Misuse of the
// command line exits 2 with a hint; errors in the program exit 1.
//
//===----------------------------------------------------------------------===//
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <new>
#include <unistd.h>

#include "core/Fingerprint.h"
#include "tools/omen/Commands.h"
#include "tools/omen/Repl.h"

using namespace omen::cli;

static int dispatch(int argc, char** argv) {
  omen::rt::startProcess(argc, argv);  // under mpirun: one rank of the run
  // Under mpirun every rank must be running the same command: the same omen, and the same
  // command line (command, files, flags, --set, --seed, --trials, --scenario, --engine...),
  // compared before anything is parsed or run; the program's files are compared once loaded
  // (requireSameProgram).
  {
    std::string line;
    for (int i = 1; i < argc; ++i) line += std::string(argv[i]) + '\0';
    omen::rt::cluster::requireSameInput(
        {{"the omen version and build", std::string(omen::kVersion) + " " + __VERSION__ + " " +
                                            std::to_string(sizeof(void*) * 8) + "-bit"},
         {"the command line", omen::fingerprint(line)}},
        "omen");
  }
  CLI::App app{"omen: probabilistic scenarios about trained models, estimated by Monte Carlo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("omen ") + omen::kVersion);
  omen::LoadOptions load;
  app.add_option("--stdlib", load.stdlibDir, "Folder holding std/NAME.omen (default: the installed one)");

  std::vector<std::string> checkFiles;
  CLI::App* check = app.add_subcommand("check", "Parse and type-check files; print diagnostics");
  check->add_option("files", checkFiles, "Scenario files")->required();

  EmitFlags emitFlags;
  CLI::App* emit = app.add_subcommand("emit", "Print one stage of the compiler: --ast, --ir-after STAGE, --ir, --llvm, --asm or --obj; or --jani, one scenario as a JANI model");
  emit->add_option("file", emitFlags.file, "Scenario file")->required();
  const std::pair<const char*, omen::EmitKind> stages[] = {
      {"--ast", omen::EmitKind::Ast}, {"--ir", omen::EmitKind::Ir}, {"--llvm", omen::EmitKind::Llvm},
      {"--asm", omen::EmitKind::Assembly}, {"--obj", omen::EmitKind::Object}, {"--jani", omen::EmitKind::Jani}};
  std::vector<CLI::Option*> stageFlags;
  for (const auto& [flag, what] : stages)
    stageFlags.push_back(emit->add_flag_callback(flag, [&emitFlags, what = what] { emitFlags.what = what; },
                                                 "Emit this stage"));
  std::string irStageNames;
  for (const std::string& stage : omen::Program::irStages()) irStageNames += (irStageNames.empty() ? "" : ", ") + stage;
  stageFlags.push_back(emit->add_option("--ir-after", emitFlags.irStage,
                                        "Emit the IR as it leaves this stage of the pipeline: " + irStageNames +
                                            " (docs/architecture.md)")
                           ->check(CLI::IsMember(omen::Program::irStages())));
  for (CLI::Option* a : stageFlags)
    for (CLI::Option* b : stageFlags)
      if (a != b) a->excludes(b);
  emit->add_option("--scenario", emitFlags.scenarios, "Only this scenario's kernel (repeatable)");
  emit->add_option("-o", emitFlags.output, "Write to this file instead of stdout (never the input; an existing file only with --force)");
  emit->add_flag("--force", emitFlags.force, "Let -o replace an existing file");

  std::vector<std::string> docTargets;
  CLI::App* doc = app.add_subcommand("doc", "Print the declarations of a file or std module (e.g. std.scaling) with their comments");
  doc->add_option("targets", docTargets, "Files or std.NAME modules")->required();

  std::string buildFile, buildOutput;
  std::vector<std::string> buildScenarios;
  CLI::App* build = app.add_subcommand("build", "Compile a file ahead of time into a standalone executable");
  build->add_option("file", buildFile, "Scenario file")->required();
  build->add_option("-o", buildOutput, "The executable to write (replaces only an executable omen built, unless --force)")->required();
  bool buildForce = false;
  build->add_flag("--force", buildForce, "Let -o replace an existing file that is not an executable omen built");
  build->add_option("--scenario", buildScenarios, "Only this scenario (repeatable; default: all)");
  std::string buildPolicy;
  build->add_option("--policy", buildPolicy,
                    "The strategy compiled in for the scenarios' `choose` statements: the JSON of omen worst --exact");

  RunFlags runFlags;
  std::string runFile;
  CLI::App* run = app.add_subcommand("run", "Run the scenarios of a file and print their reports");
  run->add_option("file", runFile, "Scenario file")->required();
  omen::rt::addRunFlags(*run, runFlags, {.worlds = true, .exact = true});

  RunFlags compareFlags;
  std::string compareFile, scenarioA, scenarioB;
  CLI::App* compare = app.add_subcommand(
      "compare", "Run two scenarios on common random numbers and print the paired difference of each shared report");
  compare->add_option("file", compareFile, "Scenario file")->required();
  compare->add_option("a", scenarioA, "First scenario")->required();
  compare->add_option("b", scenarioB, "Second scenario")->required();
  omen::rt::addRunFlags(*compare, compareFlags, {.scenario = false});
  std::vector<std::string> setsA, setsB;
  compare->add_option("--set-a", setsA, "Compare one scenario at two settings: name=value for side A (repeatable)");
  compare->add_option("--set-b", setsB, "… and for side B");

  // Every registered analysis (sweep, solve, sensitivity, worst, worlds, …): its words are
  // parsed by the registry's door, with its flags.
  omen::rt::addAnalysisSubcommands(app);

  ReportFlags reportFlags;
  CLI::App* report = addReportSubcommand(app, reportFlags);
  ServeFlags serveFlags;
  CLI::App* serve = addServeSubcommand(app, serveFlags);

  ReplFlags replFlags;
  CLI::App* repl = addReplSubcommand(app, replFlags);
  if (argc == 1 && isatty(STDIN_FILENO)) return replCommand(replFlags, load);  // `omen` alone

  // CLI11 would only say "A subcommand is required" for a mistyped command.
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' && std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
    return usageError(omen::rt::unknownCommand(argv[1], commands));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string sub;
    for (CLI::App* s : app.get_subcommands()) sub = s->get_name();
    return usageError(omen::rt::describeParseError(e), sub);
  }

  // Out of memory in any command (a size no check foresaw) is a clear error with status 1,
  // never `terminate called ... std::bad_alloc` and SIGABRT.
  try {
    if (run->parsed()) return runCommand(runFile, runFlags, load);
    if (compare->parsed()) return compareCommand(compareFile, scenarioA, scenarioB, compareFlags, setsA, setsB, load);
    std::vector<std::string> analysisArgs;
    if (const omen::rt::AnalysisDescriptor* analysis = omen::rt::parsedAnalysis(app, analysisArgs))
      return omen::runAnalysisCommand(analysis->name, analysisArgs, load, {std::cout, std::cerr});
    if (check->parsed()) return checkCommand(checkFiles, load);
    if (report->parsed()) return reportCommand(reportFlags, std::vector<std::string>(argv, argv + argc), load);
    if (serve->parsed()) return serveCommand(serveFlags, load);
    if (repl->parsed()) return replCommand(replFlags, load);
    if (doc->parsed()) return docCommand(docTargets, load);
    if (build->parsed()) return buildCommand(buildFile, buildOutput, buildScenarios, buildForce, buildPolicy, load);
    if (emit->parsed()) {
      bool chosen = false;
      for (CLI::Option* o : stageFlags) chosen |= o->count() > 0;
      if (!chosen) return usageError("say what to emit: --ast, --ir-after STAGE, --ir, --llvm, --asm, --obj or --jani", "emit");
      return emitCommand(emitFlags, load);
    }
  } catch (const std::bad_alloc&) {
    return omen::rt::reportOutOfMemory("omen");
  }
  return usageError("unknown command");
}

// Whatever a command printed must have reached stdout: a full disk is an error, not exit 0.
int main(int argc, char** argv) { return omen::rt::finishStdout(dispatch(argc, argv), "omen"); }
