//===- RareFormat.cpp - A rare-event estimate as text, JSON or CSV ------------===//

#include "analysis/rare/RareFormat.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"
#include "runtime/host/TextTable.h"

namespace omen::rt {
namespace {

std::string tiltText(const RareTilt& t) {
  if (t.kind == "bernoulli") return fmt::format("logit shift {:+.3f} (drawn with q = {:.4g} on average)", t.a, t.b);
  if (t.kind == "normal") return fmt::format("score from N({:.3f}, {:.3f}^2) instead of N(0, 1)", t.a, t.b);
  return fmt::format("exponential tilt {:+.3f} of its position (mean {:.3f} instead of 0.5)", t.a, t.b);
}

std::string partialLine(const RareResult& r) {
  if (r.method == "multilevel splitting") return "PARTIAL: interrupted during multilevel splitting";
  return fmt::format("PARTIAL: interrupted in {}; {} final trials finished of {}", r.stoppedIn, r.trialsCompleted,
                     r.trials);
}

std::string splitText(const RareResult& r) {
  std::string out = fmt::format("rare event '{}' in scenario {}{}\n", r.event, r.scenario, r.partial ? " (partial)" : "");
  if (!r.estimated) return out + "  " + partialLine(r) + "\n  P: no estimate: " + r.noEstimate + "\n";
  out += fmt::format("  P = {}  ± {} (se)   95% interval [{}, {}]\n", roundedNumber(r.estimate, r.stdError),
                     roundedNumber(r.stdError, r.stdError / 10), roundedNumber(r.ciLow, r.stdError),
                     roundedNumber(r.ciHigh, r.stdError));
  out += fmt::format("  relative error {:.3g}%   the spread of {} replications (interval: Student's t, {} df)\n",
                     100 * r.relError, r.replications, r.replications - 1);
  out += fmt::format("  multilevel splitting on {}, fixed effort {} trials per level, {} levels from a pilot:\n", r.splitOn,
                     r.effort, r.levels.size());
  Table levels;
  levels.row({"level", r.splitOn + " >=", "reached from the level before"});
  for (size_t k = 0; k < r.levels.size(); ++k)
    levels.row({std::to_string(k + 1), fmt::format("{:.6g}", r.levels[k].threshold), fmt::format("{:.4g}", r.levels[k].share)});
  levels.row({"event", r.event, fmt::format("{:.4g}", r.eventShare)});
  out += levels.render("  ");
  for (const std::string& w : r.warnings) out += "  warning: " + w + "\n";
  out += fmt::format("  {} phase steps simulated in all, pilot included, {} of them replaying clones' pasts: the work of "
                     "{:.3g} plain trials of {:.3g} steps (seed {}, engine {}); {:.2f} s\n",
                     r.steps, r.replayedSteps, r.plainSteps > 0 ? double(r.steps) / r.plainSteps : 0.0, r.plainSteps,
                     r.seed, r.engine, r.seconds);
  return out;
}

std::string text(const RareResult& r) {
  if (r.method == "multilevel splitting") return splitText(r);
  std::string out = fmt::format("rare event '{}' in scenario {}{}\n", r.event, r.scenario, r.partial ? " (partial)" : "");
  if (r.partial) out += "  " + partialLine(r) + "\n";
  if (r.estimated) {
    out += fmt::format("  P = {}  ± {} (se)   95% interval [{}, {}]\n", roundedNumber(r.estimate, r.stdError),
                       roundedNumber(r.stdError, r.stdError / 10), roundedNumber(r.ciLow, r.stdError),
                       roundedNumber(r.ciHigh, r.stdError));
    out += fmt::format("  relative error {:.3g}%   ESS {:.0f} of {} trials reaching the event   Pareto k-hat {}\n",
                       100 * r.relError, r.ess, r.hits,
                       std::isnan(r.khat) ? std::string("n/a") : fmt::format("{:.2f}", r.khat));
  } else {
    out += "  P: no estimate: " + r.noEstimate + "\n";
  }
  out += "  importance sampling, tuned by cross entropy:";
  for (size_t i = 0; i < r.rounds.size(); ++i)
    out += fmt::format(" round {}: {}/{}{}{}", i + 1, r.rounds[i].hits, r.rounds[i].trials,
                       r.rounds[i].widened ? " (widened start)" : "", i + 1 < r.rounds.size() ? ";" : "");
  if (r.rounds.empty()) out += " no round finished";
  out += "\n";
  if (!r.tilts.empty()) {
    Table tilts;
    tilts.row({"draw at", "kind", "per trial", "tilt"});
    for (const RareTilt& t : r.tilts) tilts.row({t.where, t.kind, fmt::format("{:.3g}", t.uses), tiltText(t)});
    out += tilts.render("  ");
  }
  for (const std::string& w : r.warnings) out += "  warning: " + w + "\n";
  out += fmt::format("  {} trials in the final run, {} simulated in all (seed {}, engine {}); {:.2f} s\n",
                     r.trialsCompleted, r.simulated, r.seed, r.engine, r.seconds);
  return out;
}

std::string json(const RareResult& r) {
  // "trials": those of the final run that finished.
  nlohmann::ordered_json j =
      headerJson(r, {"file", "scenario", {"event", r.event}, "engine", "seed", {"trials", r.trialsCompleted}, "partial"});
  if (r.partial) j["stopped_in"] = r.stoppedIn;
  // No estimate: null, never a 0 that reads as one.
  auto number = [&](double x) { return r.estimated && !std::isnan(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(); };
  j["estimate"] = number(r.estimate);
  j["std_error"] = number(r.stdError);
  j["ci_low"] = number(r.ciLow);
  j["ci_high"] = number(r.ciHigh);
  j["rel_error"] = number(r.relError);
  j["ess"] = number(r.ess);
  j["khat"] = number(r.khat);
  if (!r.estimated) j["no_estimate"] = r.noEstimate;
  j["hits"] = r.hits;
  j["simulated"] = r.simulated;
  j["seconds"] = r.seconds;
  nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
  for (const RareRound& round : r.rounds)
    rounds.push_back({{"trials", round.trials}, {"hits", round.hits}, {"widened", round.widened}});
  j["rounds"] = rounds;
  nlohmann::ordered_json tilts = nlohmann::ordered_json::array();
  for (const RareTilt& t : r.tilts) tilts.push_back({{"at", t.where}, {"kind", t.kind}, {"a", t.a}, {"b", t.b}, {"uses", t.uses}});
  j["tilts"] = tilts;
  j["method"] = r.method;
  if (r.method == "multilevel splitting") {
    j["split_on"] = r.splitOn;
    j["effort"] = r.effort;
    j["replications"] = r.replications;
    nlohmann::ordered_json levels = nlohmann::ordered_json::array();
    for (const SplitLevel& l : r.levels) levels.push_back({{"threshold", l.threshold}, {"share", l.share}});
    j["levels"] = levels;
    j["event_share"] = r.eventShare;
    j["steps"] = r.steps;
    j["replayed_steps"] = r.replayedSteps;
    j["plain_steps"] = r.plainSteps;
  }
  j["warnings"] = r.warnings;
  return j.dump(2) + "\n";
}

std::string csv(const RareResult& r) {
  std::string note = r.partial ? "partial: " + partialLine(r).substr(9) : "";
  if (!r.estimated) note += "; no estimate: " + r.noEstimate;
  // No estimate: empty fields (NaN to pandas), never a 0 that reads as one.
  auto number = [&](double x) { return r.estimated ? num(x) : std::string(); };
  if (r.method == "multilevel splitting")
    return "scenario,event,method,split_on,estimate,std_error,ci_low,ci_high,rel_error,levels,effort,replications,steps,"
           "replayed_steps,plain_steps,note\n" +
           fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csvField(r.scenario), csvField(r.event),
                       csvField(r.method), csvField(r.splitOn), number(r.estimate), number(r.stdError), number(r.ciLow),
                       number(r.ciHigh), number(r.relError), r.levels.size(), r.effort, r.replications, r.steps, r.replayedSteps,
                       num(r.plainSteps), csvField(note));
  return "scenario,event,estimate,std_error,ci_low,ci_high,rel_error,ess,khat,hits,trials,simulated,note\n" +
         fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csvField(r.scenario), csvField(r.event),
                     number(r.estimate), number(r.stdError), number(r.ciLow), number(r.ciHigh), number(r.relError),
                     number(r.ess), number(r.khat), r.hits, r.trialsCompleted, r.simulated, csvField(note));
}

}  // namespace

std::string formatRare(const RareResult& result, OutputFormat format) {
  return formatWith(result, format, text, json, csv);
}

}  // namespace omen::rt
