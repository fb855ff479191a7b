//===- DistributionSupport.h - The values a distribution can draw ---------===//
//
// `param k ~ categorical(0.2, 0.3, 0.5)` draws 0, 1 or 2; `--set k=3` pins it to a value the
// model can never produce, so the command line refuses it. This is the one place that says
// which values each distribution of Builtins.def can draw (docs/reference.md lists the same
// supports), from its arguments where they are constants. Bounds are closed, and where an
// argument is not a constant the bound it would give is left open-ended: a value is only
// refused when the distribution can certainly not draw it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <limits>
#include <optional>
#include <vector>

#include "core/Builtins.h"

namespace omen {

struct Support {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool contains(double x) const { return x >= low && x <= high; }
};

/// The support of builtin `id` called with `args` (a value for each constant argument).
/// Everything for a math builtin.
inline Support distributionSupport(BuiltinId id, const std::vector<std::optional<double>>& args) {
  auto arg = [&](size_t i, double otherwise) { return i < args.size() && args[i] ? *args[i] : otherwise; };
  const double inf = std::numeric_limits<double>::infinity();
  switch (id) {
    case BuiltinId::Bernoulli: case BuiltinId::Beta: return {0, 1};
    case BuiltinId::Uniform: case BuiltinId::Loguniform: return {arg(0, -inf), arg(1, inf)};
    case BuiltinId::Triangular: case BuiltinId::Pert: return {arg(0, -inf), arg(2, inf)};
    case BuiltinId::Gamma: case BuiltinId::Exponential: case BuiltinId::Lognormal: case BuiltinId::To:
    case BuiltinId::Poisson:
      return {0, inf};
    case BuiltinId::Binomial: return {0, arg(0, inf)};
    case BuiltinId::Geometric: return {1, inf};  // counts trials up to the first success
    case BuiltinId::Categorical: return {0, static_cast<double>(args.size()) - 1};  // a 0-based index
    // Every other builtin: any real (a math builtin, or a distribution on the whole line).
    case BuiltinId::Exp: case BuiltinId::Log: case BuiltinId::Log10: case BuiltinId::Sqrt:
    case BuiltinId::Abs: case BuiltinId::Min: case BuiltinId::Max: case BuiltinId::Clamp:
    case BuiltinId::Floor: case BuiltinId::Ceil: case BuiltinId::Round: case BuiltinId::Pow:
    case BuiltinId::Mod: case BuiltinId::Logistic: case BuiltinId::Sin: case BuiltinId::Cos:
    case BuiltinId::Logit: case BuiltinId::Normal: case BuiltinId::Count:
    // A log density is a real like a math builtin's value.
    case BuiltinId::BernoulliDensity: case BuiltinId::UniformDensity: case BuiltinId::NormalDensity:
    case BuiltinId::LognormalDensity: case BuiltinId::BetaDensity: case BuiltinId::GammaDensity:
    case BuiltinId::ExponentialDensity: case BuiltinId::TriangularDensity: case BuiltinId::PertDensity:
    case BuiltinId::LoguniformDensity: case BuiltinId::PoissonDensity: case BuiltinId::BinomialDensity:
    case BuiltinId::GeometricDensity: case BuiltinId::ToDensity: case BuiltinId::CategoricalDensity:
    // normal_cdf lies in [0, 1] and a copula score on the whole line; a metalog's bounds are in
    // its packed arguments (core/Metalog.h), so --set is not checked against them here.
    case BuiltinId::NormalCdf: case BuiltinId::Metalog: case BuiltinId::CopulaScore:
      return {};
  }
  return {};  // not a BuiltinId
}

}  // namespace omen
