//===- ProgramMetadata.cpp - The codec of a built executable's metadata -----===//
#include "runtime/host/ProgramMetadata.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace omen::rt {

namespace {

using Json = nlohmann::json;  // not `json`: unity batches share a namespace with formatters named json()

// JSON has no infinity: an open-ended bound of a support is null.
Json bound(double v) { return std::isfinite(v) ? Json(v) : Json(); }
double bound(const Json& v, double open) { return v.is_number() ? v.get<double>() : open; }

Json encodeScenario(const ScenarioMetadata& s) {
  Json params = Json::array();
  for (const ParamInfo& p : s.info.params) {
    params.push_back({{"name", p.name}, {"type", int(p.type)}, {"uncertain", p.uncertain}, {"epistemic", p.epistemic},
                      {"slot", p.slot}, {"pinnedSlot", p.pinnedSlot}, {"low", bound(p.low)}, {"high", bound(p.high)}});
    if (p.hasRange) params.back()["range"] = {p.lo, p.hi};
  }
  Json reports = Json::array();
  for (size_t r = 0; r < s.info.reports.size(); ++r) {
    const ReportInfo& report = s.info.reports[r];
    reports.push_back({{"label", report.label}, {"kind", int(report.kind)}, {"conditional", report.conditional},
                       {"site", s.reportSites[r]}, {"levels", report.levels}});
    if (const std::optional<Expectation>& e = report.expectation)
      reports.back()["expect"] = {{"op", int(e->op)}, {"lo", bound(e->lo)}, {"hi", bound(e->hi)}, {"bound", e->bound}};
  }
  Json draws = Json::array();
  for (const DrawSite& d : s.info.drawSites) draws.push_back({d.site, d.kind, d.where});
  return {{"name", s.info.name},       {"globalCount", s.info.globalCount}, {"weighted", s.info.weighted},
          {"params", params},          {"reports", reports}, {"drawSites", draws}};
}

ScenarioMetadata decodeScenario(const Json& j) {
  ScenarioMetadata s;
  s.info.name = j.at("name").get<std::string>();
  s.info.globalCount = j.at("globalCount").get<uint32_t>();
  s.info.weighted = j.at("weighted").get<bool>();
  const double inf = std::numeric_limits<double>::infinity();
  for (const Json& p : j.at("params")) {
    ParamInfo info{p.at("name").get<std::string>(), static_cast<ValueType>(p.at("type").get<int>()),
                   p.at("uncertain").get<bool>(), p.at("slot").get<uint32_t>(), p.at("pinnedSlot").get<uint32_t>(),
                   bound(p.at("low"), -inf), bound(p.at("high"), inf)};
    info.epistemic = p.at("epistemic").get<bool>();
    if (p.contains("range")) {
      info.hasRange = true;
      info.lo = p["range"].at(0).get<double>();
      info.hi = p["range"].at(1).get<double>();
    }
    s.info.params.push_back(std::move(info));
  }
  for (const Json& r : j.at("reports")) {
    s.info.reports.push_back({r.at("label").get<std::string>(), static_cast<ReportKind>(r.at("kind").get<int>()),
                              r.at("conditional").get<bool>(), r.at("levels").get<std::vector<double>>()});
    if (r.contains("expect")) {
      const Json& e = r["expect"];
      s.info.reports.back().expectation =
          Expectation{static_cast<Expectation::Op>(e.at("op").get<int>()), bound(e.at("lo"), -inf),
                      bound(e.at("hi"), inf), e.at("bound").get<std::string>()};
    }
    s.reportSites.push_back(r.at("site").get<uint32_t>());
  }
  for (const Json& d : j.at("drawSites"))
    s.info.drawSites.push_back({d.at(0).get<uint32_t>(), d.at(1).get<int>(), d.at(2).get<std::string>()});
  return s;
}

}  // namespace

std::string encodeMetadata(const ProgramMetadata& m) {
  Json scenarios = Json::array();
  for (const ScenarioMetadata& s : m.scenarios) scenarios.push_back(encodeScenario(s));
  Json sites = Json::array();
  for (const SiteText& site : m.sites)
    sites.push_back({{"where", site.where}, {"what", site.what}, {"snippet", site.snippet}});
  return Json{{"file", m.file}, {"scenarioCount", m.scenarioCount}, {"scenarios", scenarios}, {"sites", sites}}.dump();
}

bool decodeMetadata(const std::string& text, ProgramMetadata& out, std::string& error) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    error = "unreadable scenario metadata";
    return false;
  }
  try {
    out.file = doc.at("file").get<std::string>();
    out.scenarioCount = doc.at("scenarioCount").get<size_t>();
    for (const Json& s : doc.at("scenarios")) out.scenarios.push_back(decodeScenario(s));
    for (const Json& s : doc.at("sites"))
      out.sites.push_back({s.at("where").get<std::string>(), s.at("what").get<std::string>(),
                           s.at("snippet").get<std::string>()});
  } catch (const Json::exception& e) {
    error = std::string("scenario metadata without a field: ") + e.what();
    return false;
  }
  return true;
}

}  // namespace omen::rt
