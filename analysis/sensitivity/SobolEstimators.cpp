//===- SobolEstimators.cpp - First-order and total Sobol' indices ----------===//

#include "analysis/sensitivity/SobolEstimators.h"

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "runtime/host/Cluster.h"

namespace omen::rt {
namespace {

// Population variance (numpy's default ddof 0) of the union of two equal-length samples,
// read through a row index.
double pooledVariance(const double* a, const double* b, const std::vector<uint32_t>& rows) {
  double sum = 0, sq = 0;
  for (uint32_t j : rows) sum += a[j] + b[j];
  double n = 2.0 * rows.size(), mean = sum / n;
  for (uint32_t j : rows) sq += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean);
  return sq / n;
}

struct Pair {
  double first, total;
};

Pair estimate(const double* a, const double* b, const double* ab, const std::vector<uint32_t>& rows) {
  double v = pooledVariance(a, b, rows);
  if (!(v > 0)) return {0, 0};  // SALib returns 0 where the output does not vary (np.ptp == 0)
  double s = 0, t = 0;
  for (uint32_t j : rows) {
    s += b[j] * (ab[j] - a[j]);
    t += (a[j] - ab[j]) * (a[j] - ab[j]);
  }
  double n = static_cast<double>(rows.size());
  return {s / n / v, 0.5 * t / n / v};
}

double sampleSd(const std::vector<double>& x) {
  double mean = 0, sq = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  for (double v : x) sq += (v - mean) * (v - mean);
  return x.size() > 1 ? std::sqrt(sq / static_cast<double>(x.size() - 1)) : 0;
}

}  // namespace

std::vector<SobolEstimate> sobolEstimates(const std::vector<double>& a, const std::vector<double>& b,
                                          const std::vector<std::vector<double>>& ab, unsigned resamples,
                                          double level, uint64_t seed) {
  const size_t n = a.size();
  // Standardise over every run, as SALib does (Y = (Y − mean) / std); the indices are
  // invariant to it, the rounding is not.
  double sum = 0, count = 0;
  auto each = [&](auto&& f) {
    for (double y : a) f(y);
    for (double y : b) f(y);
    for (const auto& col : ab)
      for (double y : col) f(y);
  };
  each([&](double y) { sum += y, count += 1; });
  double mean = sum / count, sq = 0;
  each([&](double y) { sq += (y - mean) * (y - mean); });
  double sd = std::sqrt(sq / count);
  auto standard = [&](const std::vector<double>& y) {
    std::vector<double> out(y.size());
    for (size_t j = 0; j < y.size(); ++j) out[j] = sd > 0 ? (y[j] - mean) / sd : 0;
    return out;
  };
  std::vector<double> za = standard(a), zb = standard(b);

  std::vector<uint32_t> all(n);
  for (size_t j = 0; j < n; ++j) all[j] = static_cast<uint32_t>(j);
  // One index matrix for every column, as SALib draws `r` once per analysis. Under mpirun
  // resample r is computed on rank r mod N only (the others skip its draws), and the ranks
  // swap their resamples' estimates: each resample is the same numbers as in one process.
  const uint64_t rank = static_cast<uint64_t>(cluster::rank()), ranks = static_cast<uint64_t>(cluster::size());
  std::mt19937_64 rng(seed);
  std::vector<std::vector<uint32_t>> draws;  // this rank's resamples, in order
  for (unsigned r = 0; r < resamples; ++r) {
    if (r % ranks != rank) {
      rng.discard(n);
      continue;
    }
    draws.emplace_back(n);
    for (auto& j : draws.back()) j = static_cast<uint32_t>(rng() % n);
  }
  double z = boost::math::quantile(boost::math::normal(), 0.5 + level / 2);

  std::vector<Pair> points;
  std::vector<double> mine;  // column by column: first, total of each of this rank's resamples
  for (const auto& column : ab) {
    std::vector<double> zab = standard(column);
    points.push_back(estimate(za.data(), zb.data(), zab.data(), all));
    for (const auto& rows : draws) {
      Pair p = estimate(za.data(), zb.data(), zab.data(), rows);
      mine.push_back(p.first);
      mine.push_back(p.total);
    }
  }
  std::string bytes(mine.size() * sizeof(double), '\0');
  if (!mine.empty()) std::memcpy(bytes.data(), mine.data(), bytes.size());  // data() may be null when empty
  std::vector<std::string> parts = cluster::allGather(bytes);
  auto resampleCount = [&](uint64_t q) { return q < resamples ? (resamples - q + ranks - 1) / ranks : 0; };
  std::vector<SobolEstimate> out;
  for (size_t c = 0; c < ab.size(); ++c) {
    std::vector<double> firsts, totals;
    for (unsigned r = 0; r < resamples; ++r) {
      const std::string& from = parts[r % ranks];
      double pair[2];
      std::memcpy(pair, from.data() + ((c * resampleCount(r % ranks) + r / ranks) * 2) * sizeof(double), sizeof pair);
      firsts.push_back(pair[0]);
      totals.push_back(pair[1]);
    }
    out.push_back({points[c].first, z * sampleSd(firsts), points[c].total, z * sampleSd(totals)});
  }
  return out;
}

}  // namespace omen::rt
