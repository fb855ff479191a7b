//===- SobolEstimators.cpp - First-order and total Sobol' indices ----------===//

#include "runtime/host/analysis/SobolEstimators.h"

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <random>

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
  // One index matrix for every column, as SALib draws `r` once per analysis.
  std::mt19937_64 rng(seed);
  std::vector<std::vector<uint32_t>> draws(resamples, std::vector<uint32_t>(n));
  for (auto& rows : draws)
    for (auto& j : rows) j = static_cast<uint32_t>(rng() % n);
  double z = boost::math::quantile(boost::math::normal(), 0.5 + level / 2);

  std::vector<SobolEstimate> out;
  for (const auto& column : ab) {
    std::vector<double> zab = standard(column);
    Pair point = estimate(za.data(), zb.data(), zab.data(), all);
    std::vector<double> firsts, totals;
    for (const auto& rows : draws) {
      Pair p = estimate(za.data(), zb.data(), zab.data(), rows);
      firsts.push_back(p.first);
      totals.push_back(p.total);
    }
    out.push_back({point.first, z * sampleSd(firsts), point.total, z * sampleSd(totals)});
  }
  return out;
}

}  // namespace omen::rt
