//===- Gnuplot.cpp - Sweep and solve figures, drawn by gnuplot --------------===//
#include "analysis/Gnuplot.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "runtime/host/AtomicFile.h"
#include "runtime/host/ReportFormat.h"

extern char** environ;

namespace omen::rt {

namespace {


/// A gnuplot single-quoted string: the quote itself is doubled, and a line break (which would
/// end the command and start another, `system` included) or any other control character
/// becomes a space.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  }
  return out + "'";
}

/// Labels go through gnuplot's enhanced text, where _ ^ @ & { } are markup. In a
/// single-quoted string one backslash escapes them (two would print a backslash and leave
/// `_` a subscript).
std::string plain(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::strchr("_^@&{}\\", c)) out += "\\";
    out += c;
  }
  return out;
}

std::string terminal(PlotFormat format, int width, int height) {
  if (format == PlotFormat::Svg)
    return fmt::format("set terminal svg size {},{} font 'sans,11' background rgb 'white'\n", width, height);
  return fmt::format("set terminal pngcairo size {},{} font 'sans,10' background rgb 'white'\n", width, height);
}

/// A private temporary folder, removed on destruction.
struct TempDir {
  std::string path;
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/omen-plot-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data())) path = buf.data();
  }
  ~TempDir() {
    if (path.empty()) return;
    std::remove((path + "/figure").c_str());
    std::remove((path + "/data.dat").c_str());
    std::remove((path + "/plot.gp").c_str());
    std::remove((path + "/gnuplot.err").c_str());
    rmdir(path.c_str());
  }
};

/// Waits for gnuplot, at most OMEN_GNUPLOT_TIMEOUT seconds (default 60): a gnuplot that hangs
/// (a terminal waiting for input, a broken font server) is killed instead of holding omen.
bool waitForGnuplot(pid_t pid, int& status) {
  double limit = 60;
  if (const char* text = std::getenv("OMEN_GNUPLOT_TIMEOUT"); text && std::atof(text) > 0) limit = std::atof(text);
  auto start = std::chrono::steady_clock::now();
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) return true;
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > limit) {
      kill(pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

/// gnuplot's error in one line: its message (`"…/plot.gp" line 12: undefined variable: x`
/// gives `undefined variable: x`), without the echoed script line, the caret under it and the
/// temporary folder's path (issue 22: no raw library text).
std::string gnuplotMessage(const std::string& text) {
  std::string last;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    if (line.find_first_not_of(" \t^") == std::string::npos) continue;
    if (size_t pos = line.find("\" line "); pos != std::string::npos) {
      size_t colon = line.find(": ", pos);
      if (colon != std::string::npos) return line.substr(colon + 2);
    }
    last = line;
  }
  return last;
}

/// The script's `set output`: gnuplot draws into the private folder, and omen then copies the
/// figure to the user's path. So no byte of that path is ever read by gnuplot (a newline in
/// it would otherwise end `set output` and start a command of the path's choosing).
std::string setOutput(const TempDir& dir) { return "set output " + quoted(dir.path + "/figure") + "\n"; }

/// Runs `gnuplot SCRIPT` with its stderr in the folder, then puts the figure at `output`
/// (written whole or not at all); "" or the error.
std::string runGnuplot(const TempDir& dir, const std::string& script, const std::string& data,
                       const std::string& output) {
  if (dir.path.empty()) return std::string("cannot create a temporary folder for the plot: ") + std::strerror(errno);
  std::string written = writeFileAtomically(dir.path + "/data.dat", data);
  if (written.empty()) written = writeFileAtomically(dir.path + "/plot.gp", script);
  if (!written.empty()) return written;
  std::string scriptPath = dir.path + "/plot.gp", errPath = dir.path + "/gnuplot.err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const char* gnuplot = std::getenv("OMEN_GNUPLOT");
  if (!gnuplot || !*gnuplot) gnuplot = "gnuplot";
  char* argv[] = {const_cast<char*>(gnuplot), const_cast<char*>(scriptPath.c_str()), nullptr};
  pid_t pid;
  int spawned = posix_spawnp(&pid, gnuplot, &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  const std::string install = " (Debian: apt-get install gnuplot-nox); the results above are complete without it";
  if (spawned == ENOENT) return std::string("--plot needs gnuplot, which is not installed") + install;
  if (spawned != 0) return std::string("cannot start gnuplot: ") + std::strerror(spawned) + install;
  int status = 0;
  if (!waitForGnuplot(pid, status)) return "gnuplot did not finish drawing " + output + " within its time limit; it was stopped";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return std::string("--plot needs gnuplot, which is not installed") + install;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::ifstream err(errPath);
    std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    std::string message = gnuplotMessage(text);
    return "gnuplot failed to draw " + output + (message.empty() ? "" : ": " + message);
  }
  std::ifstream figure(dir.path + "/figure", std::ios::binary);
  if (!figure) return "gnuplot did not write " + output;
  std::string bytes((std::istreambuf_iterator<char>(figure)), std::istreambuf_iterator<char>());
  return writeFileAtomically(output, bytes);
}

std::string axisLabel(const SweepAxis& a) { return plain(a.param) + (a.log ? " (log scale)" : ""); }

}  // namespace

