//===- ReportFormatText.cpp - The human-readable tables ---------------------===//
//
// A table a researcher can paste into a post: per scenario a header line, one aligned row
// per report (`label  estimate ± stderr  [lo, hi]  n=…`), and a footer with what the
// numbers rest on. Numbers are rounded to two significant digits of their standard error.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "omen/RunOptions.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {

namespace {

/// Four significant digits, without an exponent for everyday magnitudes.
std::string quantileValue(double x) {
  double a = std::abs(x);
  if (a >= 1e4 && a < 1e9) return fmt::format("{:.0f}", x);
  return fmt::format("{:.4g}", x);
}

std::string percentLevel(double p) { return fmt::format("{:g}%", p * 100); }

/// "rank error < 0.032%": the bound rounded up to two significant digits, so the statement
/// stays true.
std::string rankErrorNote(double bound) {
  double pct = bound * 100;
  double unit = std::pow(10.0, std::floor(std::log10(pct)) - 1);
  double up = std::ceil(pct / unit) * unit;
  if (up <= pct) up += unit;
  return fmt::format("(sketch: rank error < {}%)", roundedNumber(up, unit * 10));
}

void addReportRow(Table& table, const ReportResult& r) {
  // A posterior from weighted trials rests on fewer trials than it ran: Kish's ESS beside n.
  std::string n = r.weighted ? fmt::format("n={} ess={:.0f}", r.n, r.ess) : fmt::format("n={}", r.n);
  if (r.undefined) {
    table.row({r.label, fmt::format("undefined: {}, n = {}", undefinedReason(r), r.n)});
    return;
  }
  if (r.kind == ReportKind::Quantiles) {
    std::string qs;
    for (const QuantilePoint& q : r.quantiles)
      qs += fmt::format("{}{}: {} [{}, {}]", qs.empty() ? "" : "  ", percentLevel(q.p), quantileValue(q.value),
                        quantileValue(q.ciLow), quantileValue(q.ciHigh));
    qs += "   " + n;
    if (r.sketched) qs += "   " + rankErrorNote(r.rankError);
    table.row({r.label, qs});
    return;
  }
  auto [estimate, interval] = estimateCells(r);
  if (r.expectation)
    table.row({r.label, estimate, interval, n, verdictCell(r)});
  else
    table.row({r.label, estimate, interval, n});
}

std::string errorLine(const RunError& e) {
  if (e.inGlobals) return "runtime error while evaluating params (details on stderr)";
  return fmt::format("runtime error in trial {} (details on stderr)", e.trial);
}

std::string seconds(double s) { return fmt::format("{:.3g} s", s); }

// "compile 0.31 s, run 0.12 s": compiling is most of the wall time of a short run, so the
// two are told apart (a built executable compiled nothing: "run 0.12 s").
std::string footer(uint64_t trials, uint64_t seed, const std::string& engine, unsigned threads,
                   double secs, double compileSecs) {
  std::string times = (compileSecs > 0 ? "compile " + seconds(compileSecs) + ", " : "") + "run " + seconds(secs);
  return fmt::format("{} trials, seed {}, engine {}, {} thread{}, {}", trials, seed, engine,
                     threads, threads == 1 ? "" : "s", times);
}

std::string partialLine(uint64_t completed, uint64_t trials) {
  return fmt::format("PARTIAL: interrupted after {} of {} trials", completed, trials);
}


}  // namespace

// e.g. "  evidence 0.7542 ± 0.0014 [0.7515, 0.7568]   log -0.2821 ± 0.0018   ess 75417 of 100000 trials"
std::string evidenceLines(const Evidence& e) {
  if (!e.weightsVary && e.logEstimate == 0) return "";
  std::string out;
  if (e.estimate > 0) {
    double scale = e.stdError > 0 ? e.stdError : 0;
    out = fmt::format("  evidence {} ± {} [{}, {}]   log {} ± {}", roundedNumber(e.estimate, scale),
                      roundedNumber(e.stdError, scale), roundedNumber(e.ciLow, scale), roundedNumber(e.ciHigh, scale),
                      roundedNumber(e.logEstimate, e.logStdError), roundedNumber(e.logStdError, e.logStdError));
  } else if (std::isfinite(e.logEstimate)) {  // below the smallest double: the log alone
    out = fmt::format("  evidence exp({} ± {})", roundedNumber(e.logEstimate, e.logStdError),
                      roundedNumber(e.logStdError, e.logStdError));
  } else {
    out = "  evidence 0";
  }
  out += fmt::format("   ess {:.0f} of {} trials", e.ess, e.n);
  if (e.paretoK) out += fmt::format(", k-hat {:.2f}", *e.paretoK);
  out += "\n";
  for (const std::string& w : e.warnings) out += "  warning: " + w + "\n";
  return out;
}


