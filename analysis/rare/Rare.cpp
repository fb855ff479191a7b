//===- Rare.cpp - `omen rare`: importance sampling tuned by cross entropy ---===//
//
// Pilot rounds read trial indices (r + 1) * 2^48 + i, the final run 0 .. trials - 1, so
// every round draws fresh streams and the final estimate does not reuse the trials its
// tilt was tuned on (which would bias it). The estimate is the plain mean of
// likelihood-ratio weights times the event indicator (unbiased; not self-normalised, whose
// denominator would carry the full variance of the weights), with the sample standard error.
//
//===----------------------------------------------------------------------===//

#include "analysis/rare/Rare.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "analysis/rare/CrossEntropy.h"
#include "analysis/rare/Splitting.h"
#include "analysis/rare/TiltedRun.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/RunScenarios.h"

namespace omen::rt {
namespace {

constexpr uint64_t kRoundStride = uint64_t(1) << 48;
constexpr uint64_t kMinElite = 10;      ///< event trials below which a pilot round widens the start
constexpr double kSettled = 0.02;       ///< the largest parameter change that ends the tuning
constexpr double kKhatRefuse = 0.7;     ///< Vehtari et al. 2024: beyond, the estimate is unreliable
constexpr double kKhatWarn = 0.5;

const char* kindName(int kind) {
  return kind == OMEN_TILT_BERNOULLI ? "bernoulli" : kind == OMEN_TILT_NORMAL ? "normal" : "uniform";
}

/// The shape of the weights' tail: Pareto k-hat (Zhang and Stephens' fit), except where
/// the weights take few values (a walk's, by its count of downs): ties in the tail make that
/// fit meaningless (k-hat of 20 for weights that vary by a factor of 3), and Hill's estimator
/// of the same shape, the mean log excess over the (M+1)th largest, is used instead.
double tailShape(const std::vector<double>& largest, uint64_t hits) {
  const double khat = paretoKHat(largest, hits);
  const double n = static_cast<double>(hits);
  const size_t m = static_cast<size_t>(std::min(n / 5, std::ceil(3 * std::sqrt(n))));
  if (std::isnan(khat) || largest.size() < m + 1) return khat;
  size_t distinct = 1;
  for (size_t i = 1; i <= m; ++i) distinct += largest[i] != largest[i - 1];
  if (2 * distinct > m) return khat;
  double excess = 0;
  for (size_t i = 0; i < m; ++i) excess += largest[i] - largest[m];
  return excess / static_cast<double>(m);
}

std::string tiltedSitesText(const std::vector<SiteTilt>& tilts) {
  std::string out;
  for (const SiteTilt& t : tilts) out += (out.empty() ? "" : ", ") + std::string(kindName(t.kind)) + " at " + t.where;
  return out;
}

}  // namespace

RareOutcome rareEvent(ScenarioSource& source, const RunOptions& options, const RareOptions& what) {
  auto start = std::chrono::steady_clock::now();
  RareOutcome out;
  RareResult& result = out.result;
  describeRun(result, source, options);
  result.event = what.event;
  auto usage = usageOf(out);
  // The method's own refusals, as sentences that name the event; a runtime error of the
  // scenario comes rendered with its source line instead.
  auto refuse = [&](std::string message) {
    result.seconds = detail::secondsSince(start);
    return failWith(out, Failure::Runtime, std::move(message));
  };
  auto cannot = [&](const std::string& why) {
    return refuse(fmt::format("{}: rare event '{}'{}: no estimate: {}\n", result.file, what.event,
                              result.scenario.empty() ? "" : " in scenario " + result.scenario, why));
  };
  if (what.event.empty()) return usage("say which event: --event LABEL, the label of a P(…) report");
  if (what.pilot < 100) return usage("--pilot must be at least 100 trials");
  if (what.rounds < 1 || what.rounds > 100) return usage("--rounds must be from 1 to 100");

  PreparedRun prepared;
  const Kernel* chosen = prepareAnalysis(out, source, what.scenario, options, prepared);
  if (!chosen) return out;
  const Kernel& kernel = *chosen;
  const ScenarioInfo& info = kernel.info();
  size_t event = 0;
  if (std::string e = findReport(info, what.event, event); !e.empty()) return usage(e);
  if (info.reports[event].kind != ReportKind::Probability || info.reports[event].conditional)
    return usage("report '" + what.event + "' must be an unconditional P(…) report: omen rare estimates the probability of an event");
  if (info.weighted)
    return usage("scenario '" + info.name + "' observes: omen rare does not combine its likelihood ratios with observations yet; "
                 "run it with `omen run` (docs/evidence.md)");
  if (!what.splitOn.empty()) {
    splitEvent(source, prepared.indices[0], options, what, out);
    return out;
  }
  std::vector<SiteTilt> tilts = untilted(info);
  if (tilts.empty())
    return cannot("the scenario has no draw omen rare can tilt (bernoulli, `with probability`, normal, uniform), "
                  "so importance sampling does not apply. If the event is reached step by step, split on a "
                  "quantity that rises towards it (--split-on EXPR, multilevel splitting); else a plain run needs "
                  "about 100 / P trials (`omen run --rel-precision 10%`), or rewrite the draws the event depends on "
                  "with tiltable ones (docs/rare-events.md)");

  DriverOptions driver;
  if (std::string error = driverOptions(options, kernel, driver); !error.empty()) return usage(error);
  std::vector<Value> globals;
  if (auto error = detail::prepareGlobals(kernel, driver.overrides, globals))
    return refuse(source.renderError(prepared.indices[0], *error));

  start = std::chrono::steady_clock::now();  // `seconds`: the runs, as a run's (compiling apart)
  TiltedRunRequest request;
  request.seed = options.seed;
  request.threads = detail::workerCount(driver);
  request.cancel = options.cancel;
  request.eventReport = event;
  request.slots = static_cast<uint32_t>(tilts.size());
  auto runWith = [&](uint64_t firstTrial, uint64_t trials, TiltedRunOutcome& run) -> bool {
    request.firstTrial = firstTrial;
    request.trials = trials;
    request.params = tiltParams(tilts);
    run = runTilted(kernel, globals, request);
    result.simulated += run.totals.trials;
    if (run.error) {
      if (run.error->error.code == OMEN_ERR_CANCELLED) return false;
      RunError e = *run.error;
      e.trial += firstTrial;
      refuse(source.renderError(prepared.indices[0], e));
      return false;
    }
    return !run.cancelled;
  };

  // Pilot rounds.
  bool widened = false, drawnWidened = false;
  uint64_t updates = 0;
  for (uint64_t round = 0; round < what.rounds; ++round) {
    TiltedRunOutcome run;
    if (!runWith((round + 1) * kRoundStride, what.pilot, run)) {
      if (out.failure != Failure::None) return out;
      // Ctrl-C: the finished rounds are what there is; their tilt estimates nothing.
      result.partial = true;
      result.stoppedIn = fmt::format("pilot round {} of at most {}", round + 1, what.rounds);
      result.noEstimate = "the pilot rounds tune the tilt and estimate nothing; the final run did not start";
      result.seconds = detail::secondsSince(start);
      return out;
    }
    const TiltedTotals& t = run.totals;
    result.rounds.push_back({t.trials, t.hits, drawnWidened});
    drawnWidened = false;
    if (t.hits < kMinElite && !widened) {
      widen(tilts, t.plain);
      widened = drawnWidened = true;
      continue;
    }
    if (t.hits == 0)
      return cannot(fmt::format(
          "no pilot trial reached it: {} rounds of {} trials, the last with bernoulli choices at 1/2 and "
          "normal scores with sd 3 ({}). Importance sampling cannot tune itself without one. Try: more pilot trials "
          "(--pilot), an event closer to reach to check the scenario, or a scenario whose draws can make the event "
          "likely (docs/rare-events.md)",
          result.rounds.size(), what.pilot, tiltedSitesText(tilts)));
    double change = crossEntropyUpdate(tilts, t.elite.sums(), t.weights.sumW(), t.weights.ess());
    ++updates;
    if (updates >= 2 && change < kSettled && t.hits * 10 >= t.trials) break;
  }

  // The final run under the tuned tilt.
  TiltedRunOutcome run;
  bool complete = runWith(0, options.trials, run);
  if (!complete && out.failure != Failure::None) return out;
  result.partial = !complete;
  if (result.partial) result.stoppedIn = "the final run";
  // Interrupted, a refusal below is no error of the method: the run stops with what it has.
  auto cannotYet = [&](const std::string& why) {
    if (!result.partial) return cannot(why);
    result.noEstimate = why;
    result.seconds = detail::secondsSince(start);
    return out;
  };
  const TiltedTotals& t = run.totals;
  result.trialsCompleted = t.trials;
  result.hits = t.hits;
  for (size_t k = 0; k < tilts.size(); ++k) {
    const double* s = t.plain.data() + k * OMEN_TILT_STATS;
    RareTilt tilt{tilts[k].where, kindName(tilts[k].kind), tilts[k].a, tilts[k].b, t.trials ? s[0] / double(t.trials) : 0};
    if (tilts[k].kind == OMEN_TILT_BERNOULLI || tilts[k].kind == OMEN_TILT_UNIFORM) tilt.b = s[0] > 0 ? s[tilts[k].kind == OMEN_TILT_BERNOULLI ? 2 : 1] / s[0] : 0;
    result.tilts.push_back(tilt);
  }
  if (t.hits == 0)
    return cannotYet(fmt::format("none of the {} final trials reached it under the tuned tilt ({} pilot rounds), and an "
                              "estimate of 0 would come with a false standard error of 0. Try more trials (--trials) or "
                              "more pilot trials (--pilot)",
                              t.trials, result.rounds.size()));
  const double n = static_cast<double>(t.trials);
  const double scale = std::exp(t.weights.maxLog());
  const double mean = t.weights.sumW() / n, second = t.weights.sumW2() / n;
  const double variance = n > 1 ? std::max(0.0, second - mean * mean) * n / (n - 1) : 0.0;
  result.estimate = mean * scale;
  result.stdError = std::sqrt(variance / n) * scale;
  result.ciLow = std::max(0.0, result.estimate - 1.959963984540054 * result.stdError);
  result.ciHigh = result.estimate + 1.959963984540054 * result.stdError;
  result.relError = result.stdError / result.estimate;
  result.ess = t.weights.ess();
  result.khat = tailShape(t.weights.largest(), t.hits);
  if (result.khat > kKhatRefuse) {
    const double estimate = result.estimate, stdError = result.stdError;
    result.estimate = result.stdError = result.ciLow = result.ciHigh = result.relError = 0;
    return cannotYet(fmt::format(
        "the likelihood-ratio weights of the event trials are degenerate (Pareto k-hat {:.2f} > {}): a few trials carry "
        "the estimate ({:.4g}) and its standard error ({:.2g}) would be falsely small. Try more pilot trials (--pilot) or "
        "rounds (--rounds) so the tilt settles, or more trials (--trials); see docs/rare-events.md",
        result.khat, kKhatRefuse, estimate, stdError));
  }
  result.estimated = true;
  if (std::isnan(result.khat))
    result.warnings.push_back(fmt::format("only {} trials reached the event: too few to check the weights (Pareto k-hat)", t.hits));
  else if (result.khat > kKhatWarn)
    result.warnings.push_back(fmt::format("Pareto k-hat {:.2f} > {}: the standard error may be optimistic; more trials would tell", result.khat, kKhatWarn));
  if (t.hits < 100)
    result.warnings.push_back(fmt::format("only {} trials reached the event: the standard error is itself uncertain", t.hits));
  result.seconds = detail::secondsSince(start);
  return out;
}

}  // namespace omen::rt
