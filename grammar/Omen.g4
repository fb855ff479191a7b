// Omen.g4 - the omen scenario language (docs/reference.md sections 2-9).
//
// Shape decisions that the AST builder (frontend/parse/AstBuilder*.cpp) relies on:
//  - No left recursion. An expression below `if` is one flat chain of operands and operators,
//    so a 200,000-term sum or a long `not not ...` run is one context the builder folds in a
//    loop instead of a 200,000-deep tree that recursion (ANTLR's or ours) would have to walk.
//  - `;` is optional everywhere a separator may stand: whitespace is insignificant, and no
//    statement, member or declaration can start with a token that could continue the one
//    before it, so separators are never needed to disambiguate.
//  - Keywords and the reserved names (t step P E quantiles time) are tokens. Where a name is
//    declared, the grammar also accepts them (`declName`) so that the builder can say "'time'
//    is reserved" instead of ANTLR's "mismatched input".
//  - The lexer never fails: stray characters, a `%` that is not part of a percent literal,
//    unterminated strings and comments become tokens that the parser facade reports before
//    parsing.
grammar Omen;

//===--- top level ----------------------------------------------------------===//

module : SEMI* (topDecl SEMI*)* EOF ;

topDecl
  : IMPORT importTarget                                          # importDecl
  | CONST declName ASSIGN expr                                   # constDecl
  | FN declName LPAREN fnArgs? RPAREN ARROW typeName fnBody      # fnDecl
  | SCENARIO declName (EXTENDS IDENT)? scenarioBody              # scenarioDecl
  ;

importTarget
  : IDENT (DOT IDENT)*                                           # stdImport
  | STRING                                                       # fileImport
  ;

fnArgs : fnArg (COMMA fnArg)* COMMA? ;
fnArg : declName COLON typeName ;
typeName : BOOL | INT_KW | REAL_KW ;

fnBody
  : ASSIGN expr                                                  # exprFnBody
  | block                                                        # blockFnBody
  ;

scenarioBody : LBRACE SEMI* (member SEMI*)* RBRACE ;

//===--- scenario members ---------------------------------------------------===//

// Alternatives that share a prefix are factored (`param x` then `=` or `~`), so that an
// error after the prefix is reported where it happens, with what could follow there.
member
  : PARAM declName (ASSIGN | TILDE) expr paramRange?             # paramMember
  | EPISTEMIC declName TILDE expr paramRange?                    # epistemicMember
  | STATE declName arrayLength? ASSIGN expr                      # stateDecl
  | EVENT declName arrayLength?                                  # eventDecl
  | PHASE declName (FOR expr | UNTIL expr (LIMIT expr)?) block   # phaseMember
  | REPORT reportExpr (AS STRING)?                               # reportDecl
  | EXPECT reportExpr expectBound (AS STRING)?                   # expectDecl
  | CORRELATE LPAREN IDENT COMMA IDENT COMMA expr RPAREN         # correlateMember
  ;

// `[n]` after a state or event name: an array of n (an int const or fixed param).
arrayLength : LBRACKET expr RBRACKET ;

// `in [lo, hi]`: the values worth exploring (sweep, solve, sensitivity; `--set` is checked
// against it). The bounds are parsed as expressions so that the builder can say "must be a
// number" at the bound instead of ANTLR's "mismatched input".
// `in [lo, inf)` is accepted only as a metalog's support (the builder says so elsewhere).
paramRange : IN LBRACKET expr COMMA expr (RBRACKET | RPAREN) ;

reportExpr
  : reportFn LPAREN expr (COMMA expr)* (BAR expr)? RPAREN ;
reportFn : P | E | QUANTILES ;

// `expect P(x) < 1%`, `expect E(y) in [100, 300]`: the bounds are parsed as expressions so
// that the builder can say "must be a number" at the bound (as for a param range).
expectBound
  : (LT | LE | GT | GE) expr                                     # compareBound
  | IN LBRACKET expr COMMA expr RBRACKET                         # withinBound
  ;

//===--- statements ---------------------------------------------------------===//

block : LBRACE SEMI* (stmt SEMI*)* RBRACE ;

stmt
  : LET declName ASSIGN expr                                     # letStmt
  | assignTarget ASSIGN expr                                     # assignStmt
  | branch                                                       # branchStmt
  | TRIGGER IDENT subscript?                                     # triggerStmt
  | OBSERVE expr (TILDE expr)?                                   # observeStmt
  | FOR declName IN expr DOTDOT expr block                        # forStmt
  | END                                                          # endStmt
  | STOP                                                         # stopStmt
  | RETURN expr                                                  # returnStmt
  ;

// `if c { } else if d { } else with probability p { } else { }` is one flat chain; the
// builder nests it from the right.
branch : branchHead (ELSE branchHead)* (ELSE block)? ;
branchHead
  : IF expr block                                                # ifHead
  | WITH PROBABILITY expr block                                  # withHead
  ;

assignTarget : IDENT subscript? | reservedName ;
subscript : LBRACKET expr RBRACKET ;

//===--- expressions --------------------------------------------------------===//

