//===- Paired.cpp - The paired difference of a report between two scenarios ===//

#include "runtime/host/Paired.h"

#include <cmath>

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
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  double na = static_cast<double>(n_);
  double nb = static_cast<double>(other.n_);
  double n = na + nb;
  Vec delta = other.mean_ - mean_;
  mean_ += delta * (nb / n);
  comoment_ += other.comoment_ + (delta * delta.transpose()) * (na * nb / n);
  n_ += other.n_;
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
