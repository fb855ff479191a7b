//===- SensitivityFormat.cpp - A sensitivity result as text, JSON or CSV ---===//

#include "analysis/sensitivity/SensitivityFormat.h"
#include "core/PrintableText.h"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {
namespace {

/// "partial: …" of an interrupted analysis ("" otherwise), for every format.
std::string partialNote(const SensitivityResult& r) {
  if (!r.partial) return "";
  if (r.baseTrials < r.trials)
    return fmt::format("partial: interrupted in the run as declared after {} of {} trials", r.baseTrials, r.trials);
  std::string note = "partial: interrupted";
  size_t bars = r.tornado.size() + r.notVaried.size();
  if (r.tornadoPlanned && bars < r.tornadoPlanned)
    note += fmt::format(" in the tornado ({} of {} params done)", bars, r.tornadoPlanned);
  else if (r.sobolInterrupted)
    note += " in the Sobol' design (no index)";
  return note;
}

/// An index whose bootstrap interval is wider than the index itself cannot be told from
/// noise at this many rows: each such input, with the indices concerned ("" if none).
std::string wideInterval(const SensitivityResult& r, const SobolIndex& s) {
  std::string which;
  if (2 * s.firstHalfWidth > std::fabs(s.first)) which = fmt::format("S = {:.4f} ± {:.4f}", s.first, s.firstHalfWidth);
  if (2 * s.totalHalfWidth > std::fabs(s.total))
    which += fmt::format("{}ST = {:.4f} ± {:.4f}", which.empty() ? "" : ", ", s.total, s.totalHalfWidth);
  if (which.empty()) return "";
  return fmt::format("the {:g}% interval of {} of {} is wider than the index: it may be noise; more --rows (now {}) "
                     "narrow it as 1/sqrt(N)",
                     r.level * 100, which, s.input, r.rows);
}

std::string text(const SensitivityResult& r) {
  std::string out = fmt::format("sensitivity of \"{}\" in scenario {} ({}, engine {}, seed {})\n", r.report,
                                r.scenario, r.file, r.engine, r.seed);
  if (r.partial) out += "  PARTIAL: " + partialNote(r).substr(9) + "\n";
  const ReportResult& b = r.base;
  out += fmt::format("  as declared: {}  ({} trials)\n", estimateText(b), r.baseTrials);
  if (!r.tornado.empty() || !r.notVaried.empty()) {
    out += fmt::format("\ntornado: each param from low to high, the others as declared; {} trials per end on "
                       "common random numbers; widest swing first\n",
                       r.trials);
    Table t;
    t.row({"param", "low", "high", "at low", "at high", "swing ± se", "95% CI"});
    for (const TornadoBar& bar : r.tornado)
      t.row({bar.param, fmt::format("{} ({})", roundedNumber(bar.low, 0), bar.lowFrom),
             fmt::format("{} ({})", roundedNumber(bar.high, 0), bar.highFrom), roundedNumber(bar.atLow, bar.stdError),
             roundedNumber(bar.atHigh, bar.stdError),
             fmt::format("{} ± {}", roundedNumber(bar.swing, bar.stdError), roundedNumber(bar.stdError, bar.stdError)),
             fmt::format("[{}, {}]", roundedNumber(bar.ciLow, bar.stdError), roundedNumber(bar.ciHigh, bar.stdError))});
    out += t.render("  ");
    for (const auto& [name, why] : r.notVaried) out += fmt::format("  not varied: {} ({})\n", name, why);
  }
  if (!r.sobol.empty()) {
    out += fmt::format("\nSobol' indices of the per-trial value (Saltelli 2010 first order, Jansen total; N = {} "
                       "rows, {} trials; ± {:g}% bootstrap half-width, {} resamples)\n",
                       r.rows, r.rows * (r.sobol.size() + 2), r.level * 100, r.resamples);
    Table t;
    t.row({"input", "first order S", "total ST"});
    for (const SobolIndex& s : r.sobol)
      t.row({s.input, fmt::format("{:.4f} ± {:.4f}", s.first, s.firstHalfWidth),
             fmt::format("{:.4f} ± {:.4f}", s.total, s.totalHalfWidth)});
    out += t.render("  ");
    out += fmt::format("  per-trial value: mean {}, variance {}; (trial) is the trial's own randomness\n",
                       roundedNumber(r.outputMean, 0), roundedNumber(r.outputVariance, 0));
    if (!r.rangedInputs.empty())
      out += fmt::format("  fixed params drawn uniformly over their declared ranges: {}\n", fmt::join(r.rangedInputs, ", "));
    for (const SobolIndex& s : r.sobol)
      if (std::string w = wideInterval(r, s); !w.empty()) out += "  warning: " + w + "\n";
  }
  return out;
}

std::string json(const SensitivityResult& r) {
  nlohmann::ordered_json j = headerJson(r, {"file", "scenario", {"report", r.report}, "engine", "seed", "trials", "partial"});
  if (r.partial) j["note"] = partialNote(r);
  if (r.base.undefined)
    j["base"] = nullptr;
  else
    j["base"] = {{"estimate", r.base.estimate}, {"stderr", r.base.stdError}, {"ci_low", r.base.ciLow},
                 {"ci_high", r.base.ciHigh}, {"n", r.base.n}};
  nlohmann::ordered_json bars = nlohmann::ordered_json::array();
  for (const TornadoBar& b : r.tornado)
    bars.push_back({{"param", b.param}, {"uncertain", b.uncertain}, {"low", b.low}, {"low_from", b.lowFrom},
                    {"high", b.high}, {"high_from", b.highFrom}, {"at_low", b.atLow}, {"at_high", b.atHigh},
                    {"swing", b.swing}, {"stderr", b.stdError}, {"ci_low", b.ciLow}, {"ci_high", b.ciHigh}});
  j["tornado"] = bars;
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const auto& [name, why] : r.notVaried) skipped.push_back({{"param", name}, {"reason", why}});
  j["not_varied"] = skipped;
  nlohmann::ordered_json sobol = nlohmann::ordered_json::array(), warnings = nlohmann::ordered_json::array();
  for (const SobolIndex& s : r.sobol) {
    sobol.push_back({{"input", s.input}, {"S1", s.first}, {"S1_conf", s.firstHalfWidth}, {"ST", s.total},
                     {"ST_conf", s.totalHalfWidth}});
    if (std::string w = wideInterval(r, s); !w.empty()) warnings.push_back(w);
  }
  j["sobol"] = {{"rows", r.rows}, {"resamples", r.resamples}, {"level", r.level}, {"mean", r.outputMean},
                {"variance", r.outputVariance}, {"indices", sobol}, {"ranged", r.rangedInputs},
                {"warnings", warnings}};
  return j.dump(2) + "\n";
}

