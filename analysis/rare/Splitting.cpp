//===- Splitting.cpp - Fixed-effort multilevel splitting on replayed clones -===//

#include "analysis/rare/Splitting.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>

#include "runtime/host/DriverScheduler.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/RunScenarios.h"

namespace omen::rt {
namespace {

constexpr double kLevelShare = 0.2;    ///< the share of a level's trials the next level is set for
constexpr uint64_t kMaxLevels = 200;   ///< a pilot still climbing after this many levels is refused
constexpr uint64_t kPilotReplication = (uint64_t(1) << 22) - 1;
constexpr double kSplitInf = std::numeric_limits<double>::infinity();

uint64_t streamId(uint64_t replication, uint64_t level, uint64_t index) {
  return (uint64_t(1) << 62) | (replication << 40) | (level << 32) | index;
}

/// A trial to run: its first stream and the (step, stream) switches after it.
struct SplitLineage {
  uint64_t root = 0;
  std::vector<uint64_t> steps, streams;
};

/// What one trial's split points and reports showed.
struct SplitSeen {
  uint64_t steps = 0;
  double maxValue = -kSplitInf;
  int64_t crossStep = -1;
  bool event = false;
};

struct SplitStage {
  std::vector<SplitSeen> seen;
  void put(ByteWriter& w) const {
    std::vector<double> flat;
    for (const SplitSeen& s : seen) flat.insert(flat.end(), {double(s.steps), s.maxValue, double(s.crossStep), double(s.event)});
    w.putDoubles(flat);
  }
  void get(ByteReader& r) {
    std::vector<double> flat = r.getDoubles();
    seen.clear();
    for (size_t i = 0; i + 3 < flat.size(); i += 4)
      seen.push_back({uint64_t(flat[i]), flat[i + 1], int64_t(flat[i + 2]), flat[i + 3] != 0});
  }
};

/// SplitMix64 (Steele, Lea and Flood, 2014): the allocation of clones to parents, from the
/// seed and the level alone, so it is the same on every engine, thread count and rank.
uint64_t splitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Splitter {
 public:
  Splitter(const Kernel& kernel, const std::vector<Value>& globals, uint64_t seed, unsigned threads,
           const std::atomic<bool>* cancel, size_t eventReport)
      : kernel_(kernel), globals_(globals), seed_(seed), cancel_(cancel), event_(eventReport), pool_(std::max(1u, threads)) {}

  /// Runs every trial of `trials` watching `threshold` (ending each that reaches it when
  /// `stop`); false on an error or Ctrl-C (error() / cancelled()).
  bool run(const std::vector<SplitLineage>& trials, double threshold, bool stop, std::vector<SplitSeen>& seen) {
    std::vector<std::vector<double>> outcomes(pool_.size());
    seen.clear();
    seen.reserve(trials.size());
    ScheduleOutcome schedule = scheduleBlocks<SplitStage>(
        trials.size(), pool_, cancel_,
        [&](uint64_t first, uint32_t count, unsigned worker, SplitStage& block) -> std::optional<BlockFailure> {
          block.seen.assign(count, SplitSeen{});
          for (uint32_t j = 0; j < count; ++j) {
            const SplitLineage& l = trials[first + j];
            OmenSplit split{l.steps.data(), l.streams.data(), static_cast<uint32_t>(l.steps.size()), 0, threshold,
                            stop ? 1u : 0u, 0, 0, -kSplitInf, -1};
            double row = 0;
            OmenTilt tilt{nullptr, 0, 1, &row, l.root, &split};
            if (std::optional<RunError> e = detail::runAndCheck(kernel_, globals_, seed_, l.root, 1, outcomes[worker], cancel_, &tilt))
              return BlockFailure(*e);
            block.seen[j] = {split.steps, split.maxValue, split.crossStep,
                             outcomes[worker][event_ * kOutcomeWidth + 1] != 0};
          }
          return std::nullopt;
        },
        [&](SplitStage&& block) { seen.insert(seen.end(), block.seen.begin(), block.seen.end()); }, [](uint64_t) { return false; },
        BlockCodec<SplitStage>{[](ByteWriter& w, const SplitStage& s) { s.put(w); }, [](ByteReader& r, SplitStage& s) { s.get(r); },
                          [&](ByteWriter& w) { SplitStage{seen}.put(w); },
                          [&](ByteReader& r) {
                            SplitStage s;
                            s.get(r);
                            seen = std::move(s.seen);
                          }});
    for (const SplitSeen& s : seen) steps_ += s.steps;
    for (const SplitLineage& l : trials) replayed_ += l.steps.empty() ? 0 : l.steps.back() + 1;
    error_ = schedule.error;
    cancelled_ = schedule.cancelled;
    return !error_ && !cancelled_ && seen.size() == trials.size();
  }

  const std::optional<RunError>& error() const { return error_; }
  bool cancelled() const { return cancelled_; }
  uint64_t steps() const { return steps_; }
  uint64_t replayed() const { return replayed_; }

 private:
  const Kernel& kernel_;
  const std::vector<Value>& globals_;
  uint64_t seed_;
  const std::atomic<bool>* cancel_;
  size_t event_;
  ThreadPool pool_;
  std::optional<RunError> error_;
  bool cancelled_ = false;
  uint64_t steps_ = 0, replayed_ = 0;
};

std::vector<SplitLineage> splitRoots(uint64_t replication, uint64_t n) {
  std::vector<SplitLineage> out(n);
  for (uint64_t j = 0; j < n; ++j) out[j].root = streamId(replication, 0, j);
  return out;
}

/// n trials started at the states where `trials` first reached the level (those `seen`
/// crossed it): each such state gets floor(n / N) of them and n mod N distinct states, drawn
/// at random, one more, so every state's expected share is exactly n / N (unbiasedness).
std::vector<SplitLineage> splitClones(const std::vector<SplitLineage>& trials, const std::vector<SplitSeen>& seen, uint64_t n, uint64_t seed,
                            uint64_t replication, uint64_t level) {
  std::vector<size_t> entered;
  for (size_t i = 0; i < seen.size(); ++i)
    if (seen[i].crossStep >= 0) entered.push_back(i);
  const size_t parents = entered.size();
  std::vector<uint64_t> count(parents, n / parents);
  std::vector<size_t> order(parents);
  for (size_t i = 0; i < parents; ++i) order[i] = i;
  uint64_t state = seed ^ streamId(replication, level, 0);
  for (size_t i = 0; i < n % parents; ++i) {
    size_t pick = i + size_t(splitMix64(state) % (parents - i));
    std::swap(order[i], order[pick]);
    ++count[order[i]];
  }
  std::vector<SplitLineage> out;
  out.reserve(n);
  for (size_t p = 0; p < parents; ++p) {
    const SplitLineage& from = trials[entered[p]];
    for (uint64_t c = 0; c < count[p]; ++c) {
      SplitLineage l = from;
      l.steps.push_back(uint64_t(seen[entered[p]].crossStep));
      l.streams.push_back(streamId(replication, level, out.size()));
      out.push_back(std::move(l));
    }
  }
  return out;
}

uint64_t countEvents(const std::vector<SplitSeen>& seen, bool SplitSeen::*what) {
  uint64_t n = 0;
  for (const SplitSeen& s : seen) n += s.*what;
  return n;
}

uint64_t crossedLevel(const std::vector<SplitSeen>& seen) {
  uint64_t n = 0;
  for (const SplitSeen& s : seen) n += s.crossStep >= 0;
  return n;
}

std::string splitValueText(double v) { return fmt::format("{:.6g}", v); }

}  // namespace

void splitEvent(ScenarioSource& source, size_t index, const RunOptions& options, const RareOptions& what,
                RareOutcome& out) {
  size_t eventReport = 0;
  auto start = std::chrono::steady_clock::now();
  RareResult& result = out.result;
  result.method = "multilevel splitting";
  result.khat = std::numeric_limits<double>::quiet_NaN();  // no weights: splitting has no k-hat or ESS
  result.splitOn = what.splitOn;
  result.effort = what.effort;
  result.replications = what.replications;
  auto usage = [&](std::string message) { failWith(out, Failure::Options, std::move(message)); };
  auto cannot = [&](const std::string& why) {
    result.seconds = detail::secondsSince(start);
    failWith(out, Failure::Runtime,
             fmt::format("{}: rare event '{}' in scenario {}: no estimate by splitting on {}: {}\n", result.file, what.event,
                         result.scenario, what.splitOn, why));
  };
  if (what.effort < 10 || what.effort > 100000000) return usage("--effort must be from 10 to 100000000 trials per level");
  if (what.replications < 2 || what.replications > 10000)
    return usage("--replications must be from 2 to 10000 (the standard error is their spread)");

  std::string error;
  const Kernel* kernel = source.splitKernel(index, what.splitOn, error);
  if (!kernel) return usage(error);
  for (size_t r = 0; r < kernel->info().reports.size(); ++r)
    if (kernel->info().reports[r].label == what.event) eventReport = r;
  DriverOptions driver;
  if (std::string e = driverOptions(options, *kernel, driver); !e.empty()) return usage(e);
  std::vector<Value> globals;
  if (auto e = detail::prepareGlobals(*kernel, driver.overrides, globals)) {
    failWith(out, Failure::Runtime, source.renderSplitError(index, *e));
    return;
  }
  start = std::chrono::steady_clock::now();
  Splitter splitter(*kernel, globals, options.seed, detail::workerCount(driver), options.cancel, eventReport);
  const uint64_t n = what.effort;
  auto failed = [&]() {
    result.steps = splitter.steps();
    if (splitter.error() && splitter.error()->error.code != OMEN_ERR_CANCELLED) {
      failWith(out, Failure::Runtime, source.renderSplitError(index, *splitter.error()));
      return;
    }
    // Ctrl-C: the replications are averaged only whole, so an interrupted run estimates nothing.
    result.partial = true;
    result.stoppedIn = "multilevel splitting";
    result.noEstimate = "interrupted before the replications finished; splitting estimates only from whole ones";
    result.seconds = detail::secondsSince(start);
  };

  // The pilot: levels, each the value the top kLevelShare of the trials started at the
  // level before reach, until that share reaches the event itself.
  std::vector<double> levels;
  std::vector<SplitLineage> population = splitRoots(kPilotReplication, n);
  std::vector<SplitSeen> seen;
  double level = -kSplitInf;
  for (uint64_t stage = 0;; ++stage) {
    if (!splitter.run(population, kSplitInf, false, seen)) return failed();
    if (stage == 0) result.plainSteps = double(splitter.steps()) / double(n);
    const uint64_t events = countEvents(seen, &SplitSeen::event);
    if (double(events) >= kLevelShare * double(n)) break;
    std::vector<double> maxima;
    double lowestEvent = kSplitInf;
    for (const SplitSeen& s : seen) {
      maxima.push_back(s.maxValue);
      if (s.event) lowestEvent = std::min(lowestEvent, s.maxValue);
    }
    std::sort(maxima.begin(), maxima.end(), std::greater<>());
    double next = maxima[size_t(std::ceil(kLevelShare * double(n))) - 1];
    if (!(next > level)) {
      auto higher = std::find_if(maxima.rbegin(), maxima.rend(), [&](double m) { return m > level; });
      if (higher == maxima.rend()) {
        if (events > 0) break;  // the event is reached from this level, if rarely
        return cannot(fmt::format(
            "the levels do not progress: of {} pilot trials started at {} = {}, none went higher, and none reached the "
            "event. Try an expression that rises step by step on the way to the event (e.g. a distance to it that "
            "shrinks), more trials per level (--effort), or importance sampling (omen rare without --split-on)",
            n, what.splitOn, splitValueText(level)));
      }
      next = *higher;
    }
    // A level no event trial reached would cut the event's paths off: stop below them.
    if (events > 0 && next > lowestEvent) break;
    if (stage + 1 >= kMaxLevels)
      return cannot(fmt::format("the pilot was still climbing after {} levels (the last {} = {}): the event is too far for "
                                "levels this close. Try an expression whose values spread more per step",
                                kMaxLevels, what.splitOn, splitValueText(level)));
    std::vector<SplitSeen> entered;
    if (!splitter.run(population, next, true, entered)) return failed();
    if (crossedLevel(entered) == 0) return cannot("internal error: a replayed pilot stage did not reach its level again");
    levels.push_back(next);
    population = splitClones(population, entered, n, options.seed, kPilotReplication, levels.size());
    level = next;
  }
  result.pilotLevels = levels.size();

  // The replications: fixed effort n per level.
  const size_t m = levels.size();
  std::vector<double> estimates, shareSums(m + 1, 0.0);
  for (uint64_t r = 0; r < what.replications; ++r) {
    std::vector<SplitLineage> trials = splitRoots(r, n);
    double estimate = 1;
    for (size_t k = 0; k < m && estimate > 0; ++k) {
      if (!splitter.run(trials, levels[k], true, seen)) return failed();
      const double share = double(crossedLevel(seen)) / double(n);
      shareSums[k] += share;
      estimate *= share;
      if (share > 0) trials = splitClones(trials, seen, n, options.seed, r, k + 1);
    }
    if (estimate > 0) {
      if (!splitter.run(trials, kSplitInf, false, seen)) return failed();
      const double share = double(countEvents(seen, &SplitSeen::event)) / double(n);
      shareSums[m] += share;
      estimate *= share;
    }
    estimates.push_back(estimate);
  }
  result.steps = splitter.steps();
  result.replayedSteps = splitter.replayed();
  const double reps = double(estimates.size());
  double mean = 0;
  for (double e : estimates) mean += e;
  mean /= reps;
  double ss = 0;
  for (double e : estimates) ss += (e - mean) * (e - mean);
  const double se = std::sqrt(ss / (reps - 1) / reps);
  for (size_t k = 0; k < m; ++k) result.levels.push_back({levels[k], shareSums[k] / reps});
  result.eventShare = shareSums[m] / reps;
  result.trialsCompleted = n * (m + 1) * estimates.size();
  result.simulated = result.trialsCompleted + n * (2 * m + 1);
  uint64_t zero = 0;
  for (double e : estimates) zero += e == 0;
  if (mean == 0)
    return cannot(fmt::format("no replication reached the event ({} replications of {} trials per level over {} levels), "
                              "and an estimate of 0 would come with a false standard error of 0. Try more trials per "
                              "level (--effort)",
                              estimates.size(), n, m));
  const double t = boost::math::quantile(boost::math::students_t(reps - 1), 0.975);
  result.estimated = true;
  result.estimate = mean;
  result.stdError = se;
  result.ciLow = std::max(0.0, mean - t * se);
  result.ciHigh = mean + t * se;
  result.relError = se / mean;
  if (zero > 0)
    result.warnings.push_back(fmt::format("{} of {} replications reached no event: more trials per level (--effort) would "
                                          "steady the estimate",
                                          zero, estimates.size()));
  if (result.relError > 0.3)
    result.warnings.push_back("relative error above 30%: the standard error rests on few replications and is itself "
                              "uncertain; more replications (--replications) would tell");
  result.seconds = detail::secondsSince(start);
}

}  // namespace omen::rt
