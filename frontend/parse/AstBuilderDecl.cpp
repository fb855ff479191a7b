//===- AstBuilderDecl.cpp - Top-level declarations and scenario members ----===//
#include <algorithm>
#include <cmath>
#include "frontend/parse/AstBuilder.h"

namespace omen::parse {

using P = grammar::OmenParser;

ast::TopDeclPtr AstBuilder::buildTopDecl(P::TopDeclContext* ctx) {
  if (auto* c = dynamic_cast<P::ImportDeclContext*>(ctx)) return buildImport(c);
  if (auto* c = dynamic_cast<P::FnDeclContext*>(ctx)) return buildFn(c);
  if (auto* c = dynamic_cast<P::ScenarioDeclContext*>(ctx)) return buildScenario(c);
  if (auto* c = dynamic_cast<P::ConstDeclContext*>(ctx)) {
    std::string name;
    SourceRange nameRange;
    if (!declName(c->declName(), name, nameRange)) return nullptr;
    ast::ExprPtr init = buildTopExpr(c->expr());
    if (!init) return nullptr;
    return std::make_unique<ast::ConstDecl>(rangeOf(c), std::move(name), nameRange, std::move(init));
  }
  return nullptr;
}

bool AstBuilder::buildParamRange(P::ParamRangeContext* ctx, bool metalogParam, std::optional<ast::ParamRange>& out,
                                 std::optional<MetalogSupport>& support) {
  std::vector<P::ExprContext*> bounds = ctx->expr();
  if (bounds.size() != 2 || !usable(bounds[0]) || !usable(bounds[1])) return false;
  ast::ParamRange range;
  range.range = rangeOf(ctx);
  if (ctx->RPAREN()) {
    // `in [lo, inf)`: a half-open support, which only a metalog has.
    if (!metalogParam || bounds[1]->getText() != "inf") {
      diags_.error(rangeOf(ctx->RPAREN()), metalogParam ? "a half-open support is written 'in [lo, inf)'"
                                                        : "a param range is closed, 'in [lo, hi]'; only a metalog "
                                                          "takes a half-open support 'in [lo, inf)'");
      return false;
    }
    if (!buildRangeBound(bounds[0], range.lo)) return false;
    support = MetalogSupport{metalog::Support::LowerBound, range.lo.value, 0, "[" + range.lo.spelling + ", inf)"};
    return true;
  }
  bool lo = buildRangeBound(bounds[0], range.lo);
  bool hi = buildRangeBound(bounds[1], range.hi);
  if (!lo || !hi) return false;
  if (metalogParam)
    support = MetalogSupport{metalog::Support::Bounded, range.lo.value, range.hi.value,
                             "[" + range.lo.spelling + ", " + range.hi.spelling + "]"};
  out = std::move(range);
  return true;
}

// A bound is a literal so that the range is a fact of the source: sweeps, `--set` checks and
// the AOT metadata read it without evaluating anything.
bool AstBuilder::buildRangeBound(P::ExprContext* ctx, ast::RangeBound& out, const char* mustBe) {
  ast::ExprPtr e = buildTopExpr(ctx);
  if (!e) return false;
  out.range = e->range;
  bool negated = false;
  const ast::Expr* at = e.get();
  if (auto* u = dyn_cast<ast::UnaryExpr>(at); u && u->op == ast::UnaryOp::Neg) {
    negated = true;
    at = u->operand.get();
  }
  const auto* n = dyn_cast<ast::NumberExpr>(at);
  if (!n) {
    diags_.error(e->range, mustBe);
    return false;
  }
  out.isInt = n->isInt;
  out.value = negated ? -n->realValue : n->realValue;
  out.spelling = (negated ? "-" : "") + n->spelling;
  return true;
}

ast::TopDeclPtr AstBuilder::buildImport(P::ImportDeclContext* ctx) {
  P::ImportTargetContext* target = ctx->importTarget();
  if (!usable(target)) return nullptr;
  auto decl = std::make_unique<ast::ImportDecl>(rangeOf(ctx));
  decl->targetRange = rangeOf(target);
  if (auto* file = dynamic_cast<P::FileImportContext*>(target)) {
    if (!usable(file->STRING())) return nullptr;
    decl->target = unquote(file->STRING()->getSymbol());
    if (decl->target.empty()) {
      diags_.error(decl->targetRange, "the import path is empty");
      return nullptr;
    }
    return decl;
  }
  auto* stdTarget = dynamic_cast<P::StdImportContext*>(target);
  if (!stdTarget) return nullptr;  // the alternative was never chosen: a syntax error
  std::vector<antlr4::tree::TerminalNode*> parts = stdTarget->IDENT();
  if (parts.size() != 2 || parts[0]->getText() != "std" || !usable(parts[1])) {
    diags_.error(decl->targetRange,
                 "expected 'std.NAME' or a quoted file path after 'import' (e.g. import std.scaling)");
    return nullptr;
  }
  decl->isStd = true;
  decl->target = "std." + parts[1]->getText();
  return decl;
}

Type AstBuilder::typeName(P::TypeNameContext* ctx) {
  if (!usable(ctx)) return Type::Unknown;
  if (ctx->BOOL()) return Type::Bool;
  if (ctx->INT_KW()) return Type::Int;
  if (ctx->REAL_KW()) return Type::Real;
  return Type::Unknown;
}

ast::TopDeclPtr AstBuilder::buildFn(P::FnDeclContext* ctx) {
  std::string name;
  SourceRange nameRange;
  if (!declName(ctx->declName(), name, nameRange)) return nullptr;
  auto fn = std::make_unique<ast::FnDecl>(rangeOf(ctx), std::move(name), nameRange);
  bool ok = true;
  if (P::FnArgsContext* args = ctx->fnArgs()) {
    for (P::FnArgContext* arg : args->fnArg()) {
      std::string argName;
      SourceRange argRange;
      Type t = typeName(arg->typeName());
      if (!declName(arg->declName(), argName, argRange) || t == Type::Unknown) {
        ok = false;
        continue;
      }
      fn->args.push_back(std::make_unique<ast::FnArgDecl>(std::move(argName), argRange, t, rangeOf(arg->typeName())));
    }
  }
  fn->type = typeName(ctx->typeName());
  fn->returnTypeRange = rangeOf(ctx->typeName());
  if (fn->type == Type::Unknown) ok = false;
  if (auto* body = dynamic_cast<P::ExprFnBodyContext*>(ctx->fnBody())) {
    fn->exprBody = buildTopExpr(body->expr());
    ok = ok && fn->exprBody;
  } else if (auto* body = dynamic_cast<P::BlockFnBodyContext*>(ctx->fnBody())) {
    fn->blockBody = buildBlock(body->block());
    ok = ok && fn->blockBody;
  } else {
    ok = false;
  }
  if (!ok) return nullptr;
  return fn;
}

ast::TopDeclPtr AstBuilder::buildScenario(P::ScenarioDeclContext* ctx) {
  auto scenario = std::make_unique<ast::ScenarioDecl>(rangeOf(ctx));
  if (!declName(ctx->declName(), scenario->name, scenario->nameRange)) return nullptr;
  if (ctx->EXTENDS()) {
    if (!usable(ctx->IDENT())) return nullptr;
    scenario->base = ctx->IDENT()->getText();
    scenario->baseRange = rangeOf(ctx->IDENT());
  }
  P::ScenarioBodyContext* body = ctx->scenarioBody();
  if (!usable(body)) return scenario;
  for (antlr4::tree::ParseTree* child : body->children)
    if (auto* c = dynamic_cast<P::CorrelateMemberContext*>(child)) {
      if (auto built = buildCorrelation(c)) scenario->correlations.push_back(std::move(*built));
    } else if (auto* member = dynamic_cast<P::MemberContext*>(child)) {
      if (ast::MemberPtr built = buildMember(member)) scenario->members.push_back(std::move(built));
    }
  return scenario;
}

ast::MemberPtr AstBuilder::buildParam(SourceRange range, std::string name, SourceRange nameRange, bool uncertain,
                                      bool epistemic, P::ExprContext* initCtx, P::ParamRangeContext* rangeCtx) {
  std::optional<ast::ParamRange> valueRange;
  std::optional<MetalogSupport> support;
  P::CallExprContext* call = topCall(initCtx);
  bool isMetalog = call && usable(call->IDENT()) && call->IDENT()->getText() == "metalog";
  if (rangeCtx) {
    if (!usable(rangeCtx)) return nullptr;
    if (!buildParamRange(rangeCtx, isMetalog, valueRange, support)) return nullptr;
  }
  supportedCall_ = support ? call : nullptr;
  support_ = support;
  ast::ExprPtr init = buildTopExpr(initCtx);
  supportedCall_ = nullptr;
  support_.reset();
  if (!init) return nullptr;
  // A mixture is an `if` chain of draws once built (AstBuilderBeliefs.cpp), still a distribution.
  bool distribution = isa<ast::CallExpr>(init.get()) || (call && usable(call->IDENT()) && call->IDENT()->getText() == "mixture");
  if (uncertain && !distribution) {
    diags_.error(init->range, epistemic ? "'~' must be followed by a distribution call, e.g. 'epistemic " + name +
                                              " ~ beta(2, 8)'; an epistemic param is drawn once per world"
                                        : "'~' must be followed by a distribution call, e.g. 'param " + name +
                                              " ~ beta(2, 8)'; use '=' for a fixed value");
    return nullptr;
  }
  return std::make_unique<ast::ParamDecl>(range, std::move(name), nameRange, uncertain, std::move(init),
                                          std::move(valueRange), epistemic);
}

ast::MemberPtr AstBuilder::buildMember(P::MemberContext* ctx) {
  std::string name;
  SourceRange nameRange;
  SourceRange range = rangeOf(ctx);
  if (auto* c = dynamic_cast<P::ParamMemberContext*>(ctx)) {
    if (!declName(c->declName(), name, nameRange)) return nullptr;
    bool uncertain = usable(c->TILDE());
    return buildParam(range, std::move(name), nameRange, uncertain, false, c->expr(), c->paramRange());
  }
  if (auto* c = dynamic_cast<P::EpistemicMemberContext*>(ctx)) {
    if (!declName(c->declName(), name, nameRange)) return nullptr;
    return buildParam(range, std::move(name), nameRange, true, true, c->expr(), c->paramRange());
  }
  if (auto* c = dynamic_cast<P::StateDeclContext*>(ctx)) {
    if (!declName(c->declName(), name, nameRange)) return nullptr;
    ast::ExprPtr length;
    if (P::ArrayLengthContext* l = c->arrayLength()) {
      if (!usable(l->RBRACKET()) || !(length = buildTopExpr(l->expr()))) return nullptr;
    }
    ast::ExprPtr init = buildTopExpr(c->expr());
    if (!init) return nullptr;
    return std::make_unique<ast::StateDecl>(range, std::move(name), nameRange, std::move(init), std::move(length));
  }
  if (auto* c = dynamic_cast<P::EventDeclContext*>(ctx)) {
    if (!declName(c->declName(), name, nameRange)) return nullptr;
    ast::ExprPtr length;
    if (P::ArrayLengthContext* l = c->arrayLength()) {
      if (!usable(l->RBRACKET()) || !(length = buildTopExpr(l->expr()))) return nullptr;
    }
    return std::make_unique<ast::EventDecl>(range, std::move(name), nameRange, std::move(length));
  }
  if (auto* c = dynamic_cast<P::PhaseMemberContext*>(ctx)) {
    auto phase = std::make_unique<ast::PhaseDecl>(range);
    if (!declName(c->declName(), phase->name, phase->nameRange)) return nullptr;
    std::vector<P::ExprContext*> exprs = c->expr();
    if (usable(c->FOR()) && exprs.size() == 1) {
      phase->form = ast::PhaseDecl::For;
      phase->count = buildTopExpr(exprs[0]);
      if (!phase->count) return nullptr;
    } else if (usable(c->UNTIL()) && !exprs.empty()) {
      phase->form = ast::PhaseDecl::Until;
      phase->cond = buildTopExpr(exprs[0]);
      if (!phase->cond) return nullptr;
      if (c->LIMIT()) {
        if (exprs.size() != 2) return nullptr;
        phase->limit = buildTopExpr(exprs[1]);
        if (!phase->limit) return nullptr;
      }
    } else {
      return nullptr;
    }
    phase->body = buildBlock(c->block());
    if (!phase->body) return nullptr;
    return phase;
  }
  if (auto* c = dynamic_cast<P::ReportDeclContext*>(ctx))
    return buildReport(c, c->reportExpr(), c->AS(), c->STRING());
  if (auto* c = dynamic_cast<P::ExpectDeclContext*>(ctx)) return buildExpect(c);
  return nullptr;
}

ast::MemberPtr AstBuilder::buildReport(antlr4::ParserRuleContext* ctx, P::ReportExprContext* expr,
                                       antlr4::tree::TerminalNode* as, antlr4::tree::TerminalNode* string) {
  if (!usable(expr) || !usable(expr->reportFn()) || !usable(expr->RPAREN())) return nullptr;
  auto report = std::make_unique<ast::ReportDecl>(rangeOf(ctx));
  P::ReportFnContext* fn = expr->reportFn();
  report->reportKind = fn->P()   ? ast::ReportDecl::Probability
                       : fn->E() ? ast::ReportDecl::Mean
                                 : ast::ReportDecl::Quantiles;
  std::vector<P::ExprContext*> parts = expr->expr();
  if (parts.empty()) return nullptr;
  report->value = buildTopExpr(parts[0]);
  if (!report->value) return nullptr;
  size_t levelEnd = parts.size() - (expr->BAR() ? 1 : 0);
  if (levelEnd > 1 && report->reportKind != ast::ReportDecl::Quantiles) {
    diags_.error(rangeOf(parts[1]), std::string("only quantiles(...) takes levels after the value; ") +
                                        (report->reportKind == ast::ReportDecl::Probability ? "P" : "E") +
                                        "(...) takes one expression");
    return nullptr;
  }
  for (size_t i = 1; i < levelEnd; ++i)
    if (!buildQuantileLevel(parts[i], report->levels)) return nullptr;
  // Output lists the levels in ascending order, whatever order they were written in.
  std::sort(report->levels.begin(), report->levels.end());
  if (expr->BAR()) {
    if (parts.size() < 2) return nullptr;
    report->given = buildTopExpr(parts.back());
    if (!report->given) return nullptr;
  }
  if (as) {
    if (!usable(string)) return nullptr;
    report->label = unquote(string->getSymbol());
    report->explicitLabel = true;
    if (report->label.empty()) {
      diags_.error(rangeOf(string), "a report label may not be empty");
      return nullptr;
    }
  } else {
    report->label = sourceLabel(expr);
  }
  return report;
}

// `expect REPORT < b` or `expect REPORT in [lo, hi]`: a report with what it must satisfy.
// The bounds are literals, as a param range's are, so that `omen test` and a built
// executable's metadata know them without evaluating anything.
ast::MemberPtr AstBuilder::buildExpect(P::ExpectDeclContext* ctx) {
  P::ExpectBoundContext* boundCtx = ctx->expectBound();
  if (!usable(boundCtx)) return nullptr;
  ast::MemberPtr member = buildReport(ctx, ctx->reportExpr(), ctx->AS(), ctx->STRING());
  if (!member) return nullptr;
  auto* report = static_cast<ast::ReportDecl*>(member.get());
  if (report->reportKind == ast::ReportDecl::Quantiles) {
    diags_.error(rangeOf(ctx->reportExpr()->reportFn()),
                 "expect takes P(...) or E(...); a quantile's bound is a probability's, e.g. "
                 "'expect P(x < 100) >= 90%' for a 90% quantile below 100");
    return nullptr;
  }
  const char* mustBe = "an expectation's bound must be a number, e.g. 'expect P(catastrophe) < 1%'";
  Expectation e;
  e.bound = sourceLabel(boundCtx);
  ast::RangeBound lo, hi;
  if (auto* c = dynamic_cast<P::CompareBoundContext*>(boundCtx)) {
    ast::RangeBound at;
    if (!usable(c->expr()) || !buildRangeBound(c->expr(), at, mustBe)) return nullptr;
    bool below = c->LT() || c->LE();
    e.op = c->LT() ? Expectation::Op::Less
           : c->LE() ? Expectation::Op::LessEqual
           : c->GT() ? Expectation::Op::Greater
                     : Expectation::Op::GreaterEqual;
    e.lo = below ? -HUGE_VAL : at.value;
    e.hi = below ? at.value : HUGE_VAL;
    lo = hi = at;
  } else {
    auto* w = dynamic_cast<P::WithinBoundContext*>(boundCtx);
    std::vector<P::ExprContext*> bounds = w ? w->expr() : std::vector<P::ExprContext*>{};
    if (bounds.size() != 2 || !usable(bounds[0]) || !usable(bounds[1]) || !usable(w->RBRACKET())) return nullptr;
    if (!buildRangeBound(bounds[0], lo, mustBe) || !buildRangeBound(bounds[1], hi, mustBe)) return nullptr;
    e.op = Expectation::Op::Within;
    e.lo = lo.value;
    e.hi = hi.value;
    if (!(e.lo < e.hi)) {
      diags_.error(rangeOf(boundCtx), "the interval of an expectation must have lo < hi, got " + e.bound);
      return nullptr;
    }
  }
  if (report->reportKind == ast::ReportDecl::Probability)
    for (const ast::RangeBound* b : {&lo, &hi})
      if (b->value < 0 || b->value > 1) {
        diags_.error(b->range, "a probability's bound must lie in [0, 1] (0% to 100%), got " + b->spelling);
        return nullptr;
      }
  if (!report->explicitLabel) report->label += " " + e.bound;
  report->expectation = std::move(e);
  return member;
}

// A level is a number written as a literal (`1%`, `0.5`), strictly between 0 and 1, so that
// labels and output columns are known before the run.
bool AstBuilder::buildQuantileLevel(P::ExprContext* ctx, std::vector<double>& levels) {
  ast::ExprPtr e = buildTopExpr(ctx);
  if (!e) return false;
  auto* n = dyn_cast<ast::NumberExpr>(e.get());
  double v = n ? n->realValue : 0;
  if (!n || !(v > 0 && v < 1)) {
    diags_.error(e->range, "a quantile level must be a number strictly between 0 and 1, written as a literal "
                           "(e.g. 1%, 50%, 0.99)");
    return false;
  }
  for (double prior : levels)
    if (prior == v) {
      diags_.error(e->range, "quantile level '" + n->spelling + "' is listed twice");
      return false;
    }
  levels.push_back(v);
  return true;
}

bool AstBuilder::declName(P::DeclNameContext* ctx, std::string& name, SourceRange& range) {
  if (!usable(ctx)) return false;
  range = rangeOf(ctx);
  name = ctx->getStart()->getText();
  if (ctx->reservedName()) {
    diags_.error(range, "'" + name + "' is reserved and cannot be used as a name");
    return false;
  }
  if (ctx->keywordName()) {
    diags_.error(range, "'" + name + "' is a keyword and cannot be used as a name");
    return false;
  }
  return usable(ctx->IDENT());
}

}  // namespace omen::parse
