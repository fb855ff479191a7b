//===- Paired.cpp - The paired difference of a report between two scenarios ===//

#include "runtime/host/Paired.h"

#include <cmath>

#include "runtime/host/MomentMerge.h"

namespace omen::rt {

void PairedMoments::add(double givenA, double valueA, double givenB, double valueB) {
  Vec x;
  x << givenA * valueA, givenA, givenB * valueB, givenB;
  ++n_;
  Vec delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  comoment_ += delta * (x - mean_).transpose();
}

void PairedMoments::merge(const PairedMoments& other) {
  mergeMoments(n_, mean_, comoment_, other.n_, other.mean_, other.comoment_,
               // The product left unevaluated, as Eigen evaluated it when this was written out.
               [](const Vec& d) { return d * d.transpose(); });
}

PairedDifference pairedDifference(const PairedMoments& m, double z) {
  PairedDifference d;
  const PairedMoments::Vec& mu = m.mean();
  double yA = mu(0), gA = mu(1), yB = mu(2), gB = mu(3);
  if (m.count() == 0 || gA == 0 || gB == 0) {
    d.undefined = true;
    return d;
  }
  d.difference = yA / gA - yB / gB;
  if (m.count() < 2) {
    d.ci = {d.difference, d.difference};
    return d;
  }
  PairedMoments::Vec grad;
  grad << 1 / gA, -yA / (gA * gA), -1 / gB, yB / (gB * gB);
  double n = static_cast<double>(m.count());
  PairedMoments::Mat cov = m.comoment() / (n - 1);
  double var = grad.dot(cov * grad) / n;
  d.stdError = var > 0 ? std::sqrt(var) : 0;
  d.ci = normalInterval(d.difference, d.stdError, z);
  return d;
}

}  // namespace omen::rt
