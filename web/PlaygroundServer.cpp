//===- PlaygroundServer.cpp - The playground's HTTP routes (cpp-httplib) -----===//
//
// GET  /                 the page, with the start files' sources in its data
// POST /api/check        {source, name} → {ok, diagnostics}
// POST /api/start        {source, name, action, words} → a job's state (one job at a time)
// GET  /api/job          the current job's state
// POST /api/stop         stops the current job
// POST /api/report       {name, source, run, analyses} → a report page (the source and its
//                        imports), as a download
//
// Every POST must carry the header X-Omen-Playground and JSON: a page of another site cannot
// send either without a CORS preflight, which this server never grants. Requests whose Host
// is not the loopback address it listens on are refused (DNS rebinding).
//
//===----------------------------------------------------------------------===//
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "web/Page.h"
#include "web/Playground.h"
#include "web/PlaygroundJob.h"
#include "web/Report.h"

namespace omen::web {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

constexpr size_t kMaxRequestBytes = 1 << 20;
constexpr size_t kMaxFileBytes = 1 << 20;
constexpr const char* kPageSecurityPolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

// A string field of a request, or "" if it is missing or not a string.
std::string text(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

struct StartFile {
  std::string name, source;
};

class Playground {
 public:
  Playground(const PlaygroundOptions& options, std::vector<StartFile> files)
      : options_(options), files_(std::move(files)) {
    load_ = options.load;
    load_.importRoots = options.roots;
  }

  std::string page() const {
    json data = {{"omen_version", kVersion}, {"limits", {{"trials", options_.maxTrials}, {"seconds", options_.maxSeconds}}}};
    data["files"] = json::array();
    for (const StartFile& f : files_) data["files"].push_back({{"name", f.name}, {"source", f.source}});
    data["analyses"] = json::array();
    for (const AnalysisInfo& info : analyses())
      if (info.unavailable[static_cast<size_t>(Door::Command)].empty())
        data["analyses"].push_back({{"name", info.name}, {"summary", info.summary}});
    return inlinePage(PageKind::Playground, data.dump(), "omen playground");
  }

  // The name a source is checked under: one of the start files (so its imports resolve from
  // its folder), else untitled.omen in the first folder.
  std::string nameFor(const std::string& requested) const {
    for (const StartFile& f : files_)
      if (f.name == requested) return f.name;
    return (fs::path(options_.roots.front()) / "untitled.omen").lexically_normal().string();
  }

  std::unique_ptr<Program> load(const json& body) const {
    return Program::fromString(text(body, "source"), nameFor(text(body, "name")), load_);
  }

  json check(const json& body) const {
    auto program = load(body);
    return {{"ok", program->ok()}, {"diagnostics", json::parse(diagnosticsJson(*program))}, {"text", program->diagnostics()}};
  }

  // Starts a job, or says why not: {"error": …}.
  json start(const json& body) {
    std::lock_guard lock(mutex_);
    if (job_ && !job_->done()) return {{"error", "a run is still going: stop it first"}};
    std::string action = body.contains("action") ? text(body, "action") : "run";
    std::vector<std::string> words;
    if (auto it = body.find("words"); it != body.end() && it->is_array())
      for (const json& w : *it)
        if (w.is_string()) words.push_back(w.get<std::string>());
    if (std::string refused = checkRequestWords(words, options_); !refused.empty()) return {{"error", refused}};
    bool known = action == "run";
    for (const AnalysisInfo& info : analyses())
      known |= info.name == action && info.unavailable[static_cast<size_t>(Door::Command)].empty();
    if (!known) return {{"error", "no action '" + action + "'"}};
    std::shared_ptr<Program> program = load(body);
    if (!program->ok())
      return {{"error", program->diagnostics()}, {"diagnostics", json::parse(diagnosticsJson(*program))}};
    job_.reset();  // the finished one: joins its threads
    job_ = std::make_unique<PlaygroundJob>(
        ++jobs_,
        [program, action, words](const std::atomic<bool>& cancel) {
          return action == "run" ? runWords(*program, words, cancel) : analyzeWords(*program, action, words, cancel);
        },
        options_.maxSeconds);
    return json::parse(job_->state());
  }

  json jobState() const {
    std::lock_guard lock(mutex_);
    return job_ ? json::parse(job_->state()) : json{{"state", "none"}};
  }

  void stop() {
    std::lock_guard lock(mutex_);
    if (job_) job_->stop();
  }

  std::string report(const json& body) const {
    // The editor's text and every file it imports (read under the playground's folders only).
    auto program = load(body);
    json data = {{"omen_version", kVersion}, {"command", "omen serve (the playground's \"save as report\")"},
                 {"file", nameFor(text(body, "name"))}, {"sources", sourcesJson(*program)},
                 {"run", body.contains("run") && body["run"].is_object() ? body["run"] : json(nullptr)},
                 {"analyses", body.contains("analyses") && body["analyses"].is_array() ? body["analyses"] : json::array()},
                 {"interrupted", false}};
    return reportPage(data.dump(), "omen report: " + fs::path(data["file"].get<std::string>()).filename().string());
  }

 private:
  // A run from the words the page sends: --trials, --seed, --scenario, --set, --engine.
  static std::string runWords(const Program& program, const std::vector<std::string>& words,
                              const std::atomic<bool>& cancel) {
    RunOptions options;
    std::string error;
    for (size_t i = 0; i + 1 < words.size() && error.empty(); i += 2) {
      const std::string &flag = words[i], &value = words[i + 1];
      if (flag == "--trials") error = parseTrials(value, options.trials);
      else if (flag == "--seed") error = parseSeed(value, options.seed);
      else if (flag == "--scenario") options.scenarios.push_back(value);
      else if (flag == "--set") error = parseSetting(value, options.overrides.emplace_back());
      else if (flag == "--engine") {
        auto engine = parseEngine(value);
        if (engine) options.engine = *engine;
        else error = "--engine is auto, jit or interp";
      } else error = "a run takes --trials, --seed, --scenario, --set and --engine, not " + flag;
    }
    if (words.size() % 2 && error.empty()) error = words.back() + " needs a value";
    if (!error.empty()) return json{{"status", 2}, {"error", error}}.dump();
    options.cancel = &cancel;
    RunOutcome outcome = program.run(options);
    if (!outcome.ok()) return json{{"status", 1}, {"error", outcome.error}}.dump();
    return json{{"status", isPartial(outcome.result) ? 130 : 0},
                {"result", json::parse(formatRun(outcome.result, OutputFormat::Json))}}
        .dump();
  }

  static std::string analyzeWords(const Program& program, const std::string& name, std::vector<std::string> words,
                                  const std::atomic<bool>& cancel) {
    words.insert(words.end(), {"--format", "json"});
    std::ostringstream out, err;
    int status = program.analyze(name, words, {out, err, "omen", &cancel}, Door::Command);
    json result = json::parse(out.str(), nullptr, false);
    return json{{"status", status}, {"error", err.str()}, {"result", result.is_discarded() ? json(nullptr) : result}}.dump();
  }

  PlaygroundOptions options_;
  LoadOptions load_;
  std::vector<StartFile> files_;
  mutable std::mutex mutex_;
  std::unique_ptr<PlaygroundJob> job_;
  uint64_t jobs_ = 0;
};

// The start files' text; an unreadable one is an error before the server starts.
bool readStartFiles(const std::vector<std::string>& paths, std::vector<StartFile>& out, std::ostream& log) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > kMaxFileBytes) {
      log << "omen: error: cannot serve '" << path << "': not a regular file of at most 1 MiB\n";
      return false;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({path, text.str()});
  }
  return true;
}

