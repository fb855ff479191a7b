//===- AstBuilderBeliefs.cpp - Beliefs as researchers state them -----------===//
//
// Calls written with labelled arguments, turned here into ordinary calls and expressions
// that the rest of the compiler already knows:
//   metalog(10%: 10, 50%: 20, 90%: 50)      -> metalog(support, lo, hi, a1, a2, a3), fitted
//                                              now (core/MetalogFit.h)
//   normal(5%: a, 95%: b), lognormal(...)    -> normal(mu, sigma), lognormal(mu, sigma)
//   mixture(w1: D1, w2: D2, w3: D3)          -> if bernoulli(w1/S) then D1 else if
//                                              bernoulli(w2/(S-w1)) then D2 else D3
//   pool_odds(p1, p2), pool_odds(w1: p1, …)  -> logistic((w1 logit(p1) + …) / (w1 + …))
// Percentiles, weights and (for the fitted forms) values are number literals, so a belief
// that defines no distribution is an error when the file compiles, at its place.
//
//===----------------------------------------------------------------------===//
#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "core/MetalogFit.h"
#include "frontend/parse/AstBuilder.h"

namespace omen::parse {

namespace {

/// A number literal, optionally negated, and its spelling.
bool literalValue(const ast::Expr* e, double& value, std::string& spelling) {
  bool negated = false;
  if (auto* u = dyn_cast<ast::UnaryExpr>(e); u && u->op == ast::UnaryOp::Neg) {
    negated = true;
    e = u->operand.get();
  }
  auto* n = dyn_cast<ast::NumberExpr>(e);
  if (!n) return false;
  value = negated ? -n->realValue : n->realValue;
  spelling = (negated ? "-" : "") + n->spelling;
  return true;
}

ast::ExprPtr number(SourceRange at, double x) { return ast::realLiteral(at, x); }

ast::ExprPtr binary(SourceRange at, ast::BinaryOp op, ast::ExprPtr a, ast::ExprPtr b) {
  return std::make_unique<ast::BinaryExpr>(at, op, at, std::move(a), std::move(b));
}

std::unique_ptr<ast::CallExpr> call(SourceRange at, SourceRange nameAt, const char* name) {
  return std::make_unique<ast::CallExpr>(at, name, nameAt);
}

std::string percent(double level) { return ast::realSpelling(level * 100) + "%"; }

}  // namespace

AstBuilder::P::CallExprContext* AstBuilder::topCall(P::ExprContext* ctx) {
  auto* chain = dynamic_cast<P::OpChainContext*>(ctx);
  if (!chain || chain->primary().size() != 1 || chain->children.size() != 1) return nullptr;
  return dynamic_cast<P::CallExprContext*>(chain->primary(0));
}

bool AstBuilder::takesLabels(const std::string& callee) {
  return callee == "metalog" || callee == "mixture" || callee == "pool_odds" || callee == "normal" ||
         callee == "lognormal";
}

AstBuilder::Built AstBuilder::buildBeliefCall(SourceRange range, const std::string& callee, SourceRange calleeRange,
                                              std::vector<LabelledArg> args, int depth,
                                              const std::optional<MetalogSupport>& support) {
  if (!takesLabels(callee)) {
    for (const LabelledArg& a : args)
      if (a.label) {
        diags_.error(a.label->range, "'" + callee +
                                         "' takes no labelled arguments; only metalog, mixture, pool_odds, "
                                         "normal and lognormal do (e.g. metalog(10%: 1, 50%: 2, 90%: 5))");
        return {};
      }
    return {};
  }
  if (callee == "pool_odds") return buildPoolOdds(range, calleeRange, std::move(args), depth);
  // Every other form takes a label on each argument; normal and lognormal also their plain
  // two-argument form (then no argument is labelled and this is not reached).
  for (const LabelledArg& a : args)
    if (!a.label) {
      const char* example = callee == "mixture" ? "mixture(0.5: beta(2, 8), 0.5: beta(8, 2))"
                            : callee == "metalog" ? "metalog(10%: 1, 50%: 2, 90%: 5)"
                                                  : "lognormal(5%: 1, 95%: 10)";
      diags_.error(a.value->range, "every argument of '" + callee + "' here needs a label, e.g. " + example);
      return {};
    }
  if (callee == "mixture") return buildMixture(range, std::move(args), depth);
  if (callee == "metalog") return buildMetalog(range, calleeRange, std::move(args), support);
  return buildQuantilePair(range, callee, calleeRange, std::move(args));
}

bool AstBuilder::readPercentiles(const std::string& callee, const std::vector<LabelledArg>& args,
                                 std::vector<metalog::Percentile>& points, std::vector<std::string>& spellings) {
  for (const LabelledArg& a : args) {
    metalog::Percentile p{};
    std::string levelSpelling, valueSpelling;
    if (!literalValue(a.label.get(), p.level, levelSpelling) || !(p.level > 0 && p.level < 1)) {
      diags_.error(a.label->range, "a percentile of '" + callee + "' is a number between 0% and 100% (exclusive), e.g. 10%");
      return false;
    }
    if (!literalValue(a.value.get(), p.value, valueSpelling)) {
      diags_.error(a.value->range, "the value at a percentile of '" + callee +
                                       "' must be a number: the distribution is fitted when the file compiles");
      return false;
    }
    if (!points.empty() && !(p.level > points.back().level)) {
      diags_.error(a.label->range, "percentiles must be written in increasing order: " + levelSpelling +
                                       " follows " + spellings.back().substr(0, spellings.back().find(':')));
      return false;
    }
    if (!points.empty() && !(p.value > points.back().value)) {
      diags_.error(a.value->range, "values must increase with the percentile: " + levelSpelling + ": " +
                                       valueSpelling + " is not above " + spellings.back());
      return false;
    }
    points.push_back(p);
    spellings.push_back(levelSpelling + ": " + valueSpelling);
  }
  return true;
}

AstBuilder::Built AstBuilder::buildMetalog(SourceRange range, SourceRange calleeRange, std::vector<LabelledArg> args,
                                           const std::optional<MetalogSupport>& support) {
  if (args.size() < 2 || args.size() > static_cast<size_t>(metalog::kMaxTerms)) {
    diags_.error(range, "metalog takes 2 to 9 percentiles, e.g. metalog(10%: 1, 50%: 2, 90%: 5); got " +
                            std::to_string(args.size()));
    return {};
  }
  std::vector<metalog::Percentile> points;
  std::vector<std::string> spellings;
  if (!readPercentiles("metalog", args, points, spellings)) return {};
  metalog::Support kind = support ? support->kind : metalog::Support::Unbounded;
  double lo = support ? support->lo : 0, hi = support ? support->hi : 0;
  if (support)
    for (size_t i = 0; i < points.size(); ++i)
      if (!(points[i].value > lo) || (kind == metalog::Support::Bounded && !(points[i].value < hi))) {
        diags_.error(args[i].value->range, "the value at " + spellings[i].substr(0, spellings[i].find(':')) +
                                               " must lie strictly inside the declared support " + support->spelling);
        return {};
      }
  metalog::Fit fit = metalog::fit(points, kind, lo, hi);
  if (fit.a.empty()) {
    std::string where;
    double y = fit.decreasingAt;
    if (std::isnan(y)) {
      where = "the fit is not finite";
    } else {
      // Below the first percentile the upper values are too far out for the lower ones (a
      // right skew the series cannot follow), above the last the reverse; in between, the
      // two percentiles around the place change too abruptly.
      const std::string& first = spellings.front();
      const std::string& last = spellings.back();
      size_t n = spellings.size();
      if (y < points.front().level)
        where = "its quantile function decreases near the " + percent(y) + " percentile (skewed too far up); bring " +
                last + " closer to " + spellings[n - 2] + ", or move " + first + " further down";
      else if (y > points.back().level)
        where = "its quantile function decreases near the " + percent(y) + " percentile (skewed too far down); bring " +
                first + " closer to " + spellings[1] + ", or move " + last + " further up";
      else {
        size_t above = 1;
        while (above < n - 1 && points[above].level < y) ++above;
        where = "its quantile function decreases near the " + percent(y) + " percentile; move " +
                spellings[above - 1] + " or " + spellings[above] + " so that the values change less abruptly there";
      }
    }
    diags_.error(range, "these percentiles define no metalog distribution: " + where);
    return {};
  }
  auto c = call(range, calleeRange, "metalog");
  c->args.push_back(number(range, static_cast<double>(static_cast<int>(kind))));
  c->args.push_back(number(range, lo));
  c->args.push_back(number(range, hi));
  std::string coefficients;
  for (double a : fit.a) {
    c->args.push_back(number(range, a));
    coefficients += (coefficients.empty() ? "" : ", ") + ast::realSpelling(a);
  }
  std::string written;
  for (const std::string& s : spellings) written += (written.empty() ? "" : ", ") + s;
  c->fitted = "metalog(" + written + ")" + (support ? " in " + support->spelling : "") + ": " +
              std::to_string(fit.a.size()) + " terms, a = [" + coefficients + "]";
  return {std::move(c), 2};
}

AstBuilder::Built AstBuilder::buildQuantilePair(SourceRange range, const std::string& callee, SourceRange calleeRange,
                                                std::vector<LabelledArg> args) {
  if (args.size() != 2) {
    diags_.error(range, "'" + callee + "' with percentiles takes exactly two, e.g. " + callee + "(5%: 1, 95%: 10)");
    return {};
  }
  std::vector<metalog::Percentile> points;
  std::vector<std::string> spellings;
  if (!readPercentiles(callee, args, points, spellings)) return {};
  bool logs = callee == "lognormal";
  if (logs && !(points[0].value > 0)) {
    diags_.error(args[0].value->range, "lognormal's percentiles must be above 0");
    return {};
  }
  boost::math::normal standard;
  double z0 = boost::math::quantile(standard, points[0].level), z1 = boost::math::quantile(standard, points[1].level);
  double v0 = logs ? std::log(points[0].value) : points[0].value;
  double v1 = logs ? std::log(points[1].value) : points[1].value;
  double sigma = (v1 - v0) / (z1 - z0), mu = v0 - sigma * z0;
  auto c = call(range, calleeRange, logs ? "lognormal" : "normal");
  c->args.push_back(number(range, mu));
  c->args.push_back(number(range, sigma));
  c->fitted = callee + "(" + spellings[0] + ", " + spellings[1] + "): mu = " + ast::realSpelling(mu) + ", sigma = " + ast::realSpelling(sigma);
  return {std::move(c), 2};
}

AstBuilder::Built AstBuilder::buildMixture(SourceRange range, std::vector<LabelledArg> args, int depth) {
  if (args.size() < 2) {
    diags_.error(range, "a mixture needs at least two components, e.g. mixture(0.5: beta(2, 8), 0.5: beta(8, 2))");
    return {};
  }
  std::vector<double> weights;
  double total = 0;
  for (const LabelledArg& a : args) {
    double w;
    std::string spelling;
    if (!literalValue(a.label.get(), w, spelling) || !(w >= 0) || !std::isfinite(w)) {
      diags_.error(a.label->range, "a mixture weight is a number >= 0, e.g. 0.5 or 30%");
      return {};
    }
    weights.push_back(w);
    total += w;
  }
  if (!(total > 0)) {
    diags_.error(range, "a mixture's weights must not all be 0");
    return {};
  }
  // From the last component back: component i is taken with probability w_i / (w_i + ... + w_n)
  // once the ones before it were not, which is w_i / total overall.
  ast::ExprPtr chain = std::move(args.back().value);
  double rest = weights.back();
  for (size_t i = args.size() - 1; i-- > 0;) {
    rest += weights[i];
    SourceRange at = args[i].label->range;
    auto pick = call(at, at, "bernoulli");
    pick->args.push_back(number(at, weights[i] / rest));
    chain = std::make_unique<ast::IfExpr>(range, std::move(pick), std::move(args[i].value), std::move(chain));
  }
  return {std::move(chain), depth + static_cast<int>(args.size())};
}

AstBuilder::Built AstBuilder::buildPoolOdds(SourceRange range, SourceRange calleeRange, std::vector<LabelledArg> args,
                                            int depth) {
  if (args.size() < 2) {
    diags_.error(range, "pool_odds pools at least two probabilities, e.g. pool_odds(10%, 50%)");
    return {};
  }
  bool weighted = args[0].label != nullptr;
  double total = 0;
  ast::ExprPtr sum;
  for (LabelledArg& a : args) {
    if ((a.label != nullptr) != weighted) {
      diags_.error(a.value->range, "label every probability of pool_odds with its weight, or none");
      return {};
    }
    double w = 1;
    std::string spelling;
    if (weighted && (!literalValue(a.label.get(), w, spelling) || !(w >= 0) || !std::isfinite(w))) {
      diags_.error(a.label->range, "a pool_odds weight is a number >= 0, e.g. 2 or 0.3");
      return {};
    }
    total += w;
    SourceRange at = a.value->range;
    auto logit = call(at, calleeRange, "logit");
    logit->args.push_back(std::move(a.value));
    ast::ExprPtr term = weighted ? binary(at, ast::BinaryOp::Mul, number(at, w), std::move(logit)) : std::move(logit);
    sum = sum ? binary(range, ast::BinaryOp::Add, std::move(sum), std::move(term)) : std::move(term);
  }
  if (!(total > 0)) {
    diags_.error(range, "pool_odds' weights must not all be 0");
    return {};
  }
  auto pooled = call(range, calleeRange, "logistic");
  pooled->args.push_back(binary(range, ast::BinaryOp::Div, std::move(sum), number(range, total)));
  return {std::move(pooled), depth + static_cast<int>(args.size()) + 3};
}

std::optional<ast::Correlation> AstBuilder::buildCorrelation(P::CorrelateMemberContext* ctx) {
  std::vector<antlr4::tree::TerminalNode*> names = ctx->IDENT();
  if (names.size() != 2 || !usable(names[0]) || !usable(names[1]) || !usable(ctx->RPAREN())) return std::nullopt;
  ast::ExprPtr rho = buildTopExpr(ctx->expr());
  if (!rho) return std::nullopt;
  ast::Correlation c;
  c.a = names[0]->getText(), c.b = names[1]->getText();
  c.aRange = rangeOf(names[0]), c.bRange = rangeOf(names[1]), c.range = rangeOf(ctx);
  if (!literalValue(rho.get(), c.rho, c.rhoSpelling) || !(c.rho > -1 && c.rho < 1)) {
    diags_.error(rho->range, "a rank correlation is a number strictly between -1 and 1, e.g. correlate(a, b, 0.5)");
    return std::nullopt;
  }
  if (c.a == c.b) {
    diags_.error(c.bRange, "'" + c.a + "' cannot be correlated with itself");
    return std::nullopt;
  }
  return c;
}

}  // namespace omen::parse