std::pair<std::string, std::string> differenceText(const Comparison& c) {
  if (c.undefined) return {"undefined", ""};
  if (!(c.stdError > 0)) return {roundedNumber(c.difference, 0) + " (the same in every trial)", ""};
  double scale = c.stdError;
  return {fmt::format("{}{} ± {}", c.difference > 0 ? "+" : "", roundedNumber(c.difference, scale),
                      roundedNumber(c.stdError, scale)),
          fmt::format("[{}, {}]", roundedNumber(c.ciLow, scale), roundedNumber(c.ciHigh, scale))};
}

std::pair<std::string, std::string> estimateCells(const ReportResult& r) {
  if (r.undefined) return {std::string("undefined: ") + undefinedReason(r), ""};
  if (!r.hasSpread) return {roundedNumber(r.estimate, 0), "(one value: no interval)"};
  double scale = scaleOf(r);
  std::string interval = fmt::format("[{}, {}]", roundedNumber(r.ciLow, scale), roundedNumber(r.ciHigh, scale));
  if (!(r.stdError > 0))  // every trial gave the same value: no "± 0"
    return {roundedNumber(r.estimate, scale), r.ciHigh > r.ciLow ? interval : "(the same in every trial)"};
  return {fmt::format("{} ± {}", roundedNumber(r.estimate, scale), roundedNumber(r.stdError, scale)), interval};
}

std::string estimateText(const ReportResult& r) {
  auto [estimate, interval] = estimateCells(r);
  return interval.empty() ? estimate : estimate + "  " + interval;
}

/// What a precision-targeted run reached: the target, met or not, and the trials it took.
std::string precisionLines(const PrecisionOutcome& p, uint64_t trials) {
  std::string out;
  if (p.reports.empty())
    return fmt::format("  precision: no P or E report of this scenario is targeted; stopped at the minimum, {} "
                       "trials\n", trials);
  if (p.met) {
    out = fmt::format("  precision target met after {} trials (cap {}):", trials, p.cap);
    for (const ReportPrecision& r : p.reports) out += fmt::format(" {}: {};", r.label, r.target);
    out.back() = '\n';
    return out;
  }
  out = fmt::format("  precision target NOT met after {} trials (cap {}):\n", trials, p.cap);
  for (const ReportPrecision& r : p.reports) {
    if (r.met) continue;
    out += fmt::format("    {}: {} not reached (se {})", r.label, r.target, shortestNumber(r.stdError));
    if (!r.note.empty())
      out += "; " + r.note;
    else if (r.trialsNeeded > 0)
      out += fmt::format("; about {:.2g} trials needed{}", r.trialsNeeded,
                         r.trialsNeeded > static_cast<double>(p.cap) ? ", out of reach within the cap" : "");
    out += "\n";
  }
  if (trials < kPrecisionMinTrials)
    out += fmt::format("    a run stops on a target only after {} trials\n", kPrecisionMinTrials);
  return out;
}

std::string formatRunText(const RunResult& result) {
  std::string out;
  for (size_t i = 0; i < result.scenarios.size(); ++i) {
    const ScenarioResult& s = result.scenarios[i];
    if (i) out += "\n";
    out += "scenario " + s.name + "\n";
    Table table;
    if (s.error) {
      table.row({errorLine(*s.error)});
    } else {
      for (const ReportResult& r : s.reports) addReportRow(table, r);
      if (s.reports.empty()) table.row({"(no reports)"});
    }
    out += table.render("  ");
    if (s.evidence && !s.error) out += evidenceLines(*s.evidence);
    uint64_t trials = s.partial || s.precision ? s.trialsCompleted : result.trials;
    // "engine auto (interp 4096 trials, jit 95904)": which engine ran how much of the run.
    std::string engine = result.engine;
    if (s.engineSplit)
      engine += fmt::format(" (interp {} trials, jit {})", s.engineSplit->interpreted, s.engineSplit->compiled);
    out += "  " + footer(trials, result.seed, engine, result.threads, s.seconds, s.compileSeconds) + "\n";
    if (s.partial) out += "  " + partialLine(s.trialsCompleted, result.trials) + "\n";
    if (s.precision && !s.error) out += precisionLines(*s.precision, s.trialsCompleted);
  }
  return out;
}

