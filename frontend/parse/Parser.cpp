//===- Parser.cpp - Text to AST: checks, two-stage ANTLR parse, builder ----===//
//
// The order of work, each step able to stop with diagnostics:
//   1. the bytes: NUL and invalid UTF-8 are errors before ANTLR sees the text;
//   2. the tokens: stray characters, a spaced `%`, unterminated strings and comments;
//   3. the parse: fast SLL prediction with a bail-out strategy first, and only if that fails
//      a second, full-LL parse whose errors become diagnostics (SLL is exact for correct
//      input, so the second pass only runs on files with errors or rare ambiguities);
//   4. the AST builder.
// Steps 1-4 run on a thread with a large stack, and the parser counts nesting as it enters
// rules and stops past kMaxNestingDepth, so no input can overflow the stack.
//
//===----------------------------------------------------------------------===//
#include "frontend/parse/Parser.h"

#include "frontend/basic/LargeStack.h"


#include <exception>
#include <functional>
#include <mutex>
#include <new>

#include "OmenLexer.h"
#include "OmenParser.h"
#include "frontend/parse/AstBuilder.h"
#include "frontend/parse/Lexing.h"
#include "frontend/parse/SyntaxErrors.h"

namespace omen::parse {

namespace {

using grammar::OmenLexer;
using grammar::OmenParser;

/// Thrown (as a plain value, not an ANTLR exception, so that no generated rule catches it)
/// when a rule would nest deeper than kMaxNestingDepth.
struct NestingTooDeep {
  antlr4::Token* at;
};

/// The generated parser plus a count of the expressions and blocks being parsed. A stack of
/// entered contexts is kept because Parser::exitRule is not virtual: entries whose rule has
/// ended are dropped when the next rule starts under an older parent.
class GuardedParser : public OmenParser {
 public:
  using OmenParser::OmenParser;

  void enterRule(antlr4::ParserRuleContext* localctx, size_t state, size_t ruleIndex) override {
    while (!open_.empty() && open_.back().ctx != _ctx) {
      nesting_ -= open_.back().nests;
      open_.pop_back();
    }
    bool nests = ruleIndex == RuleExpr || ruleIndex == RuleBlock;
    if (nests && nesting_ + 1 > kMaxNestingDepth) throw NestingTooDeep{getCurrentToken()};
    open_.push_back({localctx, nests});
    nesting_ += nests;
    OmenParser::enterRule(localctx, state, ruleIndex);
  }

  // A labelled alternative replaces the rule's context object; follow it.
  void enterOuterAlt(antlr4::ParserRuleContext* localctx, size_t altNum) override {
    if (!open_.empty() && open_.back().ctx == _ctx) open_.back().ctx = localctx;
    OmenParser::enterOuterAlt(localctx, altNum);
  }

 private:
  struct Open {
    antlr4::ParserRuleContext* ctx;
    bool nests;
  };
  std::vector<Open> open_;
  int nesting_ = 0;
};

/// ANTLR's DFA cache is shared by all parser instances; one parse at a time keeps it sound.
std::mutex& antlrMutex() {
  static std::mutex m;
  return m;
}

void parseTokens(antlr4::CommonTokenStream& tokens, FileId file, DiagnosticEngine& diags, ast::Module& out) {
  DiagnosticListener listener(file, diags);
  try {
    // Stage 1: SLL, bail on the first error. Correct programs never need stage 2.
    auto sll = std::make_unique<GuardedParser>(&tokens);
    sll->removeErrorListeners();
    sll->setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    sll->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    OmenParser::ModuleContext* tree = nullptr;
    try {
      tree = sll->module();
    } catch (const antlr4::ParseCancellationException&) {
      tree = nullptr;
    }
    if (tree) {
      AstBuilder(file, diags, tokens).buildModule(tree, out);
      return;
    }
    sll.reset();

    // Stage 2: full LL with error recovery and omen's messages.
    tokens.seek(0);
    GuardedParser ll(&tokens);
    ll.removeErrorListeners();
    ll.addErrorListener(&listener);
    auto strategy = std::make_shared<OmenErrorStrategy>(listener);
    ll.setErrorHandler(strategy);
    ll.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    tree = ll.module();
    // After a missing `}` the tree is at the wrong depth: building it would only add errors.
    if (!strategy->structureLost()) AstBuilder(file, diags, tokens).buildModule(tree, out);
  } catch (const NestingTooDeep& e) {
    out.decls.clear();
    diags.error(listener.rangeFor(nullptr, e.at), nestingTooDeepMessage());
  }
}

}  // namespace

std::unique_ptr<ast::Module> parseModule(const SourceManager& sm, FileId file, DiagnosticEngine& diags) {
  auto module = std::make_unique<ast::Module>();
  module->file = file;
  const std::string& text = sm.text(file);
  if (!checkEncoding(text, file, diags)) return module;

  std::lock_guard<std::mutex> lock(antlrMutex());
  runWithLargeStack([&] {
    try {
      antlr4::ANTLRInputStream input(text);
      OmenLexer lexer(&input);
      // The lexer cannot fail (every character makes a token), but if it ever did, the
      // error must become a diagnostic rather than text on the console.
      DiagnosticListener lexerErrors(file, diags);
      lexer.removeErrorListeners();
      lexer.addErrorListener(&lexerErrors);
      antlr4::CommonTokenStream tokens(&lexer);
      tokens.fill();
      if (!checkTokens(tokens, file, diags)) return;
      parseTokens(tokens, file, diags, *module);
    } catch (const std::bad_alloc&) {
      module->decls.clear();
      diags.error({{file, 1, 1}, {file, 1, 1}}, "out of memory while parsing this file");
    } catch (const std::exception& e) {
      module->decls.clear();
      diags.error({{file, 1, 1}, {file, 1, 1}}, std::string("internal error in the parser: ") + e.what());
    }
  });
  return module;
}

}  // namespace omen::parse
