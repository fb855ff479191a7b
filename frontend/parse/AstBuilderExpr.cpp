//===- AstBuilderExpr.cpp - Expressions, operator chains, literals ---------===//
//
// Below `if`, the grammar gives an expression as one flat chain: prefix operators, operands
// and binary operators in source order. It is folded here by precedence climbing with two
// explicit stacks, so a 200,000-term sum or a long run of `not` costs no recursion; the trees
// it builds are bounded by kMaxNestingDepth (prefix runs) and kMaxExprDepth (everything).
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "frontend/parse/AstBuilder.h"
#include "frontend/parse/Parser.h"

namespace omen::parse {

using P = grammar::OmenParser;
using antlr4::Token;
using antlr4::tree::ParseTree;
using antlr4::tree::TerminalNode;

namespace {

// Binding strength, loosest first (docs/reference.md section 7). Prefix `not` sits between `and`
// and the comparisons, prefix `-` between `*` and `^`.
enum Prec { kOr = 1, kAnd, kNot, kCompare, kAdd, kMul, kNeg, kPow };

struct BinaryInfo {
  ast::BinaryOp op;
  int prec;
};

bool binaryInfo(size_t type, BinaryInfo& info) {
  switch (type) {
    case P::OR: info = {ast::BinaryOp::Or, kOr}; return true;
    case P::AND: info = {ast::BinaryOp::And, kAnd}; return true;
    case P::EQ: info = {ast::BinaryOp::Eq, kCompare}; return true;
    case P::NE: info = {ast::BinaryOp::Ne, kCompare}; return true;
    case P::LT: info = {ast::BinaryOp::Lt, kCompare}; return true;
    case P::LE: info = {ast::BinaryOp::Le, kCompare}; return true;
    case P::GT: info = {ast::BinaryOp::Gt, kCompare}; return true;
    case P::GE: info = {ast::BinaryOp::Ge, kCompare}; return true;
    case P::PLUS: info = {ast::BinaryOp::Add, kAdd}; return true;
    case P::MINUS: info = {ast::BinaryOp::Sub, kAdd}; return true;
    case P::STAR: info = {ast::BinaryOp::Mul, kMul}; return true;
    case P::SLASH: info = {ast::BinaryOp::Div, kMul}; return true;
    case P::CARET: info = {ast::BinaryOp::Pow, kPow}; return true;
  }
  return false;
}

}  // namespace

ast::ExprPtr AstBuilder::buildTopExpr(P::ExprContext* ctx) {
  depthReported_ = false;
  return buildExpr(ctx).expr;
}

bool AstBuilder::checkExprDepth(int depth, Token* at) {
  if (depth <= kMaxExprDepth) return true;
  if (!depthReported_)
    diags_.error(rangeOf(at), "expression too deep (more than " + std::to_string(kMaxExprDepth) +
                                  " nested operations); split it with 'let' or intermediate params");
  depthReported_ = true;
  return false;
}

AstBuilder::Built AstBuilder::makeBinary(ast::BinaryOp op, Token* opToken, Built lhs, Built rhs) {
  int depth = 1 + std::max(lhs.depth, rhs.depth);
  if (!checkExprDepth(depth, opToken)) return {};
  SourceRange range = SourceRange::join(lhs.expr->range, rhs.expr->range);
  return {std::make_unique<ast::BinaryExpr>(range, op, rangeOf(opToken), std::move(lhs.expr), std::move(rhs.expr)),
          depth};
}

AstBuilder::Built AstBuilder::makeUnary(ast::UnaryOp op, Token* opToken, Built operand) {
  if (!checkExprDepth(operand.depth + 1, opToken)) return {};
  SourceRange range{beginOf(opToken), operand.expr->range.end};
  return {std::make_unique<ast::UnaryExpr>(range, op, std::move(operand.expr)), operand.depth + 1};
}

AstBuilder::Built AstBuilder::buildExpr(P::ExprContext* ctx) {
  if (!usable(ctx)) return {};
  NestingScope scope(nesting_);
  if (auto* c = dynamic_cast<P::OpChainContext*>(ctx)) return buildChain(c);
  auto* c = dynamic_cast<P::IfExprContext*>(ctx);
  if (!c || !usable(c->THEN()) || !usable(c->ELSE())) return {};
  std::vector<P::ExprContext*> parts = c->expr();
  if (parts.size() != 3) return {};
  Built cond = buildExpr(parts[0]), a = buildExpr(parts[1]), b = buildExpr(parts[2]);
  if (!cond || !a || !b) return {};
  int depth = 1 + std::max({cond.depth, a.depth, b.depth});
  if (!checkExprDepth(depth, c->IF()->getSymbol())) return {};
  SourceRange range{beginOf(c->IF()->getSymbol()), b.expr->range.end};
  return {std::make_unique<ast::IfExpr>(range, std::move(cond.expr), std::move(a.expr), std::move(b.expr)), depth};
}

AstBuilder::Built AstBuilder::buildChain(P::OpChainContext* ctx) {
  struct Op {
    Token* token;
    int prec;
    bool prefix;
    ast::BinaryOp binary;
  };
  std::vector<Built> operands;
  std::vector<Op> ops;

  auto reduceTop = [&]() -> bool {
    Op op = ops.back();
    ops.pop_back();
    if (op.prefix) {
      if (operands.empty()) return false;
      Built x = std::move(operands.back());
      operands.pop_back();
      operands.push_back(makeUnary(op.prec == kNot ? ast::UnaryOp::Not : ast::UnaryOp::Neg, op.token, std::move(x)));
    } else {
      if (operands.size() < 2) return false;
      Built rhs = std::move(operands.back());
      operands.pop_back();
      Built lhs = std::move(operands.back());
      operands.pop_back();
      operands.push_back(makeBinary(op.binary, op.token, std::move(lhs), std::move(rhs)));
    }
    return static_cast<bool>(operands.back());
  };

  bool expectOperand = true;
  int prefixRun = 0;  // consecutive prefix operators: each is one level of nesting
  for (ParseTree* child : ctx->children) {
    if (auto* primary = dynamic_cast<P::PrimaryContext*>(child)) {
      if (!expectOperand) return {};
      Built built = buildPrimary(primary);
      if (!built) return {};
      operands.push_back(std::move(built));
      expectOperand = false;
      prefixRun = 0;
      continue;
    }
    auto* node = dynamic_cast<TerminalNode*>(child);
    if (!node || !usable(node)) return {};  // an error node: the parser has reported it
    Token* tok = node->getSymbol();
    size_t type = tok->getType();
    if (expectOperand) {
      if (type != P::NOT && type != P::MINUS) return {};
      int prec = type == P::NOT ? kNot : kNeg;
      // As in Python, `not` cannot be the operand of a tighter operator: `a == not b`.
      if (prec == kNot && !ops.empty() && ops.back().prec > kNot) {
        diags_.error(rangeOf(tok), std::string("'not' cannot follow '") + ops.back().token->getText() +
                                       "' without parentheses; write '" + ops.back().token->getText() +
                                       " (not ...)'");
        return {};
      }
      if (nesting_ + ++prefixRun > kMaxNestingDepth) {
        diags_.error(rangeOf(tok), nestingTooDeepMessage());
        return {};
      }
      ops.push_back({tok, prec, true, ast::BinaryOp::Add});
      continue;
    }
    BinaryInfo info;
    if (!binaryInfo(type, info)) return {};
    // Reduce what binds at least as tightly (`^` is right-associative: strictly tighter).
    while (!ops.empty() && (ops.back().prec > info.prec || (ops.back().prec == info.prec && info.prec != kPow))) {
      if (info.prec == kCompare && ops.back().prec == kCompare) {
        diags_.error(rangeOf(tok), "comparisons cannot be chained; write 'a < b and b < c'");
        return {};
      }
      if (!reduceTop()) return {};
    }
    ops.push_back({tok, info.prec, false, info.op});
    expectOperand = true;
  }
  if (expectOperand) return {};  // a dangling operator: the parser has reported it
  while (!ops.empty())
    if (!reduceTop()) return {};
  if (operands.size() != 1) return {};
  return std::move(operands.back());
}

AstBuilder::Built AstBuilder::buildPrimary(P::PrimaryContext* ctx) {
  if (!usable(ctx)) return {};
  SourceRange range = rangeOf(ctx);
  if (dynamic_cast<P::NumberExprContext*>(ctx)) return buildNumber(ctx->getStart());
  if (dynamic_cast<P::TrueExprContext*>(ctx)) return {std::make_unique<ast::BoolExpr>(range, true), 1};
  if (dynamic_cast<P::FalseExprContext*>(ctx)) return {std::make_unique<ast::BoolExpr>(range, false), 1};
  if (dynamic_cast<P::GlobalStepExprContext*>(ctx))
    return {std::make_unique<ast::ClockExpr>(range, ast::ClockExpr::GlobalStep), 1};
  if (dynamic_cast<P::PhaseStepExprContext*>(ctx))
    return {std::make_unique<ast::ClockExpr>(range, ast::ClockExpr::PhaseStep), 1};
  if (auto* c = dynamic_cast<P::NameExprContext*>(ctx)) {
    if (!usable(c->IDENT())) return {};
    return {std::make_unique<ast::NameExpr>(range, c->IDENT()->getText()), 1};
  }
  if (auto* c = dynamic_cast<P::TimeExprContext*>(ctx)) {
    if (!usable(c->IDENT()) || !usable(c->RPAREN())) return {};
    auto event = std::make_unique<ast::NameExpr>(rangeOf(c->IDENT()), c->IDENT()->getText());
    if (P::SubscriptContext* sub = c->subscript()) {
      if (!usable(sub->RBRACKET())) return {};
      Built index = buildExpr(sub->expr());
      if (!index) return {};
      int depth = index.depth + 2;
      if (!checkExprDepth(depth, c->IDENT()->getSymbol())) return {};
      return {std::make_unique<ast::TimeExpr>(range, std::move(event), std::move(index.expr)), depth};
    }
    return {std::make_unique<ast::TimeExpr>(range, std::move(event)), 2};
  }
  if (auto* c = dynamic_cast<P::IndexExprContext*>(ctx)) {
    if (!usable(c->IDENT()) || !usable(c->subscript()) || !usable(c->subscript()->RBRACKET())) return {};
    Built index = buildExpr(c->subscript()->expr());
    if (!index) return {};
    int depth = index.depth + 1;
    if (!checkExprDepth(depth, c->IDENT()->getSymbol())) return {};
    auto array = std::make_unique<ast::NameExpr>(rangeOf(c->IDENT()), c->IDENT()->getText());
    return {std::make_unique<ast::IndexExpr>(range, std::move(array), std::move(index.expr)), depth};
  }
  if (auto* c = dynamic_cast<P::CallExprContext*>(ctx)) {
    if (!usable(c->IDENT()) || !usable(c->RPAREN())) return {};
    auto call = std::make_unique<ast::CallExpr>(range, c->IDENT()->getText(), rangeOf(c->IDENT()));
    int depth = 1;
    std::vector<LabelledArg> labelled;
    bool anyLabel = false;
    if (P::CallArgsContext* args = c->callArgs()) {
      for (P::CallArgContext* arg : args->callArg()) {
        std::vector<P::ExprContext*> parts = arg->expr();
        if (parts.empty() || !usable(arg)) return {};
        LabelledArg built;
        for (P::ExprContext* part : parts) {
          Built b = buildExpr(part);
          if (!b) return {};
          depth = std::max(depth, b.depth + 1);
          (parts.size() == 2 && !built.label ? built.label : built.value) = std::move(b.expr);
        }
        if (!built.value) return {};
        anyLabel = anyLabel || built.label;
        labelled.push_back(std::move(built));
      }
    }
    if (!checkExprDepth(depth, c->IDENT()->getSymbol())) return {};
    if (call->callee == "copula_score") {
      diags_.error(call->calleeRange, "'copula_score' is what correlate(a, b, rho) compiles to; write correlate(...) in the scenario instead");
      return {};
    }
    bool plainForm = call->callee == "normal" || call->callee == "lognormal";
    if (anyLabel || (takesLabels(call->callee) && !plainForm)) {
      Built built = buildBeliefCall(range, call->callee, call->calleeRange, std::move(labelled), depth,
                                    c == supportedCall_ ? support_ : std::nullopt);
      if (!built || !checkExprDepth(built.depth, c->IDENT()->getSymbol())) return {};
      return built;
    }
    for (LabelledArg& a : labelled) call->args.push_back(std::move(a.value));
    ast::ReduceOp op;
    if (ast::reduceOpNamed(call->callee, call->args.size(), op)) {
      auto* array = call->args.size() == 1 ? dyn_cast<ast::NameExpr>(call->args[0].get()) : nullptr;
      if (!array) {
        diags_.error(call->args.size() == 1 ? call->args[0]->range : call->calleeRange,
                     "'" + call->callee + "' takes one array, by name, e.g. " + call->callee + "(done)");
        return {};
      }
      std::unique_ptr<ast::NameExpr> name(static_cast<ast::NameExpr*>(call->args[0].release()));
      return {std::make_unique<ast::ReduceExpr>(range, op, std::move(name)), depth};
    }
    return {std::move(call), depth};
  }
  if (auto* c = dynamic_cast<P::ParenExprContext*>(ctx)) {
    if (!usable(c->RPAREN())) return {};
    Built inner = buildExpr(c->expr());
    // The parentheses belong to the construct: `(a + b) * c` starts at the `(`.
    if (inner) inner.expr->range = range;
    return inner;
  }
  if (auto* c = dynamic_cast<P::MisplacedReportExprContext*>(ctx)) {
    std::string fn = c->getStart()->getText();
    diags_.error(rangeOf(c->getStart()), "'" + fn + "(...)' is not an expression: it can only stand as a whole report, 'report " +
                                             fn + "(...)'");
    return {};
  }
  return {};
}

AstBuilder::Built AstBuilder::buildNumber(Token* tok) {
  if (!tok || tok->getTokenIndex() == INVALID_INDEX) return {};
  auto num = std::make_unique<ast::NumberExpr>(rangeOf(tok));
  num->spelling = tok->getText();
  std::string digits;
  for (char ch : num->spelling)
    if (ch != '_' && ch != '%') digits += ch;
  if (tok->getType() == P::INT_LIT) {
    uint64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() ||
        value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      diags_.error(num->range, "integer literal '" + num->spelling +
                                   "' does not fit in a 64-bit int; write it as a real (e.g. 1e20)");
      return {};
    }
    num->isInt = true;
    num->intValue = static_cast<int64_t>(value);
    num->realValue = static_cast<double>(value);
    return {std::move(num), 1};
  }
  double value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (end != digits.data() + digits.size() || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
    diags_.error(num->range, "malformed number '" + num->spelling + "'");
    return {};
  }
  if (ec == std::errc::result_out_of_range || !std::isfinite(value)) {
    // Out of range is either overflow (an error) or underflow below the smallest denormal,
    // which is a value a user can mean: it is 0.
    bool underflow = digits.find("e-") != std::string::npos || digits.find("E-") != std::string::npos;
    if (!underflow) {
      diags_.error(num->range, "number '" + num->spelling + "' is too large for a real");
      return {};
    }
    value = 0.0;
  }
  num->isInt = false;
  num->realValue = tok->getType() == P::PERCENT_LIT ? value / 100.0 : value;
  return {std::move(num), 1};
}

}  // namespace omen::parse
