//===- AnalysisFlags.cpp - The flags of `sweep` and `solve` -----------------===//
#include "cli/AnalysisFlags.h"

#include <iostream>

#include "runtime/host/ParamValue.h"
#include "analysis/Gnuplot.h"
#include "analysis/worlds/WorldsFormat.h"
#include "cli/AnalysisDoor.h"

namespace omen::rt {

void addSweepFlags(CLI::App& cmd, SweepFlags& flags) {
  cmd.add_option("--vary", flags.vary,
                 "A param to vary: NAME (its declared range), NAME=LO:HI or NAME=LO:HI:N; give it once or twice")
      ->required();
  cmd.add_option("--points", flags.points, "Points per varied param when N is not given (default 11)");
  cmd.add_flag("--log", flags.log, "Space the points geometrically (every varied param; needs LO > 0)");
  cmd.add_option("--plot", flags.plot, "Also draw the sweep into OUT.svg or OUT.png (needs gnuplot)");
}

void addSolveFlags(CLI::App& cmd, SolveFlags& flags) {
  cmd.add_option("--find", flags.find, "The param to solve for")->required();
  cmd.add_option("--in", flags.in, "The bracket LO:HI to search (default: the param's declared range)");
  cmd.add_option("--where", flags.where, "The target, \"REPORT = VALUE\", e.g. \"P(caught) = 1%\"")->required();
  cmd.add_option("--plot", flags.plot, "Also draw the response and the root into OUT.svg or OUT.png (needs gnuplot)");
}

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out(1);
  for (char c : text)
    if (c == sep)
      out.emplace_back();
    else
      out.back() += c;
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string oneScenario(const std::vector<std::string>& scenarios, std::string& out) {
  if (scenarios.size() > 1) return "an analysis runs one scenario; give --scenario once";
  out = scenarios.empty() ? "" : scenarios[0];
  return "";
}

std::string checkPlotPath(const std::string& plot) {
  if (plot.empty() || plotFormatOf(plot)) return "";
  return "--plot " + plot + ": the file must end in .svg or .png";
}

}  // namespace

std::string readSweepFlags(const SweepFlags& flags, const std::vector<std::string>& scenarios, SweepRequest& out) {
  if (std::string e = oneScenario(scenarios, out.scenario); !e.empty()) return e;
  if (flags.vary.empty() || flags.vary.size() > 2) return "give --vary once or twice (one or two params)";
  if (flags.points < 2) return "--points must be at least 2";
  out.defaultPoints = flags.points;
  for (const std::string& v : flags.vary) {
    SweepAxisRequest axis;
    axis.log = flags.log;
    size_t eq = v.find('=');
    axis.param = trim(v.substr(0, eq));
    if (axis.param.empty()) return "--vary expects NAME, NAME=LO:HI or NAME=LO:HI:N, not '" + v + "'";
    if (eq != std::string::npos) {
      std::vector<std::string> parts = split(v.substr(eq + 1), ':');
      if (parts.size() < 2 || parts.size() > 3 || trim(parts[0]).empty() || trim(parts[1]).empty())
        return "--vary expects NAME, NAME=LO:HI or NAME=LO:HI:N, not '" + v + "'";
      axis.lo = trim(parts[0]);
      axis.hi = trim(parts[1]);
      if (parts.size() == 3) {
        uint64_t n = 0;
        if (!parseCount(trim(parts[2]), n) || n < 2 || n > 10000)
          return "--vary " + v + ": the number of points N must be a whole number from 2 to 10000";
        axis.points = static_cast<uint32_t>(n);
      }
    }
    out.axes.push_back(axis);
  }
  return checkPlotPath(flags.plot);
}

std::string readSolveFlags(const SolveFlags& flags, const std::vector<std::string>& scenarios, SolveRequest& out) {
  if (std::string e = oneScenario(scenarios, out.scenario); !e.empty()) return e;
  out.param = trim(flags.find);
  if (out.param.empty()) return "--find needs the name of a param";
  if (!flags.in.empty()) {
    std::vector<std::string> parts = split(flags.in, ':');
    if (parts.size() != 2 || trim(parts[0]).empty() || trim(parts[1]).empty())
      return "--in expects LO:HI, not '" + flags.in + "'";
    out.lo = trim(parts[0]);
    out.hi = trim(parts[1]);
  }
  size_t eq = flags.where.rfind('=');
  if (eq == std::string::npos || trim(flags.where.substr(0, eq)).empty())
    return "--where expects \"REPORT = VALUE\" (e.g. \"P(caught) = 1%\"), not '" + flags.where + "'";
  out.report = trim(flags.where.substr(0, eq));
  std::string value = trim(flags.where.substr(eq + 1));
  Value v;
  std::string error;
  if (!parseParamValue(value, ValueType::Real, v, error))
    return "--where " + flags.where + ": the target '" + value + "' is not a number such as 0.01, 1% or 1e-3";
  out.target = v.r;
  return checkPlotPath(flags.plot);
}

int finishWorlds(const WorldsOutcome& outcome, OutputFormat format, const std::string& plot, const std::string& tool,
                 const std::string& command) {
  return finishAnalysis(analysisOutcome(outcome, formatWorlds, plotWorlds), format, plot, tool, command, std::cout,
                        std::cerr);
}

}  // namespace omen::rt
