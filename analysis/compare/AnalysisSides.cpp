//===- AnalysisSides.cpp - The scenario(s) a sweep or solve runs at every point ===//
#include "analysis/compare/AnalysisSides.h"

#include "analysis/compare/CompareSettings.h"
#include "analysis/sweep/Sweep.h"
#include "runtime/host/RunScenarios.h"
#include "runtime/host/Settings.h"

namespace omen::rt {

Failure analysisSides(ScenarioSource& source, const std::string& scenario, const ComparisonRequest& comparison,
                      const std::vector<std::string>& varied, const RunOptions& options,
                      std::vector<AnalysisSide>& sides, std::string& error) {
  auto usage = [&](std::string message) {
    error = std::move(message);
    return Failure::Options;
  };
  size_t indexA = 0, indexB = 0;
  if (std::string e = chooseAnalysisScenario(source, scenario, varied, indexA); !e.empty()) return usage(e);
  const bool comparing = comparison.any();
  if (comparing && !comparison.scenarioB.empty()) {
    if (std::string e = chooseAnalysisScenario(source, comparison.scenarioB, varied, indexB); !e.empty())
      return usage(e);
  } else {
    indexB = indexA;
  }
  if (comparing && indexA == indexB && comparison.setA == comparison.setB)
    return usage(comparison.setA.empty()
                     ? "comparing '" + source.scenarioNames()[indexA] + "' with itself needs --set-a or --set-b to differ"
                     : "--set-a and --set-b are the same; the difference would be exactly 0");

  std::vector<const ScenarioInfo*> infos;
  sides.assign(comparing ? 2 : 1, AnalysisSide{});
  for (size_t s = 0; s < sides.size(); ++s) {
    AnalysisSide& side = sides[s];
    side.index = s == 0 ? indexA : indexB;
    std::string why;
    side.kernel = source.kernel(side.index, why);
    if (!side.kernel) {
      error = "internal error: " + why;
      return Failure::Runtime;
    }
    const ScenarioInfo& info = side.kernel->info();
    infos.push_back(&info);
    for (const std::string& name : varied) {
      const ParamInfo* p = findParam(info, name, why);
      if (!p) return usage(why);
      if (s == 1 && p->type != sides[0].varied[side.varied.size()]->type)
        return usage("param '" + name + "' is an int in one scenario and a real in the other; a comparison varies it on one grid");
      side.varied.push_back(p);
    }
    side.name = info.name;
  }
  if (std::string e = checkSettings(options.overrides, infos); !e.empty()) return usage(e);
  if (std::string e = checkTargets(options.precision, infos); !e.empty()) return usage(e);
  for (size_t s = 0; s < sides.size(); ++s) {
    AnalysisSide& side = sides[s];
    const ScenarioInfo& info = side.kernel->info();
    const char* flag = s == 0 ? "--set-a" : "--set-b";
    const Settings& own = !comparing ? Settings{} : s == 0 ? comparison.setA : comparison.setB;
    if (std::string e = checkSettings(own, {&info}); !e.empty()) return usage(std::string(flag) + ": " + e.substr(e.find(' ') + 1));
    Settings all = options.overrides;
    for (const auto& [name, value] : own) {
      for (const auto& [shared, v] : options.overrides)
        if (shared == name)
          return usage("--set " + name + " and " + flag + " " + name + " name the same param; give it per side only");
      for (const std::string& v : varied)
        if (v == name) return usage(std::string(flag) + " " + name + " names a varied param; drop one");
      all.push_back({name, value});
    }
    if (std::string e = pinSettings(all, info, side.base); !e.empty()) return usage(e);
    DriverOptions driver;
    if (std::string e = driverOptions(options, *side.kernel, driver); !e.empty()) return usage(e);
    side.targets = driver.targets;
    if (comparing && !own.empty()) side.name = sideName(info.name, own);
  }
  return Failure::None;
}

PrecisionOutcome bothSides(const PrecisionOutcome& a, const PrecisionOutcome& b, const std::vector<AnalysisSide>& sides) {
  PrecisionOutcome out{a.met && b.met, a.cap, {}};
  for (const auto& [side, name] : {std::pair{&a, sides[0].name}, std::pair{&b, sides[1].name}})
    for (ReportPrecision r : side->reports) {
      r.target = name + ": " + r.target;
      out.reports.push_back(std::move(r));
    }
  return out;
}

}  // namespace omen::rt
