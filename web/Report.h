//===- Report.h - `omen report`: a scenario, its results and plots as one page ===//
//
// Runs the scenarios of a file and the analyses asked for through the public API, each
// printing the same JSON document as `omen run --format json` / `omen NAME --format json`,
// and puts those documents with the file's source into the report page (web/assets/). The
// page draws its tables and plots from exactly those documents, so its numbers are the
// command line's.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "omen/Omen.h"

namespace omen::web {

struct ReportRequest {
  std::string file;                ///< the scenario file, as given
  std::string commandLine;         ///< the command that made the report, shown on the page
  RunOptions options;              ///< the run, read from `runWords` by the caller
  std::vector<std::string> runWords;  ///< the run flags as flag, value pairs (--trials N, --seed K…)
  /// Each analysis: its name and its flags (`sweep --vary x`), as `omen NAME FILE` takes them.
  std::vector<std::vector<std::string>> analyses;
  LoadOptions load;
  const std::atomic<bool>* cancel = nullptr;
};

struct ReportOutcome {
  /// 0, 1 (an error in the program: nothing to show), 2 (a usage error), 130 (interrupted:
  /// the page shows what finished, marked partial).
  int status = 0;
  std::string html;    ///< empty when there is no page to write
  std::string errors;  ///< diagnostics and analyses' messages, for stderr
};

/// Whether a run was cut short (its header or any scenario marked partial).
bool isPartial(const RunResult& result);

/// The report page of `request.file`. The run uses `runWords`; each analysis gets them too,
/// except the flags it sets itself.
ReportOutcome buildReport(const ReportRequest& request);

/// Every file `program` read, main file first, as the page's `sources`: [{name, text}].
nlohmann::ordered_json sourcesJson(const Program& program);

/// The data of a report page: the sources, the run's JSON and each analysis's JSON.
/// `omen serve` builds its "save as report" page from the same fields.
std::string reportPage(const std::string& dataJson, const std::string& title);

}  // namespace omen::web