std::string csv(const SensitivityResult& r) {
  std::string out =
      "analysis,scenario,report,input,low,high,at_low,at_high,swing,stderr,ci_low,ci_high,S1,S1_conf,ST,ST_conf,note\n";
  std::string note = csvField(partialNote(r));
  for (const TornadoBar& b : r.tornado)
    out += fmt::format("tornado,{},{},{},{},{},{},{},{},{},{},{},,,,,{}\n", csvField(r.scenario), csvField(r.report),
                       csvField(b.param), csvNumber(b.low), csvNumber(b.high), csvNumber(b.atLow), csvNumber(b.atHigh),
                       csvNumber(b.swing), csvNumber(b.stdError), csvNumber(b.ciLow), csvNumber(b.ciHigh), note);
  for (const SobolIndex& s : r.sobol) {
    std::string wide = wideInterval(r, s);
    std::string rowNote = note.empty() ? csvField(wide.empty() ? "" : "warning: " + wide)
                                       : wide.empty() ? note : csvField(partialNote(r) + "; warning: " + wide);
    out += fmt::format("sobol,{},{},{},,,,,,,,,{},{},{},{},{}\n", csvField(r.scenario), csvField(r.report),
                       csvField(s.input), csvNumber(s.first), csvNumber(s.firstHalfWidth), csvNumber(s.total),
                       csvNumber(s.totalHalfWidth), rowNote);
  }
  // An interrupted analysis says so even when nothing after the run as declared finished.
  if (r.partial && r.tornado.empty() && r.sobol.empty())
    out += fmt::format("interrupted,{},{},,,,,,,,,,,,,,{}\n", csvField(r.scenario), csvField(r.report), note);
  return out;
}

}  // namespace

std::string formatSensitivity(const SensitivityResult& result, OutputFormat format) {
  return rt::formatWith(result, format, text, json, csv);
}

}  // namespace omen::rt
