//===- AstBuilder.cpp - Module assembly, locations and token text ----------===//
#include "frontend/parse/AstBuilder.h"

#include "frontend/parse/Parser.h"

namespace omen::parse {

using antlr4::Token;

std::string nestingTooDeepMessage() {
  return "nesting too deep (more than " + std::to_string(kMaxNestingDepth) + " levels)";
}

void AstBuilder::buildModule(P::ModuleContext* ctx, ast::Module& out) {
  if (!ctx) return;
  // Children are walked directly: the generated `topDecl()` accessors rescan every child
  // on each call, which is quadratic on a file with many declarations.
  for (antlr4::tree::ParseTree* child : ctx->children) {
    auto* decl = dynamic_cast<P::TopDeclContext*>(child);
    if (!decl) continue;
    if (ast::TopDeclPtr built = buildTopDecl(decl)) out.decls.push_back(std::move(built));
  }
}

//===--- locations -----------------------------------------------------------===//

SourceLoc AstBuilder::beginOf(Token* tok) const {
  if (!tok) return {};
  return {file_, static_cast<uint32_t>(tok->getLine()), static_cast<uint32_t>(tok->getCharPositionInLine() + 1)};
}

SourceLoc AstBuilder::endOf(Token* tok) const {
  SourceLoc loc = beginOf(tok);
  if (!loc.valid()) return loc;
  size_t start = tok->getStartIndex(), stop = tok->getStopIndex();
  // Tokens the parser sees never span lines (strings may not; comments are hidden), so the
  // end column is the start column plus the token's length in characters.
  if (start != INVALID_INDEX && stop != INVALID_INDEX && stop >= start)
    loc.col += static_cast<uint32_t>(stop - start + 1);
  return loc;
}

SourceRange AstBuilder::rangeOf(Token* tok) const { return {beginOf(tok), endOf(tok)}; }

SourceRange AstBuilder::rangeOf(antlr4::tree::TerminalNode* node) const {
  return node ? rangeOf(node->getSymbol()) : SourceRange{};
}

SourceRange AstBuilder::rangeOf(Token* first, Token* last) const {
  if (!last || (last->getTokenIndex() != INVALID_INDEX && first &&
                last->getTokenIndex() < first->getTokenIndex()))
    last = first;
  return {beginOf(first), endOf(last)};
}

SourceRange AstBuilder::rangeOf(antlr4::ParserRuleContext* ctx) const {
  if (!ctx) return {};
  return rangeOf(ctx->getStart(), ctx->getStop());
}

bool AstBuilder::usable(antlr4::ParserRuleContext* ctx) { return ctx && ctx->getStart() && !ctx->children.empty(); }

bool AstBuilder::usable(antlr4::tree::TerminalNode* node) {
  // Error recovery inserts "<missing X>" tokens as error nodes with no index in the stream.
  return node && !dynamic_cast<antlr4::tree::ErrorNode*>(node) && node->getSymbol() &&
         node->getSymbol()->getTokenIndex() != INVALID_INDEX;
}

std::string AstBuilder::unquote(Token* tok) {
  std::string text = tok->getText();
  std::string out;
  if (text.size() < 2) return out;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && i + 2 < text.size()) ++i;  // the lexer admits only \" and \\ here
    out += text[i];
  }
  return out;
}

std::string AstBuilder::sourceLabel(antlr4::ParserRuleContext* ctx) {
  std::string label;
  Token* first = ctx->getStart();
  Token* last = ctx->getStop();
  if (!first || !last || first->getTokenIndex() == INVALID_INDEX || last->getTokenIndex() == INVALID_INDEX)
    return label;
  Token* prev = nullptr;
  bool gap = false;
  for (size_t i = first->getTokenIndex(); i <= last->getTokenIndex() && i < tokens_.size(); ++i) {
    Token* tok = tokens_.get(i);
    if (tok->getChannel() != Token::DEFAULT_CHANNEL) {  // a comment inside counts as a space
      gap = true;
      continue;
    }
    if (prev && (gap || tok->getStartIndex() > prev->getStopIndex() + 1)) label += ' ';
    label += tok->getText();
    prev = tok;
    gap = false;
  }
  return label;
}

}  // namespace omen::parse
