//===- SyntaxErrors.cpp - Syntax errors in a researcher's words ------------===//
//
// ANTLR knows the set of tokens it could have accepted. That set is translated into words by
// recognising the grammar's families of tokens (every token that can start an expression is
// "an expression", the member keywords are "a member (...)"), dropping what is never needed
// (`;`, operators that could have continued an expression), and naming the open `{` that a
// `}` would close.
//
//===----------------------------------------------------------------------===//
#include "frontend/parse/SyntaxErrors.h"

#include <algorithm>

namespace omen::parse {

using antlr4::Token;
using antlr4::misc::IntervalSet;
using P = grammar::OmenParser;

namespace {

bool containsAll(const IntervalSet& set, std::initializer_list<size_t> types) {
  return std::all_of(types.begin(), types.end(), [&](size_t t) { return set.contains(t); });
}

void removeAll(IntervalSet& set, std::initializer_list<size_t> types) {
  for (size_t t : types) set.remove(t);
}

/// What a `{` opened, from the context of its body.
std::string describeBrace(antlr4::ParserRuleContext* body) {
  if (dynamic_cast<P::ScenarioBodyContext*>(body)) return "the scenario body";
  auto* parent = body->parent;
  if (dynamic_cast<P::PhaseMemberContext*>(parent))
    return "the phase body";
  if (dynamic_cast<P::BlockFnBodyContext*>(parent)) return "the function body";
  if (dynamic_cast<P::IfHeadContext*>(parent)) return "the 'if' block";
  if (dynamic_cast<P::WithHeadContext*>(parent)) return "the 'with probability' block";
  if (dynamic_cast<P::BranchContext*>(parent)) return "the 'else' block";
  return "the block";
}

/// The innermost scenario body or block being parsed at `ctx`, or null.
antlr4::ParserRuleContext* openBrace(antlr4::ParserRuleContext* ctx) {
  for (auto* c = ctx; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent))
    if (dynamic_cast<P::ScenarioBodyContext*>(c) || dynamic_cast<P::BlockContext*>(c)) return c;
  return nullptr;
}

std::string quoteToken(Token* tok) {
  if (!tok || tok->getType() == Token::EOF) return "end of file";
  std::string text = tok->getText();
  if (text.size() > 24) text = text.substr(0, 21) + "...";
  if (tok->getType() == P::STRING) return "string " + text;
  return "'" + text + "'";
}

/// The expected tokens in words, e.g. "'=' or '~'", "an expression", "a member (...)".
std::vector<std::string> describeExpected(IntervalSet set, const antlr4::dfa::Vocabulary& vocab) {
  std::vector<std::string> words;
  set.remove(size_t(P::SEMI));  // separators are optional: never the thing that is missing
  set.remove(size_t(Token::EPSILON));
  if (containsAll(set, {P::IDENT, P::EXTENDS, P::TIME})) {  // a declared name
    words.push_back("a name");
    set.remove(size_t(P::IDENT));
    for (size_t t = P::EXTENDS; t <= P::TIME; ++t)
      if (t != P::PARAM && t != P::EPISTEMIC && t != P::STATE && t != P::EVENT && t != P::PHASE && t != P::REPORT &&
          ((t != P::CORRELATE && t != P::EXPECT) ||
           !set.contains(size_t(P::PARAM))))  // `correlate`, `expect` only where members may start
        set.remove(t);
  }
  if (containsAll(set, {P::IMPORT, P::CONST, P::FN, P::SCENARIO})) {
    words.push_back("a declaration (import, const, fn or scenario)");
    removeAll(set, {P::IMPORT, P::CONST, P::FN, P::SCENARIO});
  }
  if (containsAll(set, {P::PARAM, P::STATE, P::EVENT, P::PHASE, P::REPORT})) {
    words.push_back("a member (param, state, event, phase, report or expect)");
    // `epistemic` and `correlate` start members too; the message names the common ones.
    removeAll(set, {P::PARAM, P::EPISTEMIC, P::STATE, P::EVENT, P::PHASE, P::REPORT, P::EXPECT, P::CORRELATE});
  }
  if (containsAll(set, {P::LET, P::TRIGGER, P::END})) {
    words.push_back("a statement");
    removeAll(set, {P::LET, P::TRIGGER, P::END, P::STOP, P::RETURN, P::WITH, P::IF, P::IDENT, P::T, P::STEP, P::P,
                    P::E, P::QUANTILES, P::TIME});
  }
  if (containsAll(set, {P::INT_LIT, P::IDENT, P::LPAREN})) {
    words.push_back("an expression");
    removeAll(set, {P::INT_LIT, P::REAL_LIT, P::PERCENT_LIT, P::TRUE, P::FALSE, P::IDENT, P::LPAREN, P::MINUS, P::NOT,
                    P::IF, P::T, P::STEP, P::TIME, P::P, P::E, P::QUANTILES});
  }
  if (containsAll(set, {P::BOOL, P::INT_KW, P::REAL_KW})) {
    words.push_back("a type (bool, int or real)");
    removeAll(set, {P::BOOL, P::INT_KW, P::REAL_KW});
  }
  if (containsAll(set, {P::P, P::E, P::QUANTILES})) {
    words.push_back("P(...), E(...) or quantiles(...)");
    removeAll(set, {P::P, P::E, P::QUANTILES});
  }
  // After `expect P(...)`: exactly the starts of a bound.
  if (set.size() == 5 && containsAll(set, {P::LT, P::LE, P::GT, P::GE, P::IN})) {
    words.push_back("the expectation's bound ('< b', '<= b', '> b', '>= b' or 'in [lo, hi]')");
    removeAll(set, {P::LT, P::LE, P::GT, P::GE, P::IN});
  }
  // Operators that could have continued the expression before are not what is missing.
  if (!words.empty() || set.size() > 1)
    removeAll(set, {P::PLUS, P::MINUS, P::STAR, P::SLASH, P::CARET, P::EQ, P::NE, P::LT, P::LE, P::GT, P::GE, P::AND,
                    P::OR, P::LPAREN, P::IN});
  set.remove(size_t(P::RBRACE));  // worded by the caller, with what it closes
  for (ssize_t signedType : set.toList()) {
    size_t t = static_cast<size_t>(signedType);
    if (t == P::IDENT) words.push_back("a name");
    else if (t == P::STRING) words.push_back("a string");
    else if (t == P::INT_LIT || t == P::REAL_LIT || t == P::PERCENT_LIT) words.push_back("a number");
    else if (t == Token::EOF) words.push_back("the end of the file");
    else words.push_back(vocab.getLiteralName(t));
  }
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::string joinOr(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

/// Keywords that start a declaration or a scenario member: found where a block's statement
/// or its `}` was expected, they mean that block was never closed.
bool startsDeclaration(size_t t) {
  return t == P::SCENARIO || t == P::FN || t == P::CONST || t == P::IMPORT || t == P::PARAM || t == P::EPISTEMIC ||
         t == P::STATE || t == P::EVENT || t == P::PHASE || t == P::REPORT || t == P::EXPECT;
}

/// Whether what the parser read last, before the context it is in now, is a complete
/// expression (`if x` before `= 1`): the parser may already be in the next rule (the block
/// after an `if` condition) with nothing read yet.
bool followsExpression(antlr4::ParserRuleContext* ctx) {
  antlr4::tree::ParseTree* child = nullptr;
  for (auto* c = ctx; c; child = c, c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
    auto it = child ? std::find(c->children.begin(), c->children.end(), child) : c->children.end();
    if (it != c->children.begin()) return dynamic_cast<P::ExprContext*>(*std::prev(it)) != nullptr;
  }
  return false;
}

bool isWordLike(Token* tok) {
  if (!tok) return false;
  size_t t = tok->getType();
  return t == P::IDENT || t == P::INT_LIT || t == P::REAL_LIT || t == P::PERCENT_LIT || t == P::STRING ||
         t == P::RPAREN || t == P::RBRACE || t == P::TRUE || t == P::FALSE;
}

}  // namespace

SourceRange DiagnosticListener::rangeFor(antlr4::Parser* parser, Token* tok) const {
  if (!tok) return {};
  SourceLoc begin{file_, static_cast<uint32_t>(tok->getLine()), static_cast<uint32_t>(tok->getCharPositionInLine() + 1)};
  size_t start = tok->getStartIndex(), stop = tok->getStopIndex();
  size_t len = stop != INVALID_INDEX && start != INVALID_INDEX && stop >= start ? stop - start + 1 : 1;
  if (tok->getType() == Token::EOF && parser) {
    // Point just after the last real token rather than at an empty last line.
    if (Token* prev = parser->getTokenStream()->LT(-1)) {
      SourceRange r = rangeFor(nullptr, prev);
      return {r.end, {file_, r.end.line, r.end.col + 1}};
    }
  }
  return {begin, {file_, begin.line, begin.col + static_cast<uint32_t>(std::max<size_t>(len, 1))}};
}

void DiagnosticListener::syntaxError(antlr4::Recognizer* recognizer, Token* offendingSymbol, size_t line,
                                     size_t charPositionInLine, const std::string& msg, std::exception_ptr) {
  // Only reached for reports that bypass OmenErrorStrategy; keep ANTLR's words but place them.
  SourceRange r;
  if (offendingSymbol) r = rangeFor(dynamic_cast<antlr4::Parser*>(recognizer), offendingSymbol);
  else r = {{file_, static_cast<uint32_t>(line), static_cast<uint32_t>(charPositionInLine + 1)},
            {file_, static_cast<uint32_t>(line), static_cast<uint32_t>(charPositionInLine + 2)}};
  diags_.error(r, "syntax error: " + msg);
}

void OmenErrorStrategy::report(antlr4::Parser* parser, Token* offending, const IntervalSet& expected,
                               antlr4::ParserRuleContext* ctx, Kind kind) {
  if (structureLost_) return;
  if (offending && offending->getTokenIndex() != INVALID_INDEX) {
    size_t at = offending->getTokenIndex();
    if (lastErrorToken_ != INVALID_INDEX && at >= lastErrorToken_ && at - lastErrorToken_ < 6) return;
    lastErrorToken_ = at;
  }
  Token* prev = parser->getTokenStream()->LT(-1);
  bool atEof = !offending || offending->getType() == Token::EOF;
  std::vector<std::string> words = describeExpected(expected, parser->getVocabulary());

  antlr4::ParserRuleContext* brace = expected.contains(size_t(P::RBRACE)) ? openBrace(ctx) : nullptr;
  std::string closing = brace ? "'}' to close " + describeBrace(brace) : "";
  std::string what;
  if (brace && (atEof || words.empty())) what = closing;
  else if (brace) what = joinOr(words) + " or " + closing;
  else what = joinOr(words);

  std::string message;
  if (offending && offending->getType() == P::ELSE && !expected.contains(size_t(P::ELSE))) {
    message = "unexpected 'else': it must follow the '}' of an 'if' or 'with probability' block";
  } else if (offending && offending->getType() == P::ASSIGN && !expected.contains(size_t(P::ASSIGN)) &&
             followsExpression(ctx)) {
    // `if x = 1`: a comparison meant, written as an assignment after a complete operand.
    message = "unexpected '=' inside an expression: did you mean '==' (is equal to)? A single '=' assigns, "
              "and only as a statement";
  } else if (what.empty()) {
    message = "unexpected " + quoteToken(offending);
  } else {
    message = "expected " + what;
    bool asksForThing = !words.empty() && (words[0] == "an expression" || words[0] == "a name" ||
                                            words[0].rfind("a type", 0) == 0);
    if (asksForThing && prev && !isWordLike(prev)) message += " after '" + prev->getText() + "'";
    if (!atEof && kind == Kind::Unexpected) message += ", found " + quoteToken(offending);
  }

  SourceRange range;
  if (kind == Kind::Missing && prev) {
    SourceRange p = listener_.rangeFor(nullptr, prev);
    range = {p.end, {p.end.file, p.end.line, p.end.col + 1}};
  } else {
    range = listener_.rangeFor(parser, offending);
  }
  listener_.diags_.error(range, message);
  if (brace && (atEof || kind == Kind::Missing) && !brace->children.empty())
    if (auto* open = dynamic_cast<antlr4::tree::TerminalNode*>(brace->children.front()))
      listener_.note(listener_.rangeFor(nullptr, open->getSymbol()), "to match this '{'");
  if (expected.contains(size_t(P::RPAREN)) && !brace && ctx)
    for (auto* child : ctx->children)
      if (auto* open = dynamic_cast<antlr4::tree::TerminalNode*>(child);
          open && open->getSymbol()->getType() == P::LPAREN && (atEof || kind == Kind::Missing)) {
        listener_.note(listener_.rangeFor(nullptr, open->getSymbol()), "to match this '('");
        break;
      }
  if (brace && offending && startsDeclaration(offending->getType())) {
    structureLost_ = true;
    if (!atEof && kind != Kind::Missing && !brace->children.empty())
      if (auto* open = dynamic_cast<antlr4::tree::TerminalNode*>(brace->children.front()))
        listener_.note(listener_.rangeFor(nullptr, open->getSymbol()), "the '{' of " + describeBrace(brace) + " is not closed");
    listener_.note(range, "a '}' is probably missing before this line; later errors in this file are not shown, "
                          "as they would follow from this one");
  }
}

void OmenErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), dynamic_cast<antlr4::ParserRuleContext*>(e.getCtx()),
         Kind::Unexpected);
}

void OmenErrorStrategy::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), dynamic_cast<antlr4::ParserRuleContext*>(e.getCtx()),
         Kind::Unexpected);
}

void OmenErrorStrategy::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  report(parser, e.getOffendingToken(), IntervalSet(), dynamic_cast<antlr4::ParserRuleContext*>(e.getCtx()),
         Kind::Unexpected);
}

void OmenErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), parser->getContext(), Kind::Unexpected);
}

void OmenErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), parser->getContext(), Kind::Missing);
}

}  // namespace omen::parse
