//===- ServeCommand.cpp - `omen serve [FILE|FOLDER…]` -------------------------===//
//
// Reads the flags and hands them to web/Playground.h. Files given are opened in the editor
// and their folders may be imported from; folders given may be imported from.
//
//===----------------------------------------------------------------------===//
#include <filesystem>
#include <iostream>

#include "tools/omen/Commands.h"
#include "web/Playground.h"

namespace omen::cli {

CLI::App* addServeSubcommand(CLI::App& app, ServeFlags& flags) {
  CLI::App* serve = app.add_subcommand("serve", "A local playground in the browser: edit, check, run, sweep, save as report");
  serve->add_option("paths", flags.paths, "Scenario files to open, and folders imports may read from (default: .)");
  serve->add_option("--port", flags.port, "Port to listen on (default 8765; 0: any free port)")->check(CLI::Range(0, 65535));
  serve->add_option("--host", flags.host, "Address to listen on (default 127.0.0.1; others need --allow-remote)");
  serve->add_flag("--allow-remote", flags.allowRemote,
                  "Let --host be an address other machines reach: anyone who can connect may run scenarios");
  serve->add_option("--max-trials", flags.maxTrials, "Most trials one request may ask for (default 1e8)");
  serve->add_option("--max-seconds", flags.maxSeconds, "A request still running after this long is stopped (default 60)")
      ->check(CLI::PositiveNumber);
  return serve;
}

int serveCommand(const ServeFlags& flags, const LoadOptions& load) {
  namespace fs = std::filesystem;
  web::PlaygroundOptions options;
  options.host = flags.host;
  options.port = flags.port;
  options.maxSeconds = flags.maxSeconds;
  options.load = load;
  if (!web::isLoopbackHost(flags.host) && !flags.allowRemote)
    return usageError("--host " + flags.host +
                          " lets other machines run scenarios here; add --allow-remote if that is meant (docs/security.md)",
                      "serve");
  if (std::string error = parseTrials(flags.maxTrials, options.maxTrials); !error.empty())
    return usageError("--max-trials: " + error, "serve");
  for (const std::string& path : flags.paths.empty() ? std::vector<std::string>{"."} : flags.paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      options.roots.push_back(path);
    } else if (fs::is_regular_file(path, ec) && path.ends_with(".omen")) {
      options.files.push_back(path);
      fs::path folder = fs::path(path).parent_path();
      options.roots.push_back(folder.empty() ? "." : folder.string());
    } else {
      return usageError("'" + path + "' is neither a folder nor an .omen file", "serve");
    }
  }
  return web::servePlayground(options, std::cerr);
}

}  // namespace omen::cli
