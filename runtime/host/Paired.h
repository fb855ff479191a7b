//===- Paired.h - The paired difference of a report between two scenarios -===//
//
// `omen compare A B` runs trial i of both scenarios on the same stream, so their outcomes
// are correlated and the difference A - B is far more precise than two independent runs
// would give. Per trial we keep x = (Y_A, G_A, Y_B, G_B), with G = given and Y = given *
// value, and accumulate its mean vector and 4x4 co-moment matrix (mergeable, Chan-style).
// The difference of the two ratio estimators D = mean(Y_A)/mean(G_A) - mean(Y_B)/mean(G_B)
// gets its variance from the delta method: var(D) = g' S g / n with g the gradient of D at
// the means and S the sample covariance. For unconditional reports G = 1 exactly, the G
// rows of S are exactly 0 and this is the plain paired difference var(Y_A - Y_B) / n.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "runtime/host/Statistics.h"

namespace omen::rt {

struct StateCodec;

class PairedMoments {
 public:
  using Vec = Eigen::Matrix<double, 4, 1>;
  using Mat = Eigen::Matrix<double, 4, 4>;

  PairedMoments() : mean_(Vec::Zero()), comoment_(Mat::Zero()) {}

  /// One trial: [given, value] of A and of B.
  void add(double givenA, double valueA, double givenB, double valueB);
  void merge(const PairedMoments& other);

  uint64_t count() const { return n_; }
  const Vec& mean() const { return mean_; }
  /// Sum over trials of (x - mean)(x - mean)'.
  const Mat& comoment() const { return comoment_; }

 private:
  friend struct StateCodec;  // MPI ranks ship this state bit for bit
  uint64_t n_ = 0;
  Vec mean_;
  Mat comoment_;
};

struct PairedDifference {
  /// A's or B's condition never held: no ratio, no difference.
  bool undefined = false;
  double difference = 0;
  double stdError = 0;
  Interval ci;
};

/// D, its delta-method standard error and D +- z se.
PairedDifference pairedDifference(const PairedMoments& m, double z = kZ95);

}  // namespace omen::rt
