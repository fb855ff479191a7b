//===- AstBuilderExpr.cpp - Expressions, operator chains, literals ---------===//
//
// Every operator level of the grammar is a flat list, folded here in a loop: left to right
// for `or and == + - * /`, right to left for `^`, and prefix runs of `not` and `-` applied
// innermost first. The children of a chain are walked once (the generated accessors rescan
// all children per call, which would make a 200,000-term sum quadratic).
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "frontend/parse/AstBuilder.h"
#include "frontend/parse/Parser.h"

namespace omen::parse {

using P = grammar::OmenParser;
using antlr4::Token;
using antlr4::tree::ParseTree;
using antlr4::tree::TerminalNode;
using OpToken = std::optional<std::pair<ast::BinaryOp, Token*>>;

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

bool AstBuilder::applyPrefix(Built& operand, const std::vector<Token*>& ops, ast::UnaryOp op) {
  if (ops.empty()) return true;
  if (nesting_ + static_cast<int>(ops.size()) > kMaxNestingDepth) {
    size_t at = static_cast<size_t>(std::max(0, kMaxNestingDepth - nesting_));
    diags_.error(rangeOf(ops[std::min(at, ops.size() - 1)]), nestingTooDeepMessage());
    return false;
  }
  for (size_t i = ops.size(); i-- > 0;) {
    if (!checkExprDepth(operand.depth + 1, ops[i])) return false;
    SourceRange range{beginOf(ops[i]), operand.expr->range.end};
    operand.expr = std::make_unique<ast::UnaryExpr>(range, op, std::move(operand.expr));
    operand.depth += 1;
  }
  return true;
}

template <typename Operand, typename BuildOperand, typename OpOf>
AstBuilder::Built AstBuilder::foldLeft(antlr4::ParserRuleContext* ctx, BuildOperand build, OpOf opOf) {
  if (!usable(ctx)) return {};
  Built acc;
  ast::BinaryOp pendingOp = ast::BinaryOp::Add;
  Token* pendingToken = nullptr;
  for (ParseTree* child : ctx->children) {
    if (auto* operand = dynamic_cast<Operand*>(child)) {
      Built rhs = (this->*build)(operand);
      if (!rhs) return {};
      if (!acc) {
        acc = std::move(rhs);
        continue;
      }
      if (!pendingToken) return {};
      acc = makeBinary(pendingOp, pendingToken, std::move(acc), std::move(rhs));
      if (!acc) return {};
      pendingToken = nullptr;
    } else if (OpToken op = opOf(child)) {
      pendingOp = op->first;
      pendingToken = op->second;
    }
  }
  if (pendingToken) return {};  // a trailing operator: the parser has reported it
  return acc;
}

static OpToken terminalOp(ParseTree* child, size_t type, ast::BinaryOp op) {
  auto* node = dynamic_cast<TerminalNode*>(child);
  if (node && node->getSymbol()->getType() == type) return std::make_pair(op, node->getSymbol());
  return std::nullopt;
}

AstBuilder::Built AstBuilder::buildExpr(P::ExprContext* ctx) {
  if (!usable(ctx)) return {};
  NestingScope scope(nesting_);
  if (auto* c = dynamic_cast<P::PlainExprContext*>(ctx)) return buildOr(c->orExpr());
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

AstBuilder::Built AstBuilder::buildOr(P::OrExprContext* ctx) {
  return foldLeft<P::AndExprContext>(ctx, &AstBuilder::buildAnd,
                                     [](ParseTree* c) { return terminalOp(c, P::OR, ast::BinaryOp::Or); });
}

AstBuilder::Built AstBuilder::buildAnd(P::AndExprContext* ctx) {
  return foldLeft<P::NotExprContext>(ctx, &AstBuilder::buildNot,
                                     [](ParseTree* c) { return terminalOp(c, P::AND, ast::BinaryOp::And); });
}

AstBuilder::Built AstBuilder::buildNot(P::NotExprContext* ctx) {
  if (!usable(ctx)) return {};
  std::vector<Token*> nots;
  P::ComparisonContext* operand = nullptr;
  for (ParseTree* child : ctx->children) {
    if (auto* c = dynamic_cast<P::ComparisonContext*>(child)) operand = c;
    else if (auto* t = dynamic_cast<TerminalNode*>(child); t && t->getSymbol()->getType() == P::NOT)
      nots.push_back(t->getSymbol());
  }
  Built built = buildComparison(operand);
  if (!built || !applyPrefix(built, nots, ast::UnaryOp::Not)) return {};
  return built;
}

AstBuilder::Built AstBuilder::buildComparison(P::ComparisonContext* ctx) {
  if (!usable(ctx)) return {};
  // `a < b < c` would compare a bool with a number; say what was probably meant instead.
  int ops = 0;
  for (ParseTree* child : ctx->children) {
    auto* op = dynamic_cast<P::CompareOpContext*>(child);
    if (op && ++ops == 2) {
      diags_.error(rangeOf(op), "comparisons cannot be chained; write 'a < b and b < c'");
      return {};
    }
  }
  return foldLeft<P::AdditiveContext>(ctx, &AstBuilder::buildAdditive, [](ParseTree* c) -> OpToken {
    auto* op = dynamic_cast<P::CompareOpContext*>(c);
    if (!op || !op->getStart()) return std::nullopt;
    Token* tok = op->getStart();
    switch (tok->getType()) {
      case P::EQ: return std::make_pair(ast::BinaryOp::Eq, tok);
      case P::NE: return std::make_pair(ast::BinaryOp::Ne, tok);
      case P::LT: return std::make_pair(ast::BinaryOp::Lt, tok);
      case P::LE: return std::make_pair(ast::BinaryOp::Le, tok);
      case P::GT: return std::make_pair(ast::BinaryOp::Gt, tok);
      case P::GE: return std::make_pair(ast::BinaryOp::Ge, tok);
    }
    return std::nullopt;
  });
}

AstBuilder::Built AstBuilder::buildAdditive(P::AdditiveContext* ctx) {
  return foldLeft<P::MultiplicativeContext>(ctx, &AstBuilder::buildMultiplicative, [](ParseTree* c) -> OpToken {
    auto* op = dynamic_cast<P::AddOpContext*>(c);
    if (!op || !op->getStart()) return std::nullopt;
    Token* tok = op->getStart();
    return std::make_pair(tok->getType() == P::PLUS ? ast::BinaryOp::Add : ast::BinaryOp::Sub, tok);
  });
}

AstBuilder::Built AstBuilder::buildMultiplicative(P::MultiplicativeContext* ctx) {
  return foldLeft<P::UnaryContext>(ctx, &AstBuilder::buildUnary, [](ParseTree* c) -> OpToken {
    auto* op = dynamic_cast<P::MulOpContext*>(c);
    if (!op || !op->getStart()) return std::nullopt;
    Token* tok = op->getStart();
    return std::make_pair(tok->getType() == P::STAR ? ast::BinaryOp::Mul : ast::BinaryOp::Div, tok);
  });
}

AstBuilder::Built AstBuilder::buildUnary(P::UnaryContext* ctx) {
  if (!usable(ctx)) return {};
  std::vector<Token*> minuses;
  P::PowerChainContext* operand = nullptr;
  for (ParseTree* child : ctx->children) {
    if (auto* c = dynamic_cast<P::PowerChainContext*>(child)) operand = c;
    else if (auto* t = dynamic_cast<TerminalNode*>(child); t && t->getSymbol()->getType() == P::MINUS)
      minuses.push_back(t->getSymbol());
  }
  Built built = buildPowerChain(operand);
  if (!built || !applyPrefix(built, minuses, ast::UnaryOp::Neg)) return {};
  return built;
}

// `a ^ -b ^ c` is a ^ (-(b ^ c)): each operand after a `^` carries its own minus signs, which
// bind looser than the `^` that follows it. Operands are built left to right, then folded
// from the right.
AstBuilder::Built AstBuilder::buildPowerChain(P::PowerChainContext* ctx) {
  if (!usable(ctx)) return {};
  struct Segment {
    Token* caret = nullptr;  // the `^` before this operand (null for the first)
    std::vector<Token*> minuses;
    Built operand;
  };
  std::vector<Segment> segments(1);
  for (ParseTree* child : ctx->children) {
    if (auto* primary = dynamic_cast<P::PrimaryContext*>(child)) {
      segments.back().operand = buildPrimary(primary);
      if (!segments.back().operand) return {};
    } else if (auto* t = dynamic_cast<TerminalNode*>(child)) {
      if (t->getSymbol()->getType() == P::CARET) segments.push_back(Segment{t->getSymbol(), {}, {}});
      else if (t->getSymbol()->getType() == P::MINUS) segments.back().minuses.push_back(t->getSymbol());
    }
  }
  if (!segments.back().operand) return {};
  Built acc = std::move(segments.back().operand);
  if (!applyPrefix(acc, segments.back().minuses, ast::UnaryOp::Neg)) return {};
  for (size_t k = segments.size() - 1; k-- > 0;) {
    acc = makeBinary(ast::BinaryOp::Pow, segments[k + 1].caret, std::move(segments[k].operand), std::move(acc));
    if (!acc || !applyPrefix(acc, segments[k].minuses, ast::UnaryOp::Neg)) return {};
  }
  return acc;
}

AstBuilder::Built AstBuilder::buildPrimary(P::PrimaryContext* ctx) {
  if (!usable(ctx)) return {};
  SourceRange range = rangeOf(ctx);
  if (auto* c = dynamic_cast<P::NumberExprContext*>(ctx)) return buildNumber(c->number());
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
    return {std::make_unique<ast::TimeExpr>(range, std::move(event)), 2};
  }
  if (auto* c = dynamic_cast<P::CallExprContext*>(ctx)) {
    if (!usable(c->IDENT()) || !usable(c->RPAREN())) return {};
    auto call = std::make_unique<ast::CallExpr>(range, c->IDENT()->getText(), rangeOf(c->IDENT()));
    int depth = 1;
    if (P::CallArgsContext* args = c->callArgs()) {
      for (ParseTree* child : args->children) {
        auto* arg = dynamic_cast<P::ExprContext*>(child);
        if (!arg) continue;
        Built built = buildExpr(arg);
        if (!built) return {};
        depth = std::max(depth, built.depth + 1);
        call->args.push_back(std::move(built.expr));
      }
    }
    if (!checkExprDepth(depth, c->IDENT()->getSymbol())) return {};
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

AstBuilder::Built AstBuilder::buildNumber(P::NumberContext* ctx) {
  if (!usable(ctx)) return {};
  Token* tok = ctx->getStart();
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
