// tokenize.mjs - checks the VS Code grammar (editors/vscode/syntaxes/omen.tmLanguage.json)
// the way VS Code runs it: vscode-textmate with the Oniguruma WASM regex engine.
//
//  1. Every .omen file in the repository is tokenised. No non-whitespace character may be
//     left with only the root scope `source.omen` (an editor would show it uncoloured,
//     which means a rule is missing or a begin/end rule lost its content).
//  2. Files that the omen lexer accepts must also have no `invalid.illegal` scope: the
//     grammar flags what the lexer rejects (stray characters, a spaced `%`, unterminated
//     strings, unknown escapes), so an `invalid` in a well-formed file is a grammar bug.
//     Deliberately malformed inputs (the fuzz corpus, lit tests that check a lexical error)
//     are exempt from this rule only.
//  3. ```omen blocks in the Markdown docs get the same checks as well-formed files.
//  4. Assertion cases: an inline sample with expected scopes, every keyword token of
//     grammar/Omen.g4, every operator/punctuation token of it, and every builtin of
//     core/Builtins.def with its math/distribution scope. These read the language's own
//     tables, so a keyword or builtin added there without the grammar fails here. Two
//     more check that the extension's package.json and language-configuration.json load.
//
// Prints one line per failure (file:line:col) and ends with
// `editor grammar: N passed, M failed`; exits 1 if anything failed.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const grammarPath = path.join(root, 'editors/vscode/syntaxes/omen.tmLanguage.json');

// The omen lexer's whitespace (WS in Omen.g4); anything else must carry a scope.
const WS = new Set([' ', '\t', '\r', '\n', '\f', '\u000B', '\uFEFF']);

// Messages of frontend/parse/Lexing.cpp. A lit test whose CHECK lines expect one of them
// is malformed on purpose; `invalid` scopes are then expected, not a grammar bug.
const LEXICAL_ERRORS = [
  'unexpected character', "there is no '%' operator", 'unterminated string', 'unknown escape',
  'unterminated comment', 'NUL byte', 'invalid UTF-8',
];

async function loadGrammar() {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.omen'
        ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  return registry.loadGrammar('source.omen');
}

// Lines of `text`, each a list of {text, start, scopes} tokens (UTF-16 offsets, as VS Code).
function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes }));
  });
}

// Problems in one source text: unscoped characters always, `invalid` ones if `strict`.
function check(grammar, text, strict) {
  const problems = [];
  tokenize(grammar, text).forEach((tokens, lineNo) => {
    for (const tok of tokens) {
      const innermost = tok.scopes[tok.scopes.length - 1];
      const unscoped = tok.scopes.length === 1;
      const invalid = strict && tok.scopes.some((s) => s.startsWith('invalid.'));
      if (!unscoped && !invalid) continue;
      [...tok.text].forEach((ch, k) => {
        if (WS.has(ch)) return;
        const col = tok.start + k + 1;
        const what = unscoped ? 'unscoped' : innermost;
        problems.push({ line: lineNo + 1, col, msg: `${what} character ${JSON.stringify(ch)}` });
      });
    }
  });
  return problems;
}

// Every .omen and .md file under the repository, skipping dependencies and build trees.
function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '.git' || e.name === '.cache' || e.name.startsWith('build')) continue;
      walk(path.join(dir, e.name), out);
    } else if (e.isFile() && /\.(omen|md)$/.test(e.name)) {
      out.push(path.join(dir, e.name));
    }
  }
  return out;
}

