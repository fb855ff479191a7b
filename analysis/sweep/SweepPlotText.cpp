//===- SweepPlotText.cpp - A sweep drawn in a terminal ----------------------===//
//
// For a quick look without leaving the shell or the REPL: per report, the estimate (`*`)
// and its 95% band (`:`) against x, or for two params a grid shaded by the estimate. Plain
// ASCII so it survives any terminal, log or paste; `--plot` draws the real figure.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "omen/Analysis.h"

namespace omen {

namespace {

std::string tick(double v) { return fmt::format("{:.4g}", v); }

std::string lineChart(const SweepResult& s, size_t r, int width, int height) {
  const SweepAxis& axis = s.axes[0];
  double lo = INFINITY, hi = -INFINITY;
  for (const SweepPoint& p : s.points) {
    const ReportResult& rep = p.reports[r];
    if (rep.undefined) continue;
    lo = std::min({lo, rep.estimate, rep.hasSpread ? rep.ciLow : rep.estimate});
    hi = std::max({hi, rep.estimate, rep.hasSpread ? rep.ciHigh : rep.estimate});
  }
  if (!(lo <= hi)) return "";
  if (hi == lo) hi = lo + (lo == 0 ? 1 : std::abs(lo) * 0.01);
  double x0 = axis.values.front(), x1 = axis.values.back();
  auto col = [&](double x) {
    double f = axis.log ? (std::log(x) - std::log(x0)) / (std::log(x1) - std::log(x0)) : (x - x0) / (x1 - x0);
    return std::clamp(int(std::lround(f * (width - 1))), 0, width - 1);
  };
  auto row = [&](double y) { return std::clamp(int(std::lround((hi - y) / (hi - lo) * (height - 1))), 0, height - 1); };
  std::vector<std::string> grid(height, std::string(width, ' '));
  for (const SweepPoint& p : s.points) {
    const ReportResult& rep = p.reports[r];
    if (rep.undefined) continue;
    int c = col(p.at[0]);
    if (rep.hasSpread)
      for (int y = row(rep.ciHigh); y <= row(rep.ciLow); ++y) grid[y][c] = ':';
    grid[row(rep.estimate)][c] = '*';
  }
  std::string top = tick(hi), bottom = tick(lo);
  size_t margin = std::max(top.size(), bottom.size());
  std::string out = s.points[0].reports[r].label + "\n";
  for (int y = 0; y < height; ++y) {
    std::string label = y == 0 ? top : y == height - 1 ? bottom : "";
    out += std::string(margin - label.size(), ' ') + label + " |" + grid[y] + "\n";
  }
  out += std::string(margin + 1, ' ') + "+" + std::string(width, '-') + "\n";
  std::string left = tick(x0), right = tick(x1);
  std::string under = std::string(margin + 2, ' ') + left;
  int gap = width - int(left.size()) - int(right.size());
  under += std::string(std::max(1, gap), ' ') + right;
  out += under + "\n" + std::string(margin + 2, ' ') + axis.param + (axis.log ? " (log scale)" : "") +
         "; * estimate, : 95% interval\n\n";
  return out;
}

std::string heatGrid(const SweepResult& s, size_t r) {
  static const char kShades[] = " .:-=+*#%@";
  const SweepAxis &x = s.axes[0], &y = s.axes[1];
  double lo = INFINITY, hi = -INFINITY;
  for (const SweepPoint& p : s.points)
    if (!p.reports[r].undefined) lo = std::min(lo, p.reports[r].estimate), hi = std::max(hi, p.reports[r].estimate);
  if (!(lo <= hi)) return "";
  std::vector<std::string> labels;
  size_t margin = 0;
  for (double v : y.values) margin = std::max(margin, tick(v).size());
  std::string out = s.points[0].reports[r].label + fmt::format(" (shade: ' ' {} to '@' {})\n", tick(lo), tick(hi));
  for (size_t j = y.values.size(); j-- > 0;) {
    std::string label = tick(y.values[j]);
    out += std::string(margin - label.size(), ' ') + label + " |";
    for (size_t i = 0; i < x.values.size(); ++i) {
      const ReportResult& rep = s.points[j * x.values.size() + i].reports[r];
      char c = '?';
      if (!rep.undefined) c = kShades[hi > lo ? std::clamp(int((rep.estimate - lo) / (hi - lo) * 9 + 0.5), 0, 9) : 5];
      out += std::string(2, c);
    }
    out += "\n";
  }
  out += std::string(margin + 1, ' ') + "+" + std::string(2 * x.values.size(), '-') + "\n";
  out += std::string(margin + 2, ' ') + x.param + " " + tick(x.values.front()) + " .. " + tick(x.values.back()) +
         " (across), " + y.param + " (up)\n\n";
  return out;
}

}  // namespace

std::string plotSweepText(const SweepResult& result, int width, int height) {
  if (result.points.empty() || result.axes.empty()) return "";
  std::string out;
  width = std::max(width, 10);
  height = std::max(height, 4);
  for (size_t r = 0; r < result.points[0].reports.size(); ++r) {
    if (result.points[0].reports[r].kind == ReportKind::Quantiles) continue;
    out += result.axes.size() == 1 ? lineChart(result, r, width, height) : heatGrid(result, r);
  }
  return out;
}

}  // namespace omen
