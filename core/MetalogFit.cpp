//===- MetalogFit.cpp - Metalog coefficients from stated percentiles -------===//
#include "core/MetalogFit.h"

#include <Eigen/Dense>
#include <cmath>

namespace omen::metalog {

namespace {

// The value as the series sees it: the inverse of fromSeries.
double toSeries(Support support, double lo, double hi, double x) {
  switch (support) {
    case Support::Unbounded: return x;
    case Support::LowerBound: return std::log(x - lo);
    case Support::Bounded: {
      const double f = (x - lo) / (hi - lo);
      return std::log(f / (1.0 - f));
    }
  }
  return x;
}

double slope(const std::vector<double>& a, double y) {
  const double L = std::log(y / (1.0 - y));
  double s = 0.0;
  for (size_t j = 0; j < a.size(); ++j) s += a[j] * basisSlope(static_cast<int>(j), y, L);
  return s;
}

// Probabilities to check the slope at, in increasing order: 50 per decade in either tail
// from 1e-15 (a draw's uniform lies in [2^-53, 1 - 2^-53]) to 1e-3, and 4,000 steps between.
std::vector<double> checkGrid() {
  std::vector<double> tail;  // decreasing: 1e-3 * 10^(-1/50) .. 1e-15
  for (int i = 1; i <= 600; ++i) tail.push_back(std::pow(10.0, -3.0 - i / 50.0));
  std::vector<double> ys(tail.rbegin(), tail.rend());
  for (int i = 4; i <= 3996; ++i) ys.push_back(i / 4000.0);
  for (double t : tail) ys.push_back(1.0 - t);
  return ys;
}

}  // namespace

double firstDecrease(const std::vector<double>& a) {
  static const std::vector<double> grid = checkGrid();
  for (double y : grid)
    if (!(slope(a, y) > 0)) return y;
  return std::nan("");
}

Fit fit(const std::vector<Percentile>& points, Support support, double lo, double hi) {
  const int k = static_cast<int>(points.size());
  Eigen::MatrixXd basisAt(k, k);
  Eigen::VectorXd values(k);
  for (int i = 0; i < k; ++i) {
    const double y = points[i].level, L = std::log(y / (1.0 - y));
    for (int j = 0; j < k; ++j) basisAt(i, j) = basis(j, y, L);
    values(i) = toSeries(support, lo, hi, points[i].value);
  }
  // Least squares (exact for k points and k terms); the QR with column pivoting stays
  // accurate where the basis columns are nearly dependent (many close percentiles).
  Eigen::VectorXd a = basisAt.colPivHouseholderQr().solve(values);
  Fit out;
  std::vector<double> coefficients(a.data(), a.data() + k);
  for (double c : coefficients)
    if (!std::isfinite(c)) return out;
  out.decreasingAt = firstDecrease(coefficients);
  if (std::isnan(out.decreasingAt)) out.a = std::move(coefficients);
  return out;
}

double unboundedMean(const std::vector<double>& a) {
  // E[L] = 0 and E[(y - 1/2) L] = 1/2 for y uniform; E[y - 1/2] = 0.
  if (a.empty() || a.size() > 4) return std::nan("");
  return a[0] + (a.size() > 2 ? a[2] / 2 : 0.0);
}

}  // namespace omen::metalog
