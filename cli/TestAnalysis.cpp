//===- TestAnalysis.cpp - `test` in the analysis registry ---------------------===//
//
// Model tests (analysis/expect/ExpectTest.h): `test FILE [--alpha A] [--trials CAP]` decides
// every `expect` statement by a sequential test at error rate A (default 5%), running each
// scenario that has expectations until all of them are decided or CAP trials (default 1e7)
// have run. The exit status says how it went (finishAnalysis: 0 every expectation passed,
// 1 one failed, 3 none failed but one is undecided).
//
//===----------------------------------------------------------------------===//
#include <cstdlib>

#include "analysis/expect/ExpectTest.h"
#include "analysis/expect/ExpectTestFormat.h"
#include "cli/AnalysisRegistry.h"

namespace omen::rt {

namespace {

struct TestFlags {
  std::string alpha;
};

// "5%" or "0.05".
std::string readAlpha(const std::string& text, double& out) {
  if (text.empty()) return "";
  bool percent = text.back() == '%';
  std::string digits = percent ? text.substr(0, text.size() - 1) : text;
  char* end = nullptr;
  double value = digits.empty() ? 0 : std::strtod(digits.c_str(), &end);
  if (digits.empty() || end != digits.c_str() + digits.size()) return "--alpha must be a number, e.g. 5% or 0.01";
  if (percent) value /= 100;
  if (!(value > 0 && value <= 0.5)) return "--alpha must lie in (0, 50%], got " + text;
  out = value;
  return "";
}

const AnalysisParts<TestFlags, TestRequest, TestOutcome> kParts{
    [](CLI::App& command, TestFlags& flags) {
      command.add_option("--alpha", flags.alpha,
                         "The error rate each expectation is decided at: a true one fails with at most this "
                         "probability (default 5%; e.g. 1% or 0.01)");
    },
    [](const TestFlags& flags, const RunFlags& run, RunOptions& options, TestRequest& request) {
      if (!options.precision.empty())
        return std::string("test stops on its expectations; --precision and --rel-precision do not apply");
      if (!run.trialsGiven) options.trials = kDefaultTestCap;
      return readAlpha(flags.alpha, request.alpha);
    },
    runTests,
    formatTest,
    nullptr,
    [](const TestFlags&, const RunFlags&) { return std::string(); },
};

}  // namespace

extern const AnalysisDescriptor kTestAnalysis{
    "test", "Model tests: decide each expect statement by a sequential test at a stated error rate", {}, {},
    [] { return commandOf(kParts); }, /*severalFiles=*/true};

}  // namespace omen::rt
