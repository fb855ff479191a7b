//===- Worlds.cpp - Two-level runs (`--worlds`), once for every client ------===//

#include "runtime/host/ParamValue.h"
#include "analysis/worlds/Worlds.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <mutex>

#include "runtime/host/Cluster.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/MemoryBudget.h"
#include "runtime/host/Progress.h"
#include "runtime/host/RunScenarios.h"
#include "runtime/host/Settings.h"
#include "runtime/host/StateCodec.h"
#include "runtime/host/ThreadPool.h"
#include "analysis/ParamDraws.h"
#include "analysis/worlds/WorldSummary.h"

namespace omen::rt {
namespace {

// World w's run: the epistemic params pinned to their world values, trials w·N … w·N + N − 1.
DriverOptions worldOptions(const DriverOptions& base, const ScenarioInfo& info, const std::vector<size_t>& epistemic,
                           const std::vector<std::vector<double>>& values, uint64_t w, unsigned threads,
                           bool acrossRanks) {
  DriverOptions o = base;
  for (size_t e = 0; e < epistemic.size(); ++e)
    pinParam(info, info.params[epistemic[e]].name, paramValue(info.params[epistemic[e]], values[e][w]), o.overrides);
  o.firstTrial = w * base.trials;
  o.acrossRanks = acrossRanks;
  o.threads = threads;
  o.progress = false;
  // Ctrl-C is seen inside a world: a cut world is dropped whole (r.partial below).
  return o;
}

// Under mpirun: every rank sends the worlds it ran (w ≡ rank mod N) to every other, so each
// rank holds every world's reports, in world order, and the lowest failing world.
void worldsOnRanks(uint64_t ranks, size_t reports, bool weighted, std::vector<ScenarioResult>& perWorld,
                   std::vector<char>& finished, std::optional<std::pair<uint64_t, RunError>>& failure) {
  ByteWriter w;
  for (uint64_t world = static_cast<uint64_t>(cluster::rank()); world < perWorld.size(); world += ranks) {
    const ScenarioResult& r = perWorld[world];
    w.put<uint8_t>(finished[world]);
    w.put<uint8_t>(r.error.has_value());
    if (r.error) StateCodec::put(w, *r.error);
    else if (finished[world]) {
      for (const ReportResult& report : r.reports) StateCodec::put(w, report);
      if (weighted) {
        const Evidence e = r.evidence.value_or(Evidence{});
        w.put(e.logEstimate), w.put(e.estimate), w.put(e.stdError);
      }
    }
  }
  std::vector<std::string> all = cluster::allGather(w.bytes());
  for (uint64_t from = 0; from < ranks; ++from) {
    ByteReader r(all[from]);
    for (uint64_t world = from; world < perWorld.size(); world += ranks) {
      ScenarioResult& result = perWorld[world];
      finished[world] = static_cast<char>(r.get<uint8_t>());
      if (r.get<uint8_t>()) {
        result.error = StateCodec::getError(r);
        if (!failure || world < failure->first) failure = std::make_pair(world, *result.error);
      } else if (finished[world]) {
        result.reports.clear();
        for (size_t k = 0; k < reports; ++k) result.reports.push_back(StateCodec::getReport(r));
        // Weighing worlds needs the log evidence, summarising them the evidence and its se.
        if (weighted) {
          result.evidence = Evidence{};
          result.evidence->logEstimate = r.get<double>();
          result.evidence->estimate = r.get<double>();
          result.evidence->stdError = r.get<double>();
        }
      }
    }
  }
}

}  // namespace

WorldsOutcome runWorlds(ScenarioSource& source, const RunOptions& options) {
  WorldsOutcome out;
  WorldsResult& result = out.result;
  describeRun(result, source, options);
  result.worlds = options.worlds;
  PreparedRun prepared;
  out.failure = prepareRun(source, options.scenarios, options, prepared, out.error);
  if (out.failure != Failure::None) return out;
  const uint64_t worlds = options.worlds;

  for (size_t s = 0; s < prepared.kernels.size(); ++s) {
    auto start = std::chrono::steady_clock::now();
    const Kernel& kernel = *prepared.kernels[s];
    const ScenarioInfo& info = kernel.info();
    size_t index = prepared.indices[s];
    DriverOptions base;
    if (std::string e = driverOptions(options, kernel, base); !e.empty()) {
      out.failure = Failure::Options;
      out.error = e;
      return out;
    }
    WorldsScenario scenario;
    scenario.name = info.name;

    // The epistemic params not pinned by --set, and the param kernel's report of each.
    std::vector<size_t> epistemic, column;
    size_t uncertainSeen = 0;
    for (size_t p = 0; p < info.params.size(); ++p) {
      const ParamInfo& param = info.params[p];
      if (!param.uncertain) continue;
      bool pinned = false;
      for (const Override& o : base.overrides) pinned |= o.slot == param.pinnedSlot;
      if (param.epistemic && !pinned) {
        epistemic.push_back(p);
        column.push_back(uncertainSeen);
        scenario.epistemic.push_back(param.name);
      }
      ++uncertainSeen;
    }
    // Every world keeps its result and its epistemic draws until the summary: refuse, before
    // drawing anything, a count whose results cannot fit in memory (issue 22).
    const double bytesPerWorld = sizeof(ScenarioResult) + 8.0 * (epistemic.size() + 2) +
                            double(info.reports.size()) * (sizeof(ReportResult) + 3 * sizeof(double));
    if (std::string e = memoryNeedError(fmt::format("--worlds {} (the worlds' results)", worlds), double(worlds) * bytesPerWorld);
        !e.empty())
      return failWith(out, Failure::Options, e);
    if (!epistemic.empty()) {
      std::string error;
      const Kernel* paramKernel = source.paramKernel(index, error);
      if (!paramKernel) return failWith(out, Failure::Runtime, "internal error: " + error);
      std::vector<std::vector<double>> draws;
      if (auto e = drawParams(*paramKernel, base.overrides, options.seed, kWorldStreams, worlds, draws)) {
        out.failure = Failure::Runtime;
        out.error = "runtime error while drawing the epistemic params of '" + info.name + "'" +
                    (e->inGlobals ? "" : " for world " + std::to_string(e->trial - kWorldStreams)) +
                    " (run it without --worlds to see where)\n";
        return out;
      }
      for (size_t c : column) scenario.epistemicValues.push_back(draws[c]);
    }

    // Each world's results, in world order. Short worlds run whole, one per worker; under
    // mpirun world w runs on rank w mod N and the ranks then swap their worlds' reports
    // (worldsOnRanks). Longer worlds run one after another, each on every worker and, under
    // mpirun, with its blocks shared out over the ranks like any run (no rank sits idle
    // when there are fewer worlds than ranks).
    const bool wholeWorlds = options.trials <= kBlockSize;
    const uint64_t rank = static_cast<uint64_t>(cluster::rank()), ranks = static_cast<uint64_t>(cluster::size());
    std::vector<uint64_t> mine;
    for (uint64_t w = wholeWorlds ? rank : 0; w < worlds; w += wholeWorlds ? ranks : 1) mine.push_back(w);
    std::vector<ScenarioResult> perWorld(worlds);
    std::vector<char> finished(worlds, 0);
    Progress progress(mine.size() * options.trials, options.progress);
    std::optional<std::pair<uint64_t, RunError>> failure;
    if (wholeWorlds) {
      ThreadPool pool(std::max<unsigned>(1, std::min<uint64_t>(result.threads, mine.size())));
      std::mutex mutex;
      uint64_t next = 0;
      pool.runOnAll([&](unsigned) {
        for (;;) {
          uint64_t w;
          {
            std::lock_guard<std::mutex> lock(mutex);
            if (next >= mine.size() || failure || (options.cancel && options.cancel->load())) return;
            w = mine[next++];
          }
          ScenarioResult r = run(kernel, worldOptions(base, info, epistemic, scenario.epistemicValues, w, 1, false));
          std::lock_guard<std::mutex> lock(mutex);
          if (r.partial) return;  // cut by Ctrl-C inside a trial: the world did not finish
          if (r.error && (!failure || w < failure->first)) failure = std::make_pair(w, *r.error);
          perWorld[w] = std::move(r);
          finished[w] = 1;
          progress.add(options.trials);
        }
      });
    } else {
      for (uint64_t w : mine) {
        if (options.cancel && options.cancel->load()) break;
        perWorld[w] =
            run(kernel, worldOptions(base, info, epistemic, scenario.epistemicValues, w, options.threads, true));
        if (perWorld[w].partial) break;  // cut by Ctrl-C inside a trial
        if (perWorld[w].error) {
          failure = std::make_pair(w, *perWorld[w].error);
          break;
        }
        finished[w] = 1;
      }
    }
    if (ranks > 1 && wholeWorlds) worldsOnRanks(ranks, info.reports.size(), info.weighted, perWorld, finished, failure);
    // Keep the contiguous prefix of finished worlds (the rest may have run in part). Every
    // world before the lowest failing one ran: each rank stops only at its own first failure.
    uint64_t completed = 0;
    while (completed < worlds && finished[completed]) ++completed;
    const bool cancelled = completed < worlds && !failure;
    progress.finish();
    if (failure) {
      out.failure = Failure::Runtime;
      uint64_t world = failure->first;
      std::string drawn;
      for (size_t e = 0; e < epistemic.size(); ++e)
        drawn += (e ? ", " : ", where ") + info.params[epistemic[e]].name + " = " +
                 formatParamValue(info.params[epistemic[e]], scenario.epistemicValues[e][world]);
      out.error = source.renderError(index, failure->second) + "note: in world " + std::to_string(world) + drawn + "\n";
      return out;
    }
    scenario.worldsCompleted = completed;
    scenario.partial = cancelled;
    for (auto& values : scenario.epistemicValues) values.resize(completed);
    if (info.weighted) {
      std::vector<ReportResult> evidence;
      for (uint64_t w = 0; w < completed; ++w) {
        scenario.logEvidence.push_back(perWorld[w].evidence ? perWorld[w].evidence->logEstimate : -INFINITY);
        evidence.push_back(evidenceAsReport(perWorld[w].evidence));
      }
      scenario.evidence = WorldReport{};
      scenario.evidence->label = "evidence";
      scenario.evidence->kind = ReportKind::Mean;
      summariseWorlds(evidence, {}, *scenario.evidence);
    }
    for (size_t r = 0; r < info.reports.size(); ++r) {
      WorldReport report;
      report.label = info.reports[r].label;
      report.kind = info.reports[r].kind;
      report.conditional = info.reports[r].conditional;
      std::vector<ReportResult> estimates;
      for (uint64_t w = 0; w < completed; ++w) estimates.push_back(perWorld[w].reports[r]);
      summariseWorlds(estimates, options.exceed, report);
      if (info.weighted) weighWorldsByEvidence(estimates, scenario.logEvidence, options.exceed, report);
      scenario.reports.push_back(std::move(report));
    }
    scenario.seconds = detail::secondsSince(start);
    result.scenarios.push_back(std::move(scenario));
    if (cancelled) break;
  }
  return out;
}

}  // namespace omen::rt
