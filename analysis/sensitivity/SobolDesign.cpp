//===- SobolDesign.cpp - A Saltelli design evaluated through a kernel -------===//

#include "analysis/sensitivity/SobolDesign.h"

#include <algorithm>
#include <atomic>
#include <mutex>

#include "runtime/host/Cluster.h"
#include "runtime/host/DriverSupport.h"
#include "runtime/host/Progress.h"
#include "runtime/host/StateCodec.h"
#include "runtime/host/ThreadPool.h"
#include "analysis/ParamDraws.h"
#include "analysis/sensitivity/SobolEstimators.h"

namespace omen::rt {

std::optional<RunError> sobolDesign(const SobolDesignInput& in, SensitivityResult& result) {
  const ScenarioInfo& info = in.kernel->info();
  const size_t k = in.inputs.size();
  const uint64_t n = in.rows;

  // Param draws: the param kernel's report r is the r-th uncertain param.
  std::vector<std::vector<double>> draws;
  if (auto error = drawParams(*in.paramKernel, in.driver.overrides, in.driver.seed, kDesignStreams, 2 * n, draws))
    return error;
  std::vector<size_t> column;  // input i -> report of the param kernel
  for (size_t p : in.inputs) {
    size_t r = 0;
    for (size_t q = 0; q < p; ++q) r += info.params[q].uncertain;
    column.push_back(r);
  }

  // Globals with every input pinned (the values are set per row).
  std::vector<Override> overrides = in.driver.overrides;
  for (size_t p : in.inputs) pinParam(info, info.params[p].name, Value{}, overrides);
  std::vector<Value> globals;
  if (auto error = detail::prepareGlobals(*in.kernel, overrides, globals)) return error;

  // Evaluation e: matrix m = e / n (0 A, 1 B, 2..k+1 A_B^i, k+2 A_B^ω), row j = e % n.
  const uint64_t matrices = k + 3, total = matrices * n;
  std::vector<double> y(total);
  const size_t reports = info.reports.size();
  auto evaluate = [&](uint64_t e, std::vector<Value>& g, std::vector<double>& outcome) -> std::optional<RunError> {
    uint64_t m = e / n, j = e % n;
    bool fromB = m == 1;
    for (size_t i = 0; i < k; ++i) {
      bool takeB = fromB || m == 2 + i;
      double v = draws[column[i]][takeB ? n + j : j];
      const ParamInfo& p = info.params[in.inputs[i]];
      if (p.type == ValueType::Real) g[p.slot].r = v;
      else g[p.slot].i = static_cast<int64_t>(v);
    }
    uint64_t trial = (fromB || m == k + 2) ? n + j : j;
    if (auto error = detail::runAndCheck(*in.kernel, g, in.driver.seed, trial, 1, outcome, in.driver.cancel))
      return error;
    y[e] = outcome[in.report * kOutcomeWidth + 1];
    return std::nullopt;
  };

  // Chunk c of evaluations runs on rank c mod N (every chunk here in one process); each
  // evaluation writes its own slot of y, and the ranks then swap their chunks.
  constexpr uint64_t kChunk = 1024;
  const uint64_t rank = static_cast<uint64_t>(cluster::rank()), ranks = static_cast<uint64_t>(cluster::size());
  const uint64_t chunks = (total + kChunk - 1) / kChunk;
  auto chunkEnd = [&](uint64_t c) { return std::min(total, (c + 1) * kChunk); };
  uint64_t mine = 0;
  for (uint64_t c = rank; c < chunks; c += ranks) mine += chunkEnd(c) - c * kChunk;
  ThreadPool pool(in.driver.threads == 0 ? defaultThreadCount() : in.driver.threads);
  Progress progress(mine, in.driver.progress);
  std::atomic<uint64_t> next{rank};
  std::mutex mutex;
  // The failing evaluation with the lowest index: every chunk before the first failing one
  // was handed out before it and runs to its end or its own first failure, on any rank and
  // thread count, so the error reported does not depend on either.
  std::optional<std::pair<uint64_t, RunError>> failure;
  pool.runOnAll([&](unsigned) {
    std::vector<Value> g = globals;
    std::vector<double> outcome(reports * kOutcomeWidth);
    for (;;) {
      uint64_t c = next.fetch_add(ranks);
      if (c >= chunks || (in.driver.cancel && in.driver.cancel->load())) return;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (failure && failure->first < c * kChunk) return;  // this chunk cannot hold a lower one
      }
      for (uint64_t e = c * kChunk; e < chunkEnd(c); ++e) {
        // Ctrl-C is seen between evaluations and inside a heavy trial (runAndCheck polls it).
        if (in.driver.cancel && in.driver.cancel->load()) return;
        if (auto error = evaluate(e, g, outcome)) {
          if (error->error.code == OMEN_ERR_CANCELLED) return;
          std::lock_guard<std::mutex> lock(mutex);
          if (!failure || e < failure->first) failure = std::make_pair(e, *error);
          return;
        }
      }
      progress.add(chunkEnd(c) - c * kChunk);
    }
  });
  progress.finish();
  bool cancelled = in.driver.cancel && in.driver.cancel->load();
  if (ranks > 1) {
    ByteWriter w;
    w.put<uint8_t>(cancelled);
    w.put<uint8_t>(failure.has_value());
    if (failure) {
      w.put(failure->first);
      StateCodec::put(w, failure->second);
    }
    else if (!cancelled)
      for (uint64_t c = rank; c < chunks; c += ranks)
        w.bytes().append(reinterpret_cast<const char*>(&y[c * kChunk]), (chunkEnd(c) - c * kChunk) * sizeof(double));
    std::vector<std::string> all = cluster::allGather(w.bytes());
    for (uint64_t from = 0; from < ranks; ++from) {
      ByteReader r(all[from]);
      cancelled |= r.get<uint8_t>() != 0;
      if (r.get<uint8_t>()) {
        uint64_t e = r.get<uint64_t>();
        RunError error = StateCodec::getError(r);
        if (!failure || e < failure->first) failure = std::make_pair(e, error);
      } else if (!cancelled && from != rank) {
        for (uint64_t c = from; c < chunks; c += ranks)
          for (uint64_t e = c * kChunk; e < chunkEnd(c); ++e) y[e] = r.get<double>();
      }
    }
  }
  if (failure) return failure->second;
  if (cancelled) return std::nullopt;  // the caller reports no indices

  auto slice = [&](uint64_t m) { return std::vector<double>(y.begin() + m * n, y.begin() + (m + 1) * n); };
  std::vector<double> a = slice(0), b = slice(1);
  std::vector<std::vector<double>> ab;
  for (uint64_t m = 2; m < matrices; ++m) ab.push_back(slice(m));
  std::vector<SobolEstimate> estimates = sobolEstimates(a, b, ab, in.resamples, in.level, in.driver.seed);

  double sum = 0, sq = 0;
  for (uint64_t j = 0; j < n; ++j) sum += a[j] + b[j];
  double mean = sum / (2.0 * n);
  for (uint64_t j = 0; j < n; ++j) sq += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean);
  result.outputMean = mean;
  result.outputVariance = sq / (2.0 * n);
  result.rows = n;
  result.resamples = in.resamples;
  result.sobol.clear();
  for (size_t i = 0; i <= k; ++i) {
    const SobolEstimate& s = estimates[i];
    result.sobol.push_back({i < k ? info.params[in.inputs[i]].name : "(trial)", s.first, s.firstHalfWidth, s.total,
                            s.totalHalfWidth});
  }
  return std::nullopt;
}

}  // namespace omen::rt
