//===- Playground.h - `omen serve`: a scenario editor and runner in the browser ===//
//
// A local HTTP server (cpp-httplib) that serves one page (web/assets/playground.html) and a
// small JSON API: check a source, run it or an analysis of it, poll, stop, and turn results
// into a report page. Its trust model is in docs/security.md: it listens on the loopback
// address unless told otherwise, reads only the files and folders it was started with (and
// the stdlib), refuses requests over its limits, and never writes a file.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "omen/Omen.h"

namespace omen::web {

struct PlaygroundOptions {
  std::vector<std::string> files;  ///< scenario files opened in the editor's list
  std::vector<std::string> roots;  ///< folders imports may read from (the files' folders too)
  std::string host = "127.0.0.1";
  int port = 8765;                 ///< 0: any free port (printed)
  uint64_t maxTrials = 100'000'000;  ///< per request: --trials, and --worlds × --trials
  double maxSeconds = 60;            ///< per request: a run still going then is stopped
  LoadOptions load;
};

/// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool isLoopbackHost(const std::string& host);

/// "" if `words` (an action's flags) are within `options`' limits and write nothing, else
/// the error to show: --plot and --format are refused, --trials over the limit is refused.
std::string checkRequestWords(const std::vector<std::string>& words, const PlaygroundOptions& options);

/// The diagnostics of `program` as JSON: [{file, line, column, severity, message}], from
/// the same text `omen check` prints.
std::string diagnosticsJson(const Program& program);

/// Serves until the process is stopped; `log` gets the address and each refused request.
/// Returns 1 if the address cannot be bound.
int servePlayground(const PlaygroundOptions& options, std::ostream& log);

}  // namespace omen::web
