//===- AotTest.cpp - `omen build` executables -------------------------------===//
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

#include "backend/llvm/Aot.h"
#include "tests/unit/backend/EngineParityTestSupport.h"

namespace omen::testing {
namespace {

std::string shell(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  int raw = pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

class AotTest : public ::testing::Test {
 protected:
  std::string build(const std::string& text, const std::string& name) {
    lowered_ = lowerSource(text, name);
    EXPECT_TRUE(lowered_->ir) << lowered_->errors;
    if (!lowered_->ir) return "";
    std::vector<const ir::Scenario*> scenarios;
    for (const ir::Scenario& s : lowered_->ir->scenarios) scenarios.push_back(&s);
    std::string exe = ::testing::TempDir() + "omen-aot-test-" + std::to_string(::getpid()) + "-" + name;
    std::string error;
    EXPECT_TRUE(llvmgen::buildExecutable(*lowered_->ir, lowered_->sources, name, scenarios, exe, error)) << error;
    built_.push_back(exe);
    return exe;
  }
  void TearDown() override {
    for (const std::string& exe : built_) std::remove(exe.c_str());
  }
  std::unique_ptr<Lowered> lowered_;
  std::vector<std::string> built_;
};

TEST_F(AotTest, RunsWithoutLlvmAndTakesTheRunFlags) {
  std::string exe = build(R"(
scenario first {
  param p = 0.5
  event hit
  phase a for 1 { with probability p { trigger hit } }
  report P(hit)
}
scenario second { param q = 2
  report E(q) }
)",
                          "flags.omen");
  int status = 0;
  std::string libs = shell("ldd " + exe, status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(libs.find("libLLVM"), std::string::npos) << libs;

  std::string csv = shell(exe + " --format csv --trials 1000 --set p=1 --scenario first", status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(csv.find("first,P(hit),probability,1.0,"), std::string::npos) << csv;  // CSV reals read as floats
  EXPECT_EQ(csv.find("second"), std::string::npos) << csv;
  std::string both = shell(exe + " --format csv --trials 10", status);
  EXPECT_NE(both.find("second,E(q),mean,2"), std::string::npos) << both;

  shell(exe + " --trials nope 2>/dev/null", status);
  EXPECT_EQ(status, 2);
  shell(exe + " --set nothing=1 2>/dev/null", status);
  EXPECT_EQ(status, 2);
}

TEST_F(AotTest, RuntimeErrorsReadAsOmenRunPrintsThem) {
  std::string exe = build("scenario s {\n  state y = normal(0, 1)\n  state z = beta(y, 1)\n  report E(z)\n}\n",
                          "errors.omen");
  int status = 0;
  std::string err = shell(exe + " --trials 100 2>&1 >/dev/null", status);
  EXPECT_EQ(status, 1);
  EXPECT_EQ(err.rfind("errors.omen:3:13: runtime error: ", 0), 0u) << err;
  EXPECT_NE(err.find("  state z = beta(y, 1)\n"), std::string::npos) << err;
  // The same trial fails as on the interpreter.
  std::string error;
  auto interp = interp::compileScenario(*lowered_->ir, lowered_->ir->scenarios[0], error);
  ASSERT_TRUE(interp) << error;
  EngineRun reference = runEngine(*interp, 1, 100, 100);
  ASSERT_FALSE(reference.ok);
  EXPECT_NE(err.find("note: in trial " + std::to_string(reference.failedTrial) + " of scenario 's'\n"),
            std::string::npos)
      << err;
}

}  // namespace
}  // namespace omen::testing
