//===- PlaygroundChecks.cpp - What a playground request may ask for ---------===//
#include <regex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "web/Playground.h"

namespace omen::web {

bool isLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

std::string checkRequestWords(const std::vector<std::string>& words, const PlaygroundOptions& options) {
  uint64_t trials = 100'000, worlds = 1;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    std::string flag = w.substr(0, w.find('='));
    // --plot is the one analysis flag that writes a file; the playground draws its own.
    if (flag == "--plot") return "the playground writes no files: leave out --plot (the page draws the plot)";
    if (flag == "--format") return "leave out --format: the playground reads JSON";
    if (flag == "--stdlib") return "--stdlib is not a flag of a run";
    if (flag != "--trials" && flag != "--worlds" && flag != "--rows") continue;
    std::string value = w.find('=') != std::string::npos ? w.substr(w.find('=') + 1)
                                                         : (i + 1 < words.size() ? words[++i] : "");
    uint64_t count = 0;
    bool tooLarge = false;
    if (!parseCount(value, count, &tooLarge) && !tooLarge) continue;  // the analysis says what is wrong
    if (tooLarge) count = UINT64_MAX;
    if (count > options.maxTrials)
      return flag + " " + value + " is over this playground's limit of " + std::to_string(options.maxTrials) +
             " per request (omen serve --max-trials)";
    if (flag == "--trials") trials = count;
    if (flag == "--worlds") worlds = count;
  }
  if (worlds > 1 && trials > options.maxTrials / worlds)
    return "--worlds " + std::to_string(worlds) + " of --trials " + std::to_string(trials) +
           " is over this playground's limit of " + std::to_string(options.maxTrials) +
           " trials per request (omen serve --max-trials)";
  return "";
}

std::string diagnosticsJson(const Program& program) {
  static const std::regex line(R"(^(.*):(\d+):(\d+): (error|warning|note): (.*)$)");
  nlohmann::json out = nlohmann::json::array();
  std::istringstream text(program.diagnostics());
  for (std::string l; std::getline(text, l);) {
    std::smatch m;
    if (!std::regex_match(l, m, line)) continue;
    out.push_back({{"file", m[1].str()}, {"line", std::stoi(m[2].str())}, {"column", std::stoi(m[3].str())},
                   {"severity", m[4].str()}, {"message", m[5].str()}});
  }
  return out.dump();
}

}  // namespace omen::web
