//===- TornadoPlot.cpp - A tornado chart through gnuplot --------------------===//

#include "analysis/sensitivity/TornadoPlot.h"

#include <algorithm>
#include <fmt/format.h>

#include "runtime/host/ReportFormat.h"
#include "analysis/Gnuplot.h"

namespace omen::rt {

std::string plotTornado(const SensitivityResult& r, const std::string& path) {
  if (r.tornado.empty()) return "no param was varied, so there is no tornado to plot";
  size_t n = r.tornado.size();
  std::string body = "set title " + gnuplotQuoted(gnuplotPlain("tornado of \"" + r.report + "\" in " + r.scenario)) + "\n";
  body += "set xlabel " + gnuplotQuoted("estimate (dashed: as declared; blue: higher at high, red: lower at high)") + "\n";
  body += "set ytics nomirror\nset grid xtics\nunset key\nset style fill solid 0.6\n";
  body += fmt::format("set yrange [0.3:{}]\n", n + 0.7);
  // Widest on top: bar i (0 = widest) at y = n − i.
  std::string labels;
  for (size_t i = 0; i < n; ++i)
    labels += fmt::format("{}{} {}", i ? ", " : "", gnuplotQuoted(gnuplotPlain(r.tornado[i].param)), n - i);
  body += "set ytics (" + labels + ")\n";
  body += fmt::format("set arrow from {0},graph 0 to {0},graph 1 nohead dt 2 lw 2 lc rgb 'black' front\n",
                      shortestNumber(r.base.estimate));
  // y, the lower and the upper end, colour (decimal RGB): blue where high > low, red otherwise.
  std::string data;
  for (size_t i = 0; i < n; ++i) {
    const TornadoBar& b = r.tornado[i];
    data += fmt::format("{} {} {} {}\n", n - i, shortestNumber(std::min(b.atLow, b.atHigh)),
                        shortestNumber(std::max(b.atLow, b.atHigh)), b.atHigh >= b.atLow ? 0x3060c0 : 0xc04040);
  }
  body += "plot datafile using (($2+$3)/2):1:2:3:($1-0.35):($1+0.35):4 with boxxyerror lc rgb variable\n";
  return drawFigure(path, 800, static_cast<int>(120 + 40 * n), body, data);
}

}  // namespace omen::rt