bool hostAllowed(const httplib::Request& req, const PlaygroundOptions& options, int port) {
  if (!isLoopbackHost(options.host)) return true;  // --allow-remote: the user chose who may connect
  std::string host = req.get_header_value("Host");
  const std::string suffix = ":" + std::to_string(port);
  if (host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0)
    host.resize(host.size() - suffix.size());
  return isLoopbackHost(host);
}

void sendJson(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

}  // namespace

int servePlayground(const PlaygroundOptions& options, std::ostream& log) {
  std::vector<StartFile> files;
  if (!readStartFiles(options.files, files, log)) return 1;
  Playground playground(options, std::move(files));
  httplib::Server server;
  server.set_payload_max_length(kMaxRequestBytes);
  server.set_read_timeout(10, 0);
  int port = options.port;
  // Out of memory or a bug in a route answers 500 with a sentence, and the server goes on.
  server.set_exception_handler([&](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    log << "omen serve: a request to " << req.path << " failed\n";
    sendJson(res, {{"error", "the server could not answer this request"}}, 500);
  });
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    if (!hostAllowed(req, options, port)) {
      log << "omen serve: refused a request for host '" << req.get_header_value("Host") << "'\n";
      sendJson(res, {{"error", "this server answers requests to its loopback address only"}}, 403);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method == "POST" && (req.get_header_value("X-Omen-Playground") != "1" ||
                                 req.get_header_value("Content-Type").rfind("application/json", 0) != 0)) {
      sendJson(res, {{"error", "requests come from the playground page only"}}, 403);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kPageSecurityPolicy);
    res.set_content(playground.page(), "text/html; charset=utf-8");
  });
  auto withBody = [&](auto handle) {
    return [&, handle](const httplib::Request& req, httplib::Response& res) {
      json body = json::parse(req.body, nullptr, false);
      if (!body.is_object()) return sendJson(res, {{"error", "the request is not a JSON object"}}, 400);
      handle(body, res);
    };
  };
  server.Post("/api/check", withBody([&](const json& body, httplib::Response& res) { sendJson(res, playground.check(body)); }));
  server.Post("/api/start", withBody([&](const json& body, httplib::Response& res) {
                json answer = playground.start(body);
                sendJson(res, answer, answer.contains("error") ? 400 : 200);
              }));
  server.Get("/api/job", [&](const httplib::Request&, httplib::Response& res) { sendJson(res, playground.jobState()); });
  server.Post("/api/stop", withBody([&](const json&, httplib::Response& res) {
                playground.stop();
                sendJson(res, playground.jobState());
              }));
  server.Post("/api/report", withBody([&](const json& body, httplib::Response& res) {
                res.set_header("Content-Disposition", "attachment; filename=\"report.html\"");
                res.set_content(playground.report(body), "text/html; charset=utf-8");
              }));
  if (options.port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) port = 0;
  } else if (!server.bind_to_port(options.host, options.port)) {
    port = 0;
  }
  if (port == 0) {
    log << "omen: error: cannot listen on " << options.host << " port " << options.port << "\n";
    return 1;
  }
  std::string shown = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  log << "omen serve: listening on " << shown << ":" << port << " (open it in a browser; Ctrl-C stops)" << std::endl;
  server.listen_after_bind();
  return 0;
}

}  // namespace omen::web
