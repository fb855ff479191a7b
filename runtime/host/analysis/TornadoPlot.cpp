//===- TornadoPlot.cpp - A tornado chart through gnuplot --------------------===//

#include "runtime/host/analysis/TornadoPlot.h"

#include <cstdio>
#include <fmt/format.h>

#include "runtime/host/ReportFormat.h"

namespace omen::rt {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string plotTornado(const SensitivityResult& r, const std::string& path) {
  if (r.tornado.empty()) return "no param was varied, so there is no tornado to plot";
  bool png = path.size() > 4 && path.substr(path.size() - 4) == ".png";
  size_t n = r.tornado.size();
  std::string script = fmt::format("set terminal {} size 800,{} noenhanced\nset output {}\n", png ? "pngcairo" : "svg",
                                   120 + 40 * n, quoted(path));
  script += fmt::format("set title {}\n", quoted("tornado of \"" + r.report + "\" in " + r.scenario));
  script += "set xlabel 'estimate (dashed: as declared; blue: higher at high, red: lower at high)'\nset ytics nomirror\nset grid xtics\nunset key\nset style fill solid 0.6\n";
  script += fmt::format("set yrange [0.3:{}]\n", n + 0.7);
  // Widest on top: bar i (0 = widest) at y = n − i.
  std::string labels;
  for (size_t i = 0; i < n; ++i)
    labels += fmt::format("{}{} {}", i ? ", " : "", quoted(r.tornado[i].param), n - i);
  script += "set ytics (" + labels + ")\n";
  script += fmt::format("set arrow from {0},graph 0 to {0},graph 1 nohead dt 2 lw 2 lc rgb 'black' front\n", shortestNumber(r.base.estimate));
  script += "$bars << EOD\n";
  for (size_t i = 0; i < n; ++i) {
    const TornadoBar& b = r.tornado[i];
    // y, low end, high end, colour: blue where the high end is larger, red otherwise.
    script += fmt::format("{} {} {} {}\n", n - i, shortestNumber(std::min(b.atLow, b.atHigh)),
                          shortestNumber(std::max(b.atLow, b.atHigh)), b.atHigh >= b.atLow ? "0x3060c0" : "0xc04040");
  }
  script += "EOD\n";
  script += "plot $bars using (($2+$3)/2):1:2:3:($1-0.35):($1+0.35):4 with boxxyerror lc rgb variable\n";
  std::FILE* pipe = popen("gnuplot", "w");
  if (!pipe) return "cannot start gnuplot (Debian package gnuplot-nox)";
  std::fwrite(script.data(), 1, script.size(), pipe);
  int status = pclose(pipe);
  if (status != 0) return "gnuplot failed (is gnuplot-nox installed?) while writing " + path;
  return "";
}

}  // namespace omen::rt