// Decodes like an editor: invalid UTF-8 becomes U+FFFD, a BOM is kept (it is whitespace).
const decode = (bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

// The scopes of the first token of `line` whose text is `piece` (after `skip` earlier ones).
function scopesOf(grammar, line, piece, skip = 0) {
  for (const tok of tokenize(grammar, line).flat()) {
    if (tok.text === piece && skip-- === 0) return tok.scopes;
  }
  return null;
}

const SAMPLE = [
  'import std.scaling',
  'const budget = 1_000 // a budget',
  'fn half(x: real) -> real = x / 2',
  'scenario s extends base {',
  '  param p ~ beta(2, 8)',
  '  param h = 0.5%',
  '  state big = 1.5e-3 + floor(2.5)',
  '  event e',
  '  phase go until step >= 10 limit 1e3 { with probability h { trigger e; end } }',
  '  /* a block',
  '     comment */',
  '  report P(e | big > 1) as "a \\"quoted\\" label"',
  '}',
].join('\n');

// [piece, expected innermost scope, occurrence index].
const SAMPLE_EXPECT = [
  ['import', 'keyword.control.import.omen'],
  ['std', 'entity.name.namespace.omen'],
  ['scaling', 'entity.name.namespace.omen'],
  ['1_000', 'constant.numeric.integer.omen'],
  ['//', 'punctuation.definition.comment.omen'],
  [' a budget', 'comment.line.double-slash.omen'],
  ['half', 'entity.name.function.omen'],
  ['x', 'variable.parameter.omen'],
  ['real', 'storage.type.primitive.omen'],
  ['->', 'keyword.operator.arrow.omen'],
  ['scenario', 'storage.type.scenario.omen'],
  ['s', 'entity.name.type.scenario.omen'],
  ['base', 'entity.other.inherited-class.omen'],
  ['p', 'entity.name.variable.param.omen'],
  ['~', 'keyword.operator.distribution.omen'],
  ['beta', 'support.function.distribution.omen'],
  ['%', 'keyword.other.unit.percent.omen'],
  ['1.5e-3', 'constant.numeric.float.omen'],
  ['floor', 'support.function.math.omen'],
  ['go', 'entity.name.section.phase.omen'],
  ['step', 'variable.language.omen'],
  ['with', 'keyword.control.probability.omen'],
  ['     comment ', 'comment.block.omen'],
  ['P', 'support.function.report.omen'],
  ['|', 'keyword.operator.given.omen'],
  ['report', 'keyword.other.report.omen'],
  ['as', 'keyword.other.as.omen'],
  ['\\"', 'constant.character.escape.omen'],
  ['a ', 'string.quoted.double.omen'],
];

// Scope families a keyword or reserved name may get; never a plain identifier.
const KEYWORD_SCOPES = /^(keyword|storage|constant\.language|support\.function|variable\.language)\./;
const DECLARERS = ['scenario', 'extends', 'fn', 'const', 'param', 'state', 'event', 'let', 'phase'];

function assertions(grammar) {
  const cases = []; // {name, problem|null}
  const expect = (name, ok, detail) => cases.push({ name, problem: ok ? null : detail });
  const innermost = (s) => (s ? s[s.length - 1] : '(token not found)');

  // The sample, token by token. Multi-token pieces are checked by their innermost scope list.
  const sampleTokens = tokenize(grammar, SAMPLE).flat();
  for (const [piece, scope] of SAMPLE_EXPECT) {
    const tok = sampleTokens.find((t) => t.text === piece);
    const got = tok ? tok.scopes : null;
    expect(`sample '${piece}' is ${scope}`, got && got.includes(scope), `got ${got ? got.join(' ') : 'no such token'}`);
  }
  // The percent literal is one number, `%` included.
  const pct = scopesOf(grammar, 'param h = 0.5%', '0.5');
  expect("sample '0.5%' is constant.numeric.percent.omen", pct && pct.includes('constant.numeric.percent.omen'), `got ${pct}`);
  // A spaced `%` and an unterminated string are flagged, as the lexer rejects them.
  expect("'5 %' flags the '%'", innermost(scopesOf(grammar, 'x = 5 %', '%')).startsWith('invalid.illegal'), 'not invalid');
  expect('an unterminated string is flagged', innermost(scopesOf(grammar, 'report P(e) as "open', '"open')).startsWith('invalid.illegal'), 'not invalid');
  // `param beta = 0.3` is allowed: a builtin name without a call is a variable.
  expect("'beta' without a call is a variable", innermost(scopesOf(grammar, 'x = beta + 1', 'beta')) === 'variable.other.omen', 'scoped as a builtin');

  // Every keyword token of the ANTLR lexer (NAME : 'word' ;).
  const g4 = readFileSync(path.join(root, 'grammar/Omen.g4'), 'utf8');
  // STRAY_PERCENT ('%') is a token only so that the parser facade can reject it.
  const literals = [...g4.matchAll(/^([A-Z][A-Z_0-9]*)\s*:\s*'((?:[^'\\]|\\.)+)'\s*;/gm)]
    .filter((m) => m[1] !== 'STRAY_PERCENT')
    .map((m) => m[2]);
  const keywords = literals.filter((l) => /^[A-Za-z]+$/.test(l));
  const symbols = literals.filter((l) => !/^[A-Za-z]+$/.test(l));
  if (keywords.length < 30) expect('Omen.g4 keyword tokens found', false, `only ${keywords.length}: has the lexer moved?`);
  for (const kw of keywords) {
    const alone = innermost(scopesOf(grammar, kw, kw));
    let problem = KEYWORD_SCOPES.test(alone) ? null : `alone it is ${alone}`;
    // A keyword in a declared name's place is an error in omen; it must not look like a name.
    for (const d of DECLARERS) {
      const scopes = scopesOf(grammar, `${d} ${kw}`, kw, kw === d ? 1 : 0);
      if (!problem && scopes && scopes.some((s) => s.startsWith('entity.'))) problem = `'${d} ${kw}' scopes it as a declared name`;
    }
    expect(`keyword '${kw}'`, !problem, problem);
  }
  // Every operator and punctuation token: a scope, and not `invalid`.
  for (const sym of symbols) {
    const s = innermost(scopesOf(grammar, `a ${sym} b`, sym));
    expect(`token '${sym}'`, s !== 'source.omen' && !s.startsWith('invalid'), `got ${s}`);
  }

  // Every builtin of core/Builtins.def, by kind.
  const def = readFileSync(path.join(root, 'core/Builtins.def'), 'utf8');
  const builtins = [...def.matchAll(/^OMEN_(?:BUILTIN|OVERLOADED)\(\s*\w+\s*,\s*"(\w+)"\s*,\s*(\w+)/gm)];
  if (builtins.length < 20) expect('Builtins.def entries found', false, `only ${builtins.length}`);
  for (const [, name, kind] of builtins) {
    // A Density row shares its distribution's name (`observe x ~ normal(mu, 1)`), so its scope.
    const want = kind === 'Math' ? 'support.function.math.omen' : kind === 'Dist' || kind === 'Density' ? 'support.function.distribution.omen' : null;
    const got = innermost(scopesOf(grammar, `x = ${name}(1, 2)`, name));
    expect(`builtin '${name}' (${kind})`, want && got === want, want ? `got ${got}` : `unknown kind ${kind}`);
  }

  // The extension manifest points at this grammar, and the editor settings load in VS Code
  // (JSON, and JavaScript regexes for the word and indentation patterns).
  const ext = path.join(root, 'editors/vscode');
  const manifest = JSON.parse(readFileSync(path.join(ext, 'package.json'), 'utf8'));
  const contributed = manifest.contributes.grammars[0];
  const raw = JSON.parse(readFileSync(grammarPath, 'utf8'));
  expect('package.json contributes this grammar',
    path.resolve(ext, contributed.path) === grammarPath && contributed.scopeName === raw.scopeName &&
      manifest.contributes.languages.some((l) => l.id === contributed.language && l.extensions.includes('.omen')),
    `grammars[0] = ${JSON.stringify(contributed)}`);
  let configProblem = null;
  try {
    const conf = JSON.parse(readFileSync(path.join(ext, manifest.contributes.languages[0].configuration), 'utf8'));
    new RegExp(conf.wordPattern);
    Object.values(conf.indentationRules).forEach((r) => new RegExp(r));
    if (conf.comments.lineComment !== '//') configProblem = 'line comment is not //';
  } catch (e) {
    configProblem = String(e);
  }
  expect('language-configuration.json loads', !configProblem, configProblem);
  return cases;
}

const grammar = await loadGrammar();
let passed = 0;
let failed = 0;
const counts = { files: 0, snippets: 0, assertions: 0 };
const fail = (where, msg) => console.log(`${where}: ${msg}`);
// A broken rule can leave thousands of characters wrong: show the first few per file.
const report = (rel, problems, lineOffset) => {
  problems.slice(0, 10).forEach((p) => fail(`${rel}:${p.line + lineOffset}:${p.col}`, p.msg));
  if (problems.length > 10) fail(rel, `... and ${problems.length - 10} more`);
};

for (const file of walk(root).sort()) {
  const rel = path.relative(root, file);
  const text = decode(readFileSync(file));
  if (rel.endsWith('.md')) {
    // Each ```omen fence is a well-formed snippet; its lines are reported in the .md file.
    for (const m of text.matchAll(/^```omen[^\n]*\n([\s\S]*?)^```/gm)) {
      const firstLine = text.slice(0, m.index).split('\n').length + 1;
      counts.snippets++;
      const problems = check(grammar, m[1], true);
      report(rel, problems, firstLine - 1);
      problems.length ? failed++ : passed++;
    }
    continue;
  }
  counts.files++;
  const malformed = rel.startsWith(`tests${path.sep}fuzz${path.sep}`) || LEXICAL_ERRORS.some((e) => text.includes(e));
  const problems = check(grammar, text, !malformed);
  report(rel, problems, 0);
  problems.length ? failed++ : passed++;
}

for (const c of assertions(grammar)) {
  counts.assertions++;
  if (c.problem) fail(`assertion ${c.name}`, c.problem);
  c.problem ? failed++ : passed++;
}

console.log(`checked ${counts.files} .omen files, ${counts.snippets} Markdown snippets, ${counts.assertions} assertion cases`);
console.log(`editor grammar: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