// Precedence, loosest first (docs/reference.md section 7): if-then-else; or; and; not; == != < <=
// > >=; + -; * /; unary -; ^ (right-assoc). Below `if`, an expression is one flat chain of
// operands, binary operators and prefix `not`/`-`, which the builder folds by precedence
// climbing with explicit stacks (AstBuilderExpr.cpp). A layered rule per level would cost a
// dozen contexts per number and recursion per level; the chain costs two.
expr
  : IF expr THEN expr ELSE expr                                  # ifExpr
  | (NOT | MINUS)* primary
    ((OR | AND | EQ | NE | LT | LE | GT | GE | PLUS | MINUS | STAR | SLASH | CARET) (NOT | MINUS)* primary)*
                                                                 # opChain
  ;

primary
  : (INT_LIT | REAL_LIT | PERCENT_LIT)                           # numberExpr
  | TRUE                                                         # trueExpr
  | FALSE                                                        # falseExpr
  | TIME LPAREN IDENT subscript? RPAREN                          # timeExpr
  | T                                                            # globalStepExpr
  | STEP                                                         # phaseStepExpr
  | IDENT LPAREN callArgs? RPAREN                                # callExpr
  | IDENT subscript                                              # indexExpr
  | IDENT                                                        # nameExpr
  | LPAREN expr RPAREN                                           # parenExpr
  | reportFn LPAREN expr (BAR expr)? RPAREN                       # misplacedReportExpr
  ;

// `metalog(10%: 1, 50%: 2, 90%: 5)`, `mixture(0.5: beta(2, 8), 0.5: beta(8, 2))`: an argument
// may carry a label (a percentile or a weight); the builder says which calls take them.
callArgs : callArg (COMMA callArg)* COMMA? ;
// The label comes first but is parsed as the optional tail's head: `expr (COLON expr)?` needs
// one token of lookahead, where `(expr COLON)? expr` would make the parser scan a whole
// (possibly deeply nested) argument before choosing.
callArg : expr (COLON expr)? ;

//===--- names --------------------------------------------------------------===//

// A declared name. Reserved names and keywords that cannot start the next declaration are
// accepted here only so that the builder can reject them with a clear message.
declName : IDENT | reservedName | keywordName ;
reservedName : T | STEP | P | E | QUANTILES | TIME ;
keywordName
  : EXTENDS | FOR | UNTIL | LIMIT | AS | LET | IF | THEN | ELSE | WITH | PROBABILITY
  | TRIGGER | OBSERVE | END | STOP | RETURN | AND | OR | NOT | TRUE | FALSE | BOOL | INT_KW | REAL_KW | IN
  | CORRELATE | EXPECT
  ;

//===--- lexer --------------------------------------------------------------===//

IMPORT : 'import' ;
CONST : 'const' ;
FN : 'fn' ;
SCENARIO : 'scenario' ;
EXTENDS : 'extends' ;
PARAM : 'param' ;
EPISTEMIC : 'epistemic' ;
STATE : 'state' ;
EVENT : 'event' ;
PHASE : 'phase' ;
FOR : 'for' ;
UNTIL : 'until' ;
LIMIT : 'limit' ;
REPORT : 'report' ;
EXPECT : 'expect' ;
CORRELATE : 'correlate' ;
AS : 'as' ;
IN : 'in' ;
LET : 'let' ;
IF : 'if' ;
THEN : 'then' ;
ELSE : 'else' ;
WITH : 'with' ;
PROBABILITY : 'probability' ;
TRIGGER : 'trigger' ;
OBSERVE : 'observe' ;
END : 'end' ;
STOP : 'stop' ;
RETURN : 'return' ;
AND : 'and' ;
OR : 'or' ;
NOT : 'not' ;
TRUE : 'true' ;
FALSE : 'false' ;
BOOL : 'bool' ;
INT_KW : 'int' ;
REAL_KW : 'real' ;

T : 't' ;
STEP : 'step' ;
P : 'P' ;
E : 'E' ;
QUANTILES : 'quantiles' ;
TIME : 'time' ;

ARROW : '->' ;
EQ : '==' ;
NE : '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
ASSIGN : '=' ;
TILDE : '~' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
CARET : '^' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
RBRACE : '}' ;
COMMA : ',' ;
COLON : ':' ;
SEMI : ';' ;
DOTDOT : '..' ;
DOT : '.' ;
BAR : '|' ;

PERCENT_LIT : DECIMAL '%' ;
REAL_LIT : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT ;
INT_LIT : DIGITS ;
fragment DECIMAL : DIGITS ('.' DIGITS)? EXPONENT? ;
fragment DIGITS : [0-9] [0-9_]* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

IDENT : [A-Za-z_] [A-Za-z0-9_]* ;

STRING : '"' ('\\' ["\\] | ~["\\\r\n])* '"' ;

LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
// An unterminated comment runs to the end of the file; the facade reports it as one.
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN) ;
WS : [ \t\r\n\f\u000B\uFEFF]+ -> skip ;

// Tokens the parser never accepts: the facade turns each into a lexical error.
STRAY_PERCENT : '%' ;
BAD_STRING : '"' ('\\' ~[\r\n] | ~["\\\r\n])* ;
BAD_CHAR : . ;
