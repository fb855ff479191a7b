//===- AstBuilderStmt.cpp - Blocks and statements ---------------------------===//
#include "frontend/parse/AstBuilder.h"

#include "frontend/parse/Parser.h"

namespace omen::parse {

using P = grammar::OmenParser;

std::unique_ptr<ast::BlockStmt> AstBuilder::buildBlock(P::BlockContext* ctx) {
  if (!usable(ctx) || !usable(ctx->LBRACE())) return nullptr;
  NestingScope scope(nesting_);
  auto block = std::make_unique<ast::BlockStmt>(rangeOf(ctx));
  for (antlr4::tree::ParseTree* child : ctx->children)
    if (auto* stmt = dynamic_cast<P::StmtContext*>(child))
      if (ast::StmtPtr built = buildStmt(stmt)) block->stmts.push_back(std::move(built));
  return block;
}

ast::StmtPtr AstBuilder::buildStmt(P::StmtContext* ctx) {
  SourceRange range = rangeOf(ctx);
  if (auto* c = dynamic_cast<P::LetStmtContext*>(ctx)) {
    std::string name;
    SourceRange nameRange;
    if (!declName(c->declName(), name, nameRange)) return nullptr;
    ast::ExprPtr init = buildTopExpr(c->expr());
    if (!init) return nullptr;
    return std::make_unique<ast::LetStmt>(range, std::move(name), nameRange, std::move(init));
  }
  if (auto* c = dynamic_cast<P::AssignStmtContext*>(ctx)) {
    P::AssignTargetContext* target = c->assignTarget();
    if (!usable(target)) return nullptr;
    if (target->reservedName()) {
      diags_.error(rangeOf(target), "cannot assign to '" + target->getStart()->getText() +
                                        "': it is reserved; only state variables can be assigned");
      return nullptr;
    }
    if (!usable(target->IDENT())) return nullptr;
    ast::ExprPtr index;
    if (P::SubscriptContext* sub = target->subscript())
      if (!usable(sub->RBRACKET()) || !(index = buildTopExpr(sub->expr()))) return nullptr;
    ast::ExprPtr value = buildTopExpr(c->expr());
    if (!value) return nullptr;
    auto name = std::make_unique<ast::NameExpr>(rangeOf(target->IDENT()), target->IDENT()->getText());
    return std::make_unique<ast::AssignStmt>(range, std::move(name), std::move(value), std::move(index));
  }
  if (auto* c = dynamic_cast<P::BranchStmtContext*>(ctx)) return buildBranch(c->branch());
  if (auto* c = dynamic_cast<P::TriggerStmtContext*>(ctx)) {
    if (!usable(c->IDENT())) return nullptr;
    ast::ExprPtr index;
    if (P::SubscriptContext* sub = c->subscript())
      if (!usable(sub->RBRACKET()) || !(index = buildTopExpr(sub->expr()))) return nullptr;
    auto event = std::make_unique<ast::NameExpr>(rangeOf(c->IDENT()), c->IDENT()->getText());
    return std::make_unique<ast::TriggerStmt>(range, std::move(event), std::move(index));
  }
  if (auto* c = dynamic_cast<P::ObserveStmtContext*>(ctx)) return buildObserve(c);
  if (auto* c = dynamic_cast<P::ChooseStmtContext*>(ctx)) return buildChoose(c);
  if (auto* c = dynamic_cast<P::ForStmtContext*>(ctx)) {
    std::string name;
    SourceRange nameRange;
    if (!declName(c->declName(), name, nameRange) || !usable(c->DOTDOT())) return nullptr;
    std::vector<P::ExprContext*> bounds = c->expr();
    if (bounds.size() != 2) return nullptr;
    ast::ExprPtr lo = buildTopExpr(bounds[0]);
    ast::ExprPtr hi = buildTopExpr(bounds[1]);
    std::unique_ptr<ast::BlockStmt> body = buildBlock(c->block());
    if (!lo || !hi || !body) return nullptr;
    return std::make_unique<ast::ForStmt>(range, std::move(name), nameRange, std::move(lo), std::move(hi),
                                          std::move(body));
  }
  if (dynamic_cast<P::EndStmtContext*>(ctx)) return std::make_unique<ast::EndStmt>(range);
  if (dynamic_cast<P::StopStmtContext*>(ctx)) return std::make_unique<ast::StopStmt>(range);
  if (auto* c = dynamic_cast<P::ReturnStmtContext*>(ctx)) {
    ast::ExprPtr value = buildTopExpr(c->expr());
    if (!value) return nullptr;
    return std::make_unique<ast::ReturnStmt>(range, std::move(value));
  }
  return nullptr;
}

// `if a {} else if b {} else with probability p {} else {}` arrives as one flat list of
// heads; it is nested from the right in a loop. Each link is one level of nesting in the AST.
ast::StmtPtr AstBuilder::buildBranch(P::BranchContext* ctx) {
  if (!usable(ctx)) return nullptr;
  std::vector<P::BranchHeadContext*> heads;
  P::BlockContext* finalElse = nullptr;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* head = dynamic_cast<P::BranchHeadContext*>(child)) heads.push_back(head);
    if (auto* block = dynamic_cast<P::BlockContext*>(child)) finalElse = block;
  }
  if (heads.empty()) return nullptr;
  if (nesting_ + static_cast<int>(heads.size()) - 1 > kMaxNestingDepth) {
    size_t at = static_cast<size_t>(std::max(0, kMaxNestingDepth - nesting_ + 1));
    diags_.error(rangeOf(heads[std::min(at, heads.size() - 1)]->getStart()), nestingTooDeepMessage());
    return nullptr;
  }
  // Build in source order (so diagnostics come out in order), then nest from the right.
  struct Link {
    P::BranchHeadContext* head;
    ast::ExprPtr test;
    std::unique_ptr<ast::BlockStmt> block;
  };
  std::vector<Link> links;
  bool ok = true;
  for (P::BranchHeadContext* head : heads) {
    Link link{head, nullptr, nullptr};
    if (auto* h = dynamic_cast<P::IfHeadContext*>(head)) {
      link.test = buildTopExpr(h->expr());
      link.block = buildBlock(h->block());
    } else if (auto* h = dynamic_cast<P::WithHeadContext*>(head); h && usable(h->PROBABILITY())) {
      link.test = buildTopExpr(h->expr());
      link.block = buildBlock(h->block());
    }
    ok = ok && link.test && link.block;
    links.push_back(std::move(link));
  }
  ast::StmtPtr elseStmt;
  if (finalElse) {
    elseStmt = buildBlock(finalElse);
    ok = ok && elseStmt;
  }
  if (!ok) return nullptr;
  antlr4::Token* chainEnd = ctx->getStop();
  for (size_t i = links.size(); i-- > 0;) {
    Link& link = links[i];
    SourceRange range = rangeOf(link.head->getStart(), chainEnd);
    if (dynamic_cast<P::IfHeadContext*>(link.head))
      elseStmt = std::make_unique<ast::IfStmt>(range, std::move(link.test), std::move(link.block), std::move(elseStmt));
    else
      elseStmt = std::make_unique<ast::WithProbabilityStmt>(range, std::move(link.test), std::move(link.block),
                                                            std::move(elseStmt));
  }
  return elseStmt;
}

