//===- AstBuilder.h - Parse tree to omen AST (private to frontend/parse) ---===//
//
// A typed walk over the generated contexts, split by grammar area: AstBuilderDecl.cpp (top
// level and scenario members), AstBuilderStmt.cpp (blocks and statements), AstBuilderExpr.cpp
// (expressions). The parse tree may be incomplete after a syntax error, so every method
// tolerates missing children and returns null for a node it cannot build; a parent whose
// required child is null is dropped, so the AST never holds a half-built node.
//
// Recursion here follows the nesting of the source, which the parser has already bounded by
// kMaxNestingDepth; operator chains (`1+1+1…`, `not not …`, `else if …`) are folded in loops.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>

#include "OmenParser.h"
#include "core/MetalogFit.h"
#include "frontend/ast/Decl.h"
#include "frontend/basic/Diagnostics.h"

namespace omen::parse {

/// The deepest expression tree the builder hands on. Nesting (parentheses, unary operators,
/// if-expressions, calls) is capped at kMaxNestingDepth by the parser; this caps what long
/// operator chains add on top, so that the recursive walks of later stages (sema, lowering,
/// the destructors of the AST itself) stay well inside a thread's stack.
inline constexpr int kMaxExprDepth = 4096;

class AstBuilder {
 public:
  using P = grammar::OmenParser;

  AstBuilder(FileId file, DiagnosticEngine& diags, antlr4::CommonTokenStream& tokens)
      : file_(file), diags_(diags), tokens_(tokens) {}

  void buildModule(P::ModuleContext* ctx, ast::Module& out);

 private:
  /// An expression and the depth of its tree (a leaf is 1).
  struct Built {
    ast::ExprPtr expr;
    int depth = 0;
    explicit operator bool() const { return expr != nullptr; }
  };

  struct LabelledArg {
    ast::ExprPtr label;  ///< null where the argument has none
    ast::ExprPtr value;
  };
  /// A metalog's support, from `in [lo, hi]` or `in [lo, inf)` after its param.
  struct MetalogSupport {
    metalog::Support kind;
    double lo, hi;
    std::string spelling;  ///< as written, for messages
  };

  // AstBuilderDecl.cpp
  ast::TopDeclPtr buildTopDecl(P::TopDeclContext* ctx);
  ast::TopDeclPtr buildImport(P::ImportDeclContext* ctx);
  ast::TopDeclPtr buildFn(P::FnDeclContext* ctx);
  ast::TopDeclPtr buildScenario(P::ScenarioDeclContext* ctx);
  ast::MemberPtr buildMember(P::MemberContext* ctx);
  ast::MemberPtr buildReport(antlr4::ParserRuleContext* ctx, P::ReportExprContext* expr, antlr4::tree::TerminalNode* as,
                             antlr4::tree::TerminalNode* string);
  ast::MemberPtr buildExpect(P::ExpectDeclContext* ctx);
  ast::MemberPtr buildParam(SourceRange range, std::string name, SourceRange nameRange, bool uncertain,
                            bool epistemic, P::ExprContext* initCtx, P::ParamRangeContext* rangeCtx);
  /// `in [lo, hi]` (also a metalog param's support) or, for a metalog, `in [lo, inf)`; false
  /// after an error for a bound that is not a number literal.
  bool buildParamRange(P::ParamRangeContext* ctx, bool metalogParam, std::optional<ast::ParamRange>& out,
                       std::optional<MetalogSupport>& support);
  bool buildRangeBound(P::ExprContext* ctx, ast::RangeBound& out,
                       const char* mustBe = "a range bound must be a number, e.g. 'in [0.1%, 2%]'");
  /// Reads a declared name; false (after an error for keywords and reserved names) if unusable.
  bool declName(P::DeclNameContext* ctx, std::string& name, SourceRange& range);
  Type typeName(P::TypeNameContext* ctx);
  /// A report's default label: its source text, comments and whitespace runs as one space.
  std::string sourceLabel(antlr4::ParserRuleContext* ctx);

  // AstBuilderStmt.cpp
  std::unique_ptr<ast::BlockStmt> buildBlock(P::BlockContext* ctx);
  ast::StmtPtr buildStmt(P::StmtContext* ctx);
  ast::StmtPtr buildBranch(P::BranchContext* ctx);
  ast::StmtPtr buildObserve(P::ObserveStmtContext* ctx);

