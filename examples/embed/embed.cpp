// A C++ program that embeds omen: load a scenario, change an assumption, run it, and use the
// estimates as numbers. Built with the project (target omen_embed_example) and run by the tests;
// built alone against an installed omen with examples/embed/CMakeLists.txt.
#include <cstdio>
#include <omen/Omen.h>

int main(int argc, char** argv) {
  const char* file = argc > 1 ? argv[1] : "examples/online_learning.omen";
  auto program = omen::Program::fromFile(file);
  if (!program->ok()) {
    std::fputs(program->diagnostics().c_str(), stderr);
    return 1;
  }

  omen::RunOptions options;
  options.scenarios = {"train_then_deploy"};
  options.trials = 200'000;
  for (const char* p_update : {"0%", "10%", "20%"}) {
    options.overrides = {{"p_update", p_update}};
    omen::RunOutcome outcome = program->run(options);
    if (!outcome.ok()) {
      std::fputs(outcome.error.c_str(), stderr);
      return 1;
    }
    for (const auto& report : outcome.result.scenarios[0].reports)
      if (report.label == "P(catastrophe)")
        std::printf("p_update = %-4s  P(catastrophe) = %.5f ± %.5f\n", p_update, report.estimate,
                    report.stdError);
  }
  return 0;
}