std::string formatCompareText(const CompareResult& result) {
  std::string out = fmt::format("compare {} vs {} (common random numbers)\n", result.a.name,
                                result.b.name);
  Table table;
  if (result.error) {
    table.row({fmt::format("scenario {}: {}",
                           result.failedScenario == 'B' ? result.b.name : result.a.name,
                           errorLine(*result.error))});
  } else {
    table.row({"", result.a.name, result.b.name, "difference (A - B)", "95% interval", ""});
    for (const Comparison& c : result.comparisons) {
      if (c.kind == ReportKind::Quantiles) {
        if (c.undefined) {
          table.row({c.label, c.a.undefined ? "undefined" : "", c.b.undefined ? "undefined" : "",
                     "undefined", "", fmt::format("n={}", c.n)});
          continue;
        }
        for (size_t q = 0; q < c.quantileDifferences.size(); ++q)
          table.row({fmt::format("{} @{}", c.label, percentLevel(c.quantileDifferences[q].p)),
                     quantileValue(c.a.quantiles[q].value), quantileValue(c.b.quantiles[q].value),
                     quantileValue(c.quantileDifferences[q].value), "", fmt::format("n={}", c.n)});
        continue;
      }
      auto side = [](const ReportResult& r) {
        if (r.undefined) return fmt::format("undefined: {}, n = {}", undefinedReason(r), r.n);
        if (!r.hasSpread) return roundedNumber(r.estimate, 0);
        double scale = scaleOf(r);
        return fmt::format("{} ± {}", roundedNumber(r.estimate, scale),
                           roundedNumber(r.stdError, scale));
      };
      auto [diff, interval] = differenceText(c);
      table.row({c.label, side(c.a), side(c.b), diff, interval, fmt::format("n={}", c.n)});
    }
    auto onlyIn = [&](const ScenarioResult& s, const std::string& which) {
      std::string labels;
      for (const ReportResult& r : s.reports) {
        bool shared = std::any_of(result.comparisons.begin(), result.comparisons.end(),
                                  [&](const Comparison& c) { return c.label == r.label; });
        if (!shared) labels += (labels.empty() ? "" : ", ") + r.label;
      }
      if (!labels.empty()) table.row({"only in " + which + ": " + labels});
    };
    onlyIn(result.a, result.a.name);
    onlyIn(result.b, result.b.name);
  }
  out += table.render("  ");
  if (const auto& bf = result.bayesFactor) {
    double scale = bf->estimate * bf->logStdError;  // the se of the factor itself, by the delta method
    out += fmt::format("  Bayes factor {} / {}: {} [{}, {}]   log {} ± {}\n", result.a.name, result.b.name,
                       roundedNumber(bf->estimate, scale), roundedNumber(bf->ciLow, scale),
                       roundedNumber(bf->ciHigh, scale), roundedNumber(bf->logEstimate, bf->logStdError),
                       roundedNumber(bf->logStdError, bf->logStdError));
  }
  for (const ScenarioResult* s : {&result.a, &result.b}) {
    std::string lines = s->evidence ? evidenceLines(*s->evidence) : "";
    if (!lines.empty()) out += "  " + s->name + ":" + lines.substr(1);
  }
  uint64_t trials = result.partial || result.a.precision ? result.trialsCompleted : result.trials;
  out += "  " + footer(trials, result.seed, result.engine, result.threads, result.seconds, result.compileSeconds) + "\n";
  for (const ScenarioResult* side : {&result.a, &result.b})
    if (side->precision && !result.error)
      out += "  " + side->name + ":\n" + precisionLines(*side->precision, result.trialsCompleted);
  if (result.partial) out += "  " + partialLine(result.trialsCompleted, result.trials) + "\n";
  return out;
}

}  // namespace omen::rt