  // AstBuilderExpr.cpp
  bool buildQuantileLevel(P::ExprContext* ctx, std::vector<double>& levels);
  ast::ExprPtr buildTopExpr(P::ExprContext* ctx);  ///< buildExpr, then the depth check
  Built buildExpr(P::ExprContext* ctx);
  /// Folds an operator chain by precedence climbing, with explicit stacks (no recursion).
  Built buildChain(P::OpChainContext* ctx);
  Built buildPrimary(P::PrimaryContext* ctx);
  Built buildNumber(antlr4::Token* tok);
  Built makeBinary(ast::BinaryOp op, antlr4::Token* opToken, Built lhs, Built rhs);
  Built makeUnary(ast::UnaryOp op, antlr4::Token* opToken, Built operand);
  /// Reports an expression tree deeper than kMaxExprDepth once per top-level expression.
  bool checkExprDepth(int depth, antlr4::Token* at);

  // AstBuilderBeliefs.cpp: calls with labelled arguments (percentiles, weights)
  static bool takesLabels(const std::string& callee);
  /// `correlate(a, b, rho)`; rho a number literal strictly between -1 and 1.
  std::optional<ast::Correlation> buildCorrelation(P::CorrelateMemberContext* ctx);
  /// The call `ctx` is, when it is nothing but one call; else null.
  static P::CallExprContext* topCall(P::ExprContext* ctx);
  /// A call with a labelled argument or of a form that needs them; `depth` is its deepest
  /// argument's. Null after an error (or for a plain call of a form that also has one).
  Built buildBeliefCall(SourceRange range, const std::string& callee, SourceRange calleeRange,
                        std::vector<LabelledArg> args, int depth, const std::optional<MetalogSupport>& support);
  bool readPercentiles(const std::string& callee, const std::vector<LabelledArg>& args,
                       std::vector<metalog::Percentile>& points, std::vector<std::string>& spellings);
  Built buildMetalog(SourceRange range, SourceRange calleeRange, std::vector<LabelledArg> args,
                     const std::optional<MetalogSupport>& support);
  Built buildQuantilePair(SourceRange range, const std::string& callee, SourceRange calleeRange,
                          std::vector<LabelledArg> args);
  Built buildMixture(SourceRange range, std::vector<LabelledArg> args, int depth);
  Built buildPoolOdds(SourceRange range, SourceRange calleeRange, std::vector<LabelledArg> args, int depth);

  // Locations (AstBuilder.cpp)
  SourceLoc beginOf(antlr4::Token* tok) const;
  SourceLoc endOf(antlr4::Token* tok) const;
  SourceRange rangeOf(antlr4::Token* tok) const;
  SourceRange rangeOf(antlr4::tree::TerminalNode* node) const;
  SourceRange rangeOf(antlr4::ParserRuleContext* ctx) const;
  SourceRange rangeOf(antlr4::Token* first, antlr4::Token* last) const;
  /// True if `ctx` was built from real tokens (not a placeholder from error recovery).
  static bool usable(antlr4::ParserRuleContext* ctx);
  static bool usable(antlr4::tree::TerminalNode* node);
  std::string unquote(antlr4::Token* stringToken);

  FileId file_;
  DiagnosticEngine& diags_;
  antlr4::CommonTokenStream& tokens_;
  int nesting_ = 0;              ///< expressions and blocks being built, as the parser counts them
  bool depthReported_ = false;   ///< one "too deep" error per top-level expression
  /// The metalog call a param's `in [...]` gives a support to, while that param's
  /// initialiser is built.
  P::CallExprContext* supportedCall_ = nullptr;
  std::optional<MetalogSupport> support_;
};

/// The one message for every kind of nesting past kMaxNestingDepth (parser and builder).
std::string nestingTooDeepMessage();

/// RAII nesting level for the builder's recursion (mirrors the parser's count).
struct NestingScope {
  int& depth;
  explicit NestingScope(int& d) : depth(d) { ++depth; }
  ~NestingScope() { --depth; }
};

}  // namespace omen::parse
