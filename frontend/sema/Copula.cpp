//===- Copula.cpp - correlate(a, b, rho): a Gaussian copula on rank correlations ===//
//
// Epoch's and @RISK's way of stating that two uncertain assumptions move together: a
// Spearman rank correlation rho_s between params, each keeping its own distribution. The
// params of a scenario's correlations get one correlation matrix of Pearson coefficients
// r = 2 sin(pi rho_s / 6) (the normal scores' correlation that gives rank correlation
// rho_s), checked positive-definite here; its Cholesky factor L (Eigen) gives param j the
// normal score w_j = sum_k L_jk z_k, z_k the trial's copula normals
// (runtime/kernel/SamplersCopula.cpp), and the param is its own distribution's quantile
// function at Phi(w_j). This pass rewrites each correlated param's draw into that
// expression, before names are resolved, so the rest of the compiler sees only builtins.
//
//===----------------------------------------------------------------------===//
#include <Eigen/Dense>
#include <cmath>
#include <map>

#include "core/Builtins.h"
#include "frontend/sema/SemaContext.h"
#include "frontend/sema/Walk.h"

namespace omen::sema {

namespace {

/// Builds the quantile-function expressions of one correlated param.
class QuantileBuilder {
 public:
  QuantileBuilder(SourceRange at, std::vector<double> row) : at_(at), row_(std::move(row)) {}

  ast::ExprPtr number(double x) const { return ast::realLiteral(at_, x); }
  ast::ExprPtr call(const char* name, std::vector<ast::ExprPtr> args) const {
    auto c = std::make_unique<ast::CallExpr>(at_, name, at_);
    c->args = std::move(args);
    return c;
  }
  template <typename... A>
  ast::ExprPtr call(const char* name, A... args) const {
    std::vector<ast::ExprPtr> v;
    (v.push_back(std::move(args)), ...);
    return call(name, std::move(v));
  }
  ast::ExprPtr op(ast::BinaryOp o, ast::ExprPtr a, ast::ExprPtr b) const {
    return std::make_unique<ast::BinaryExpr>(at_, o, at_, std::move(a), std::move(b));
  }
  /// w_j, the param's normal score.
  ast::ExprPtr score() const {
    std::vector<ast::ExprPtr> row;
    for (double l : row_) row.push_back(number(l));
    return call("copula_score", std::move(row));
  }
  ast::ExprPtr negScore() const { return std::make_unique<ast::UnaryExpr>(at_, ast::UnaryOp::Neg, score()); }
  /// u = Phi(w) and 1 - u = Phi(-w), each exact in its own tail.
  ast::ExprPtr u() const { return call("normal_cdf", score()); }
  ast::ExprPtr oneMinusU() const { return call("normal_cdf", negScore()); }
  /// ln(u / (1 - u)) without rounding u to 1 in the upper tail.
  ast::ExprPtr logitU() const {
    return op(ast::BinaryOp::Sub, call("log", u()), call("log", oneMinusU()));
  }

