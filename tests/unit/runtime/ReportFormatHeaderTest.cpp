//===- ReportFormatHeaderTest.cpp - The run header's JSON fields ------------===//

#include <gtest/gtest.h>

#include "runtime/host/ReportFormatHeader.h"

using namespace omen;
using namespace omen::rt;

namespace {

RunHeader header() {
  RunHeader h;
  h.file = "a \"quoted\".omen";
  h.scenario = "s";
  h.engine = "jit";
  h.seed = 7;
  h.trials = 1000;
  h.trialsCompleted = 250;
  h.threads = 2;
  h.seconds = 250;  // whole: nlohmann writes 250.0, the hand-written JSON 250
  h.partial = true;
  return h;
}

TEST(ReportFormatHeader, FieldsInTheOrderNamedWithTheAnalysisOwnAmongThem) {
  nlohmann::ordered_json j =
      headerJson(header(), {"file", {"event", "top"}, "seed", {"trials", uint64_t{250}}, {"alpha", 0.05}, "partial", "version"});
  EXPECT_EQ(j.dump(), "{\"file\":\"a \\\"quoted\\\".omen\",\"event\":\"top\",\"seed\":7,\"trials\":250,\"alpha\":0.05,"
                      "\"partial\":true,\"version\":\"" + std::string(OMEN_VERSION) + "\"}");
  EXPECT_TRUE(j["seed"].is_number_unsigned());
}

TEST(ReportFormatHeader, MembersWrittenByHandReadRealsShortest) {
  EXPECT_EQ(headerJsonMembers(header(), {"scenario", "engine", "trials", "trials_completed", "threads", "seconds",
                                          {"compile_seconds", 0.125}, {"omen", "v"}}),
            "\"scenario\": \"s\", \"engine\": \"jit\", \"trials\": 1000, \"trials_completed\": 250, \"threads\": 2, "
            "\"seconds\": 250, \"compile_seconds\": 0.125, \"omen\": \"v\"");
  EXPECT_EQ(headerJsonMembers(header(), {}), "");
}

}  // namespace
