//===- WebTest.cpp - The report page's assembly and the playground's checks ---===//
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>

#include "web/Page.h"
#include "web/Playground.h"
#include "web/PlaygroundJob.h"
#include "web/ShellWords.h"

namespace omen::web {
namespace {

TEST(Page, DataCannotCloseItsScriptElement) {
  std::string page = inlinePage(PageKind::Report, R"({"source": "</script><script>alert(1)</script>"})", "<b>t</b>");
  EXPECT_EQ(page.find("</script><script>alert"), std::string::npos);
  EXPECT_NE(page.find(R"(\u003c/script>\u003cscript>alert(1))"), std::string::npos);
  EXPECT_NE(page.find("<title>&lt;b&gt;t&lt;/b&gt;</title>"), std::string::npos);
}

TEST(Page, NamesNoUrlAndInlinesEveryScript) {
  for (PageKind kind : {PageKind::Report, PageKind::Playground}) {
    std::string page = inlinePage(kind, "{}", "t");
    EXPECT_EQ(page.find("://"), std::string::npos);
    EXPECT_EQ(page.find(" src="), std::string::npos);
    EXPECT_EQ(page.find("<!--omen:"), std::string::npos) << "a marker left unfilled";
    EXPECT_NE(page.find("omen.highlighter"), std::string::npos);
  }
}

TEST(ShellWords, SplitsAndQuotesBackToTheSameWords) {
  std::string error;
  std::vector<std::string> words = shellWords(R"(solve --where "P(x) = 1%" --set 'a=it''s' plain)", error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(words, (std::vector<std::string>{"solve", "--where", "P(x) = 1%", "--set", "a=its", "plain"}));
  std::vector<std::string> plain = {"a b", "", "$(rm -rf x)", "p=0:1:5", "P(x) = 1%"};
  EXPECT_EQ(shellWords(shellQuote(plain), error), plain);
  shellWords("say \"unclosed", error);
  EXPECT_EQ(error, "unclosed \"");
}

// The page's commands are for a shell: /bin/sh reads them back into the same words.
TEST(ShellWords, QuotedLinesAreWhatAShellReads) {
  std::vector<std::string> tricky = {"it's", "a b", "$(touch x)", "`id`", "P(x) = 1%", "--report", "\\n"};
  std::string line = "printf '%s\\n' " + shellQuote(tricky);
  FILE* sh = popen(line.c_str(), "r");
  ASSERT_NE(sh, nullptr);
  std::vector<std::string> read;
  char buffer[256];
  while (fgets(buffer, sizeof buffer, sh)) read.emplace_back(buffer, strcspn(buffer, "\n"));
  pclose(sh);
  EXPECT_EQ(read, tricky) << line;
}

TEST(Playground, LoopbackHosts) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"}) EXPECT_TRUE(isLoopbackHost(host)) << host;
  for (const char* host : {"0.0.0.0", "192.168.1.2", "example.org", "::", "localhost.example.org"})
    EXPECT_FALSE(isLoopbackHost(host)) << host;
}

TEST(Playground, RequestWordsWithinLimits) {
  PlaygroundOptions options;
  options.maxTrials = 1'000'000;
  EXPECT_EQ(checkRequestWords({"--trials", "1e6", "--seed", "3"}, options), "");
  EXPECT_EQ(checkRequestWords({"--trials", "1e12"}, options),
            "--trials 1e12 is over this playground's limit of 1000000 per request (omen serve --max-trials)");
  EXPECT_NE(checkRequestWords({"--trials=2e6"}, options), "");
  EXPECT_NE(checkRequestWords({"--trials", "1e300"}, options), "") << "a count too large to read is over the limit too";
  EXPECT_NE(checkRequestWords({"--worlds", "1000", "--trials", "10000"}, options).find("--worlds 1000 of --trials 10000"),
            std::string::npos);
  EXPECT_EQ(checkRequestWords({"--worlds", "100", "--trials", "10000"}, options), "");
  EXPECT_NE(checkRequestWords({"--vary", "p", "--plot", "/tmp/x.svg"}, options).find("writes no files"), std::string::npos);
  EXPECT_NE(checkRequestWords({"--plot=/home/x/.bashrc"}, options), "");
  EXPECT_NE(checkRequestWords({"--format", "csv"}, options), "");
}

}  // namespace
}  // namespace omen::web

namespace omen::web {
namespace {

// A job still running at its time limit is stopped through the same flag as the stop
// button, and says it timed out; a stopped job says it was stopped.
TEST(PlaygroundJob, TheWatchdogStopsAJobAtItsTimeLimit) {
  auto untilCancelled = [](const std::atomic<bool>& cancel) {
    while (!cancel.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return std::string(R"({"status": 130})");
  };
  PlaygroundJob timed(1, untilCancelled, 0.05);
  while (!timed.done()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_NE(timed.state().find(R"("timed_out":true)"), std::string::npos) << timed.state();
  EXPECT_NE(timed.state().find(R"("answer":{"status":130})"), std::string::npos) << timed.state();

  PlaygroundJob stopped(2, untilCancelled, 60);
  EXPECT_NE(stopped.state().find(R"("state":"running")"), std::string::npos);
  stopped.stop();
  while (!stopped.done()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_NE(stopped.state().find(R"("stopped":true,"timed_out":false)"), std::string::npos) << stopped.state();
}

}  // namespace
}  // namespace omen::web
