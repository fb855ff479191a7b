//===- main.cpp - The `omen` command line -----------------------------------===//
//
// Parses the command line with CLI11 and hands each subcommand to Commands.h. Misuse of the
// command line exits 2 with a hint; errors in the program exit 1.
//
//===----------------------------------------------------------------------===//
#include <CLI/CLI.hpp>
#include <iostream>

#include "tools/omen/Commands.h"

using namespace omen::cli;

int main(int argc, char** argv) {
  CLI::App app{"omen: probabilistic scenarios about trained models, estimated by Monte Carlo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("omen ") + omen::kVersion);
  omen::LoadOptions load;
  app.add_option("--stdlib", load.stdlibDir, "Folder holding std/NAME.omen (default: the installed one)");

  std::vector<std::string> checkFiles;
  CLI::App* check = app.add_subcommand("check", "Parse and type-check files; print diagnostics");
  check->add_option("files", checkFiles, "Scenario files")->required();

  std::string emitFile;
  bool emitAst = false, emitIr = false;
  CLI::App* emit = app.add_subcommand("emit", "Print an internal form of a file (--ast, --ir)");
  emit->add_option("file", emitFile, "Scenario file")->required();
  auto* astFlag = emit->add_flag("--ast", emitAst, "The checked syntax tree");
  auto* irFlag = emit->add_flag("--ir", emitIr, "omen's intermediate representation");
  astFlag->excludes(irFlag);

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
    return usageError(e.what(), sub);
  }

  if (check->parsed()) return checkCommand(checkFiles, load);
  if (emit->parsed()) {
    if (!emitAst && !emitIr) return usageError("say what to emit: --ast or --ir", "emit");
    return emitCommand(emitFile, emitAst ? EmitWhat::Ast : EmitWhat::Ir, load);
  }
  return usageError("unknown command");
}
