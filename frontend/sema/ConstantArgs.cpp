//===- ConstantArgs.cpp - Builtin calls whose literal arguments are invalid ===//
#include "frontend/sema/ConstantArgs.h"

#include <cmath>
#include <optional>
#include <vector>

#include "core/Builtins.h"

namespace omen::sema {

namespace {

struct Literal {
  double value;
  std::string spelling;
};

// A number literal, or the negation of one (an int literal passed as a real is wrapped in
// the checker's conversion).
std::optional<Literal> literal(const ast::Expr* e) {
  if (auto* c = dyn_cast<ast::CastExpr>(e)) return literal(c->operand.get());
  if (auto* n = dyn_cast<ast::NumberExpr>(e)) return Literal{n->isInt ? double(n->intValue) : n->realValue, n->spelling};
  if (auto* u = dyn_cast<ast::UnaryExpr>(e); u && u->op == ast::UnaryOp::Neg)
    if (auto inner = literal(u->operand.get())) return Literal{-inner->value, "-" + inner->spelling};
  return std::nullopt;
}

std::vector<std::string> argumentNames(const BuiltinInfo& b) {
  std::vector<std::string> names;
  std::string rest(b.argNames);
  while (!rest.empty()) {
    size_t comma = rest.find(", ");
    names.push_back(rest.substr(0, comma));
    rest = comma == std::string::npos ? "" : rest.substr(comma + 2);
  }
  return names;
}

// Whether arguments `a` (all literal) break builtin `id`'s requirement; nullopt where the
// requirement is not checked here.
std::optional<bool> breaks(BuiltinId id, const std::vector<double>& a) {
  constexpr double kMaxCount = 9007199254740992.0;  // 2^53
  switch (id) {
    case BuiltinId::Log: case BuiltinId::Log10: return !(a[0] > 0);
    case BuiltinId::Sqrt: return !(a[0] >= 0);
    case BuiltinId::Logit: return !(a[0] > 0 && a[0] < 1);
    case BuiltinId::Mod: return a[1] == 0;
    case BuiltinId::Clamp: return !(a[1] <= a[2]);
    case BuiltinId::Bernoulli: return !(a[0] >= 0 && a[0] <= 1);
    case BuiltinId::Uniform: return !(a[0] <= a[1]);
    case BuiltinId::Normal: case BuiltinId::Lognormal: return !(a[1] >= 0);
    case BuiltinId::Beta: return !(a[0] > 0 && a[1] > 0);
    case BuiltinId::Gamma: return !(a[0] > 0 && a[1] > 0);
    case BuiltinId::Exponential: return !(a[0] > 0);
    case BuiltinId::Triangular: case BuiltinId::Pert: return !(a[0] <= a[1] && a[1] <= a[2]);
    case BuiltinId::Loguniform: return !(a[0] > 0 && a[0] <= a[1]);
    case BuiltinId::Poisson: return !(a[0] >= 0 && a[0] <= kMaxCount);
    case BuiltinId::Geometric: return !(a[0] > 0 && a[0] <= 1);
    case BuiltinId::To: return !(a[0] > 0 && a[0] < a[1]);
    case BuiltinId::Categorical: {
      // The runtime allows a sum within 1e-9 of 1; 1e-6 here leaves room for any rounding.
      double sum = 0;
      for (double w : a) {
        if (!(w >= 0)) return true;
        sum += w;
      }
      return !(std::fabs(sum - 1) <= 1e-6);
    }
    // No requirement checked on literal arguments here.
    case BuiltinId::Exp: case BuiltinId::Abs: case BuiltinId::Min: case BuiltinId::Max:
    case BuiltinId::Floor: case BuiltinId::Ceil: case BuiltinId::Round: case BuiltinId::Pow:
    case BuiltinId::Logistic: case BuiltinId::Sin: case BuiltinId::Cos: case BuiltinId::Binomial:
    case BuiltinId::Count:
    // A density's requirements are the runtime's (it returns -inf outside the support).
    case BuiltinId::BernoulliDensity: case BuiltinId::UniformDensity: case BuiltinId::NormalDensity:
    case BuiltinId::LognormalDensity: case BuiltinId::BetaDensity: case BuiltinId::GammaDensity:
    case BuiltinId::ExponentialDensity: case BuiltinId::TriangularDensity: case BuiltinId::PertDensity:
    case BuiltinId::LoguniformDensity: case BuiltinId::PoissonDensity: case BuiltinId::BinomialDensity:
    case BuiltinId::GeometricDensity: case BuiltinId::ToDensity: case BuiltinId::CategoricalDensity:
    // Checked where they are made: a metalog's fit (sema), copula scores (only `correlate` writes them).
    case BuiltinId::NormalCdf: case BuiltinId::Metalog: case BuiltinId::CopulaScore:
      return std::nullopt;
  }
  return std::nullopt;  // not a BuiltinId
}

}  // namespace

std::string invalidConstantArguments(const ast::CallExpr& call) {
  if (call.builtin < 0 || call.function) return "";
  const BuiltinInfo& b = kBuiltins[call.builtin];
  if (b.needs.empty() && b.id != BuiltinId::Categorical) return "";
  std::vector<double> values;
  std::vector<std::string> spellings;
  for (const auto& arg : call.args) {
    std::optional<Literal> l = literal(arg.get());
    if (!l) return "";  // only all-literal calls: a requirement may read any argument
    values.push_back(l->value);
    spellings.push_back(l->spelling);
  }
  if (values.empty() || (!isVariadic(b) && values.size() != b.args.size())) return "";
  std::optional<bool> bad = breaks(b.id, values);
  if (!bad || !*bad) return "";
  std::string got;
  if (isVariadic(b)) {
    for (size_t i = 0; i < spellings.size(); ++i) got += (i ? ", " : "") + spellings[i];
    got = std::string(b.argNames) + " = " + got;
  } else {
    std::vector<std::string> names = argumentNames(b);
    for (size_t i = 0; i < spellings.size() && i < names.size(); ++i)
      got += (i ? ", " : "") + names[i] + " = " + spellings[i];
  }
  return std::string(b.name) + "(" + std::string(b.argNames) + ") needs " + std::string(b.needs) + "; got " + got;
}

}  // namespace omen::sema