// `observe c` or `observe x ~ D(args)`; after `~` only a call of a distribution is meaningful
// (sema checks that it names one with a density).
ast::StmtPtr AstBuilder::buildObserve(P::ObserveStmtContext* ctx) {
  std::vector<P::ExprContext*> parts = ctx->expr();
  if (parts.empty()) return nullptr;
  ast::ExprPtr value = buildTopExpr(parts[0]);
  if (!value) return nullptr;
  if (!ctx->TILDE()) return std::make_unique<ast::ObserveStmt>(rangeOf(ctx), std::move(value), nullptr);
  if (parts.size() < 2) return nullptr;
  ast::ExprPtr dist = buildTopExpr(parts[1]);
  if (!dist) return nullptr;
  if (dist->kind != ast::ExprKind::Call) {
    diags_.error(dist->range, "`observe x ~ ...` needs a distribution after '~', e.g. `observe x ~ normal(mu, 1)`");
    return nullptr;
  }
  std::unique_ptr<ast::CallExpr> call(static_cast<ast::CallExpr*>(dist.release()));
  return std::make_unique<ast::ObserveStmt>(rangeOf(ctx), std::move(value), std::move(call));
}

// `choose x in {a, b, …}` or `choose x in lo..hi`.
ast::StmtPtr AstBuilder::buildChoose(P::ChooseStmtContext* ctx) {
  std::string name;
  SourceRange nameRange;
  if (!declName(ctx->declName(), name, nameRange) || !usable(ctx->IN())) return nullptr;
  auto choose = std::make_unique<ast::ChooseStmt>(rangeOf(ctx), std::move(name), nameRange);
  if (P::ChoiceSetContext* set = ctx->choiceSet()) {
    if (!usable(set->RBRACE())) return nullptr;
    for (P::ExprContext* e : set->expr()) {
      ast::ExprPtr choice = buildTopExpr(e);
      if (!choice) return nullptr;
      choose->choices.push_back(std::move(choice));
    }
    return choose;
  }
  std::vector<P::ExprContext*> bounds = ctx->expr();
  if (bounds.size() != 2 || !usable(ctx->DOTDOT())) return nullptr;
  choose->lo = buildTopExpr(bounds[0]);
  choose->hi = buildTopExpr(bounds[1]);
  if (!choose->lo || !choose->hi) return nullptr;
  return choose;
}

}  // namespace omen::parse