std::optional<PlotFormat> plotFormatOf(const std::string& path) {
  auto ends = [&](const char* ext) {
    size_t n = std::strlen(ext);
    return path.size() > n && path.compare(path.size() - n, n, ext) == 0;
  };
  if (ends(".svg")) return PlotFormat::Svg;
  if (ends(".png")) return PlotFormat::Png;
  return std::nullopt;
}

std::string gnuplotQuoted(const std::string& s) { return quoted(s); }
std::string gnuplotPlain(const std::string& s) { return plain(s); }

std::string drawFigure(const std::string& path, int width, int height, const std::string& body,
                       const std::string& data) {
  std::optional<PlotFormat> format = plotFormatOf(path);
  if (!format) return "--plot " + path + ": the file must end in .svg or .png";
  TempDir dir;
  std::string script = terminal(*format, width, height) + setOutput(dir);
  script += "datafile = " + quoted(dir.path + "/data.dat") + "\n" + body;
  return runGnuplot(dir, script, data, path);
}

}  // namespace omen::rt

namespace omen {

using namespace rt;

std::string plotSweepFile(const SweepResult& s, const std::string& path) {
  std::optional<PlotFormat> format = plotFormatOf(path);
  if (!format) return "--plot " + path + ": the file must end in .svg or .png";
  std::vector<size_t> reports;
  if (!s.points.empty())
    for (size_t r = 0; r < s.points[0].reports.size(); ++r)
      if (s.points[0].reports[r].kind != ReportKind::Quantiles) reports.push_back(r);
  if (reports.empty()) return "--plot: the scenario has no probability or mean report to draw";

  const SweepAxis& x = s.axes[0];
  const size_t nx = x.values.size(), ny = s.axes.size() > 1 ? s.axes[1].values.size() : 1;
  // One data block per (report, y): x, estimate, ci low, ci high; blocks are `index`ed.
  std::string data;
  for (size_t r : reports)
    for (size_t j = 0; j < ny; ++j) {
      data += fmt::format("# {} {}\n", s.points[0].reports[r].label, j);
      for (size_t i = 0; i < nx; ++i) {
        const ReportResult& rep = s.points[j * nx + i].reports[r];
        if (rep.undefined) continue;
        double lo = rep.hasSpread ? rep.ciLow : rep.estimate, hi = rep.hasSpread ? rep.ciHigh : rep.estimate;
        data += fmt::format("{} {} {} {}\n", num(s.points[j * nx + i].at[0]), num(rep.estimate), num(lo), num(hi));
      }
      data += "\n\n";
    }

  const size_t cols = reports.size() > 1 ? 2 : 1, rows = (reports.size() + cols - 1) / cols;
  TempDir dir;
  std::string script = terminal(*format, int(560 * cols), int(380 * rows + 40));
  script += setOutput(dir);
  script += "set encoding utf8\nset grid lc rgb '#dddddd'\nset key top left box opaque\nset style fill transparent solid 0.25 noborder\n";
  if (x.log) script += "set logscale x\n";
  script += fmt::format("set multiplot layout {},{} title {}\n", rows, cols,
                        quoted(plain(fmt::format("{}: sweep of {} ({} trials per point, common random numbers)",
                                                 s.scenario, x.param, s.trials))));
  script += "set xlabel " + quoted(axisLabel(x)) + "\n";
  static const char* kColours[] = {"#1f5fa8", "#c0392b", "#27864a", "#8e44ad", "#d68910", "#2c3e50"};
  size_t block = 0;
  for (size_t r : reports) {
    script += "set title " + quoted(plain(s.points[0].reports[r].label)) + "\n";
    script += "set ylabel " + quoted(s.points[0].reports[r].kind == ReportKind::Probability ? "probability" : "mean") + "\n";
    std::string bands, lines;
    for (size_t j = 0; j < ny; ++j, ++block) {
      const char* colour = kColours[j % 6];
      const std::string title = ny == 1 ? "estimate" : plain(fmt::format("{} = {}", s.axes[1].param, num(s.axes[1].values[j])));
      const std::string file = quoted(dir.path + "/data.dat");
      bands += fmt::format("{}{} index {} using 1:3:4 with filledcurves lc rgb '{}' notitle", bands.empty() ? "" : ", ",
                           file, block, colour);
      lines += fmt::format(", {} index {} using 1:2 with linespoints pt 7 ps 0.6 lw 1.5 lc rgb '{}' title {}", file,
                           block, colour, quoted(title));
    }
    script += "plot " + bands + lines + "\n";
  }
  script += "unset multiplot\n";
  return runGnuplot(dir, script, data, path);
}

std::string plotSolveFile(const SolveResult& s, const std::string& path) {
  std::optional<PlotFormat> format = plotFormatOf(path);
  if (!format) return "--plot " + path + ": the file must end in .svg or .png";
  std::string data;
  for (size_t i = 0; i < s.scanX.size(); ++i)
    data += fmt::format("{} {} {} {}\n", num(s.scanX[i]), num(s.scanEstimate[i]),
                        num(s.scanEstimate[i] - 1.959963984540054 * s.scanStdError[i]),
                        num(s.scanEstimate[i] + 1.959963984540054 * s.scanStdError[i]));
  TempDir dir;
  std::string script = terminal(*format, 640, 420);
  script += setOutput(dir);
  script += "set grid lc rgb '#dddddd'\nset key top left box opaque\nset style fill transparent solid 0.25 noborder\n";
  script += "set title " + quoted(plain(fmt::format("{}: {} = {} at {} = {} [{}, {}]", s.scenario, s.report, num(s.target),
                                                    s.param, roundedNumber(s.root, (s.ciHigh - s.ciLow) / 4),
                                                    roundedNumber(s.ciLow, (s.ciHigh - s.ciLow) / 4),
                                                    roundedNumber(s.ciHigh, (s.ciHigh - s.ciLow) / 4)))) + "\n";
  script += "set xlabel " + quoted(plain(s.param)) + "\nset ylabel " + quoted(plain(s.report)) + "\n";
  script += fmt::format("set object 1 rect from {},graph 0 to {},graph 1 fc rgb '#f0c419' fs transparent solid 0.3 noborder\n",
                        num(s.ciLow), num(s.ciHigh));
  script += fmt::format("set arrow 1 from {},graph 0 to {},graph 1 nohead lc rgb '#c0392b' lw 1.5\n", num(s.root), num(s.root));
  std::string file = quoted(dir.path + "/data.dat");
  script += fmt::format("plot {} using 1:3:4 with filledcurves lc rgb '#1f5fa8' notitle, {} using 1:2 with linespoints "
                        "pt 7 ps 0.6 lc rgb '#1f5fa8' title 'response (CRN)', {} with lines dt 2 lc rgb '#333333' title 'target'\n",
                        file, file, num(s.target));
  return runGnuplot(dir, script, data, path);
}

}  // namespace omen
