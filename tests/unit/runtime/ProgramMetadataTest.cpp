// The metadata a built executable carries reads back as it was written: every field of
// every param, report and site, open-ended supports included.
#include <gtest/gtest.h>

#include <limits>

#include "runtime/host/ProgramMetadata.h"

namespace omen::rt {
namespace {

ProgramMetadata sample() {
  ProgramMetadata m;
  m.file = "dir/model.omen";
  m.scenarioCount = 1;
  ScenarioMetadata s;
  s.info.name = "s";
  s.info.globalCount = 7;
  const double inf = std::numeric_limits<double>::infinity();
  ParamInfo ranged{"p", ValueType::Real, false, 3, 0};
  ranged.hasRange = true;
  ranged.lo = 0.01;
  ranged.hi = 0.5;
  ParamInfo drawn{"u", ValueType::Real, true, 4, 5, 0.0, inf};
  drawn.epistemic = true;
  ParamInfo whole{"k", ValueType::Int, true, 6, 1, -inf, 10};
  s.info.params = {ranged, drawn, whole};
  s.info.reports = {{"hit", ReportKind::Probability, false, {}}, {"q", ReportKind::Quantiles, true, {0.1, 0.9}}};
  s.reportSites = {12, 40};
  m.scenarios = {s, s};
  m.scenarios[1].info.name = "s (params)";
  m.sites = {{"model.omen:3:5: ", "with probability", "  3 | x\n    | ^\n"}, {"", "report", ""}};
  return m;
}

void expectSameParam(const ParamInfo& a, const ParamInfo& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.uncertain, b.uncertain);
  EXPECT_EQ(a.slot, b.slot);
  EXPECT_EQ(a.pinnedSlot, b.pinnedSlot);
  EXPECT_EQ(a.low, b.low);
  EXPECT_EQ(a.high, b.high);
  EXPECT_EQ(a.hasRange, b.hasRange);
  EXPECT_EQ(a.lo, b.lo);
  EXPECT_EQ(a.hi, b.hi);
  EXPECT_EQ(a.epistemic, b.epistemic);
}

TEST(ProgramMetadata, RoundTripsEveryField) {
  ProgramMetadata in = sample(), out;
  std::string error;
  ASSERT_TRUE(decodeMetadata(encodeMetadata(in), out, error)) << error;
  EXPECT_EQ(out.file, in.file);
  EXPECT_EQ(out.scenarioCount, in.scenarioCount);
  ASSERT_EQ(out.scenarios.size(), in.scenarios.size());
  for (size_t i = 0; i < in.scenarios.size(); ++i) {
    const ScenarioMetadata &a = in.scenarios[i], &b = out.scenarios[i];
    EXPECT_EQ(a.info.name, b.info.name);
    EXPECT_EQ(a.info.globalCount, b.info.globalCount);
    ASSERT_EQ(a.info.params.size(), b.info.params.size());
    for (size_t p = 0; p < a.info.params.size(); ++p) expectSameParam(a.info.params[p], b.info.params[p]);
    ASSERT_EQ(a.info.reports.size(), b.info.reports.size());
    for (size_t r = 0; r < a.info.reports.size(); ++r) {
      EXPECT_EQ(a.info.reports[r].label, b.info.reports[r].label);
      EXPECT_EQ(a.info.reports[r].kind, b.info.reports[r].kind);
      EXPECT_EQ(a.info.reports[r].conditional, b.info.reports[r].conditional);
      EXPECT_EQ(a.info.reports[r].levels, b.info.reports[r].levels);
    }
    EXPECT_EQ(a.reportSites, b.reportSites);
  }
  ASSERT_EQ(out.sites.size(), in.sites.size());
  for (size_t i = 0; i < in.sites.size(); ++i) {
    EXPECT_EQ(out.sites[i].where, in.sites[i].where);
    EXPECT_EQ(out.sites[i].what, in.sites[i].what);
    EXPECT_EQ(out.sites[i].snippet, in.sites[i].snippet);
  }
  // Encoding what was decoded gives the same text: nothing is lost or added on the way.
  EXPECT_EQ(encodeMetadata(out), encodeMetadata(in));
}

TEST(ProgramMetadata, RefusesTextItDidNotWrite) {
  ProgramMetadata out;
  std::string error;
  EXPECT_FALSE(decodeMetadata("not json", out, error));
  EXPECT_FALSE(error.empty());
  error.clear();
  EXPECT_FALSE(decodeMetadata(R"({"file": "x", "scenarioCount": 1, "scenarios": [{"name": "s"}], "sites": []})", out,
                              error));
  EXPECT_NE(error.find("field"), std::string::npos) << error;
}

}  // namespace
}  // namespace omen::rt