 private:
  SourceRange at_;
  std::vector<double> row_;
};

double literal(const ast::Expr& e) {
  if (auto* u = dyn_cast<ast::UnaryExpr>(&e)) return -literal(*u->operand);
  return cast<ast::NumberExpr>(&e)->realValue;
}

/// The quantile function of `call` at the builder's u, or null where omen has none.
ast::ExprPtr quantileOf(const ast::CallExpr& call, const QuantileBuilder& q) {
  using ast::BinaryOp;
  auto arg = [&](size_t i) { return call.args[i]->clone(); };
  const std::string& d = call.callee;
  if (d == "normal" && call.args.size() == 2)
    return q.op(BinaryOp::Add, arg(0), q.op(BinaryOp::Mul, arg(1), q.score()));
  if (d == "lognormal" && call.args.size() == 2)
    return q.call("exp", q.op(BinaryOp::Add, arg(0), q.op(BinaryOp::Mul, arg(1), q.score())));
  if (d == "uniform" && call.args.size() == 2)
    return q.op(BinaryOp::Add, arg(0), q.op(BinaryOp::Mul, q.op(BinaryOp::Sub, arg(1), arg(0)), q.u()));
  if (d == "loguniform" && call.args.size() == 2)
    return q.op(BinaryOp::Mul, arg(0), q.call("pow", q.op(BinaryOp::Div, arg(1), arg(0)), q.u()));
  if (d == "exponential" && call.args.size() == 1)
    return q.op(BinaryOp::Div, std::make_unique<ast::UnaryExpr>(call.range, ast::UnaryOp::Neg, q.call("log", q.oneMinusU())),
                arg(0));
  if (d == "triangular" && call.args.size() == 3) {
    // F(mode) = (mode - lo) / (hi - lo); below it lo + sqrt(u (hi - lo)(mode - lo)), above
    // hi - sqrt((1 - u)(hi - lo)(hi - mode)).
    auto width = [&] { return q.op(BinaryOp::Sub, arg(2), arg(0)); };
    auto atMode = q.op(BinaryOp::Div, q.op(BinaryOp::Sub, arg(1), arg(0)), width());
    auto below = q.op(BinaryOp::Add, arg(0),
                      q.call("sqrt", q.op(BinaryOp::Mul, q.op(BinaryOp::Mul, q.u(), width()), q.op(BinaryOp::Sub, arg(1), arg(0)))));
    auto above = q.op(BinaryOp::Sub, arg(2),
                      q.call("sqrt", q.op(BinaryOp::Mul, q.op(BinaryOp::Mul, q.oneMinusU(), width()),
                                          q.op(BinaryOp::Sub, arg(2), arg(1)))));
    return std::make_unique<ast::IfExpr>(call.range, q.op(BinaryOp::Lt, q.u(), std::move(atMode)), std::move(below),
                                         std::move(above));
  }
  if (d == "metalog" && !call.fitted.empty()) {
    // (support, lo, hi, a1..ak) as the parser wrote them (core/Metalog.h's basis).
    int kind = static_cast<int>(literal(*call.args[0]));
    double lo = literal(*call.args[1]), hi = literal(*call.args[2]);
    ast::ExprPtr series;
    for (size_t j = 3; j < call.args.size(); ++j) {
      int term = static_cast<int>(j - 2);  // 1-based
      auto c = [&] { return q.op(BinaryOp::Sub, q.u(), q.number(0.5)); };
      ast::ExprPtr basis;
      if (term == 1) basis = q.number(1);
      else if (term == 2) basis = q.logitU();
      else if (term == 3) basis = q.op(BinaryOp::Mul, c(), q.logitU());
      else if (term == 4) basis = c();
      else {
        int power = term % 2 == 1 ? (term - 1) / 2 : term / 2 - 1;
        basis = q.call("pow", c(), q.number(power));
        if (term % 2 == 0) basis = q.op(BinaryOp::Mul, q.logitU(), std::move(basis));
      }
      ast::ExprPtr t = q.op(BinaryOp::Mul, q.number(literal(*call.args[j])), std::move(basis));
      series = series ? q.op(BinaryOp::Add, std::move(series), std::move(t)) : std::move(t);
    }
    if (kind == 1) return q.op(BinaryOp::Add, q.number(lo), q.call("exp", std::move(series)));
    if (kind == 2)
      return q.op(BinaryOp::Add, q.number(lo), q.op(BinaryOp::Mul, q.number(hi - lo), q.call("logistic", std::move(series))));
    return series;
  }
  return nullptr;
}

/// Whether an argument may be evaluated more than once: it calls no distribution and no
/// user function (which might draw).
bool drawsNothing(const ast::CallExpr& call) {
  bool pure = true;
  for (const ast::ExprPtr& a : call.args)
    walkExpr(a.get(), [&](ast::Expr* e) {
      if (auto* c = dyn_cast<ast::CallExpr>(e)) {
        const BuiltinInfo* b = findBuiltinInfo(c->callee);
        if (!b || b->isDistribution) pure = false;
      }
    });
  return pure;
}

void correlate(Context& ctx, ast::Scenario& s) {
  std::map<std::string, std::pair<ast::ParamDecl*, size_t>> params;
  for (size_t i = 0; i < s.members.size(); ++i)
    if (auto* p = dyn_cast<ast::ParamDecl>(s.members[i].get())) params[p->name] = {p, i};
  // The correlated params in declaration order, and each correlation's pair of indices.
  std::map<size_t, ast::ParamDecl*> byPosition;
  bool ok = true;
  auto param = [&](const std::string& name, SourceRange at) -> ast::ParamDecl* {
    auto it = params.find(name);
    if (it == params.end()) {
      ctx.error(at, "'" + name + "' is not a param of scenario '" + s.name + "'; correlate takes two uncertain params");
      return nullptr;
    }
    if (!it->second.first->uncertain) {
      ctx.error(at, "'" + name + "' is a fixed param; only uncertain params (param " + name + " ~ ...) can be correlated");
      return nullptr;
    }
    byPosition[it->second.second] = it->second.first;
    return it->second.first;
  };
  for (const ast::Correlation& c : s.correlations) {
    ast::ParamDecl* a = param(c.a, c.aRange);
    ast::ParamDecl* b = param(c.b, c.bRange);
    if (!a || !b) {
      ok = false;
      continue;
    }
    if (a->epistemic != b->epistemic) {
      ctx.error(c.range, "'" + c.a + "' and '" + c.b +
                             "' are drawn at different levels (one epistemic, one per trial); correlate params of one level");
      ok = false;
    }
  }
  if (!ok) return;
  std::vector<ast::ParamDecl*> order;
  std::map<std::string, size_t> index;
  for (auto& [position, p] : byPosition) index[p->name] = order.size(), order.push_back(p);
  const size_t d = order.size();
  Eigen::MatrixXd pearson = Eigen::MatrixXd::Identity(d, d);
  std::string pairs;
  for (const ast::Correlation& c : s.correlations) {
    size_t i = index[c.a], j = index[c.b];
    pearson(i, j) = pearson(j, i) = 2 * std::sin(M_PI * c.rho / 6);
    pairs += (pairs.empty() ? "" : ", ") + ("correlate(" + c.a + ", " + c.b + ", " + c.rhoSpelling + ")");
  }
  // Positive-definite with room to spare: a matrix within rounding of singular would give a
  // Cholesky factor that amplifies that rounding into the draws.
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(pearson, Eigen::EigenvaluesOnly);
  if (!(eigen.eigenvalues().minCoeff() > 1e-9)) {
    ctx.error(s.correlations.front().range,
              "the rank correlations " + pairs +
                  " cannot all hold together: their correlation matrix is not positive-definite; weaken one of them");
    return;
  }
  Eigen::MatrixXd lower = pearson.llt().matrixL();
  for (size_t j = 0; j < d; ++j) {
    ast::ParamDecl* p = order[j];
    auto* call = dyn_cast<ast::CallExpr>(p->init.get());
    std::vector<double> row;
    for (size_t k = 0; k <= j; ++k) row.push_back(lower(j, k));
    QuantileBuilder q(p->init->range, std::move(row));
    ast::ExprPtr drawn = call && drawsNothing(*call) ? quantileOf(*call, q) : nullptr;
    if (!drawn) {
      ctx.error(p->init->range,
                "'" + p->name + "' cannot be correlated: correlate draws a param through its quantile function, which omen has for "
                "normal, lognormal, uniform, loguniform, exponential, triangular and metalog with arguments that draw nothing; "
                "state this belief with percentiles, e.g. metalog(10%: ..., 50%: ..., 90%: ...), to correlate it");
      continue;
    }
    p->init = std::move(drawn);
    p->correlated = true;
  }
}

}  // namespace

void applyCorrelations(Context& ctx) {
  for (CheckedScenario& cs : ctx.scenarios)
    if (cs.scenario && !cs.scenario->correlations.empty()) correlate(ctx, *cs.scenario);
}

}  // namespace omen::sema
