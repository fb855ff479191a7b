// highlight.js - syntax highlighting from the editor grammar (editors/vscode, a TextMate
// grammar, embedded in the page as JSON): its rules in order, each tried where the last
// token ended; the first that matches wins, as TextMate does for patterns at one position.
"use strict";

omen.highlighter = (grammar) => {
  const rules = [];
  const add = (patterns, seen) => {
    for (const p of patterns || []) {
      if (p.include) {
        const key = p.include.replace(/^#/, "");
        const entry = grammar.repository && grammar.repository[key];
        if (!entry || seen.has(key)) continue;
        seen.add(key);
        add(entry.patterns ? entry.patterns : [entry], seen);
        seen.delete(key);
      } else if (p.match) {
        rules.push({re: new RegExp(p.match, "dym"), name: p.name, captures: p.captures});
      } else if (p.begin) {
        rules.push({re: new RegExp(p.begin, "dym"), end: new RegExp(p.end, "gm"), name: p.name, captures: p.beginCaptures});
      } else if (p.patterns) {
        add(p.patterns, seen);
      }
    }
  };
  add(grammar.patterns, new Set());

  // "keyword.control.omen" -> "tok-keyword"; support.function (builtins) -> "tok-support".
  const cls = (scope) => (scope ? "tok-" + scope.split(".")[0] : "");

  // [{text, cls}] covering `text` exactly.
  return (text) => {
    const out = [];
    let plain = "";
    const flush = () => { if (plain) out.push({text: plain, cls: ""}); plain = ""; };
    const emit = (s, c) => { if (s) { flush(); out.push({text: s, cls: c}); } };
    let i = 0;
    while (i < text.length) {
      let hit = null;
      for (const rule of rules) {
        rule.re.lastIndex = i;
        const m = rule.re.exec(text);
        if (m && m[0].length > 0) { hit = {rule, m}; break; }
      }
      if (!hit) { plain += text[i++]; continue; }
      const {rule, m} = hit;
      if (rule.end) {
        rule.end.lastIndex = i + m[0].length;
        const e = rule.end.exec(text);
        const stop = e ? e.index + e[0].length : text.length;
        emit(text.slice(i, stop), cls(rule.name));
        i = stop;
        continue;
      }
      const whole = cls(rule.name);
      let at = i;
      if (rule.captures && m.indices) {
        const groups = Object.keys(rule.captures).map(Number).filter((g) => g > 0 && m.indices[g])
          .sort((a, b) => m.indices[a][0] - m.indices[b][0]);
        for (const g of groups) {
          const [s, e] = m.indices[g];
          if (s < at) continue;
          emit(text.slice(at, s), whole);
          emit(text.slice(s, e), cls(rule.captures[g].name) || whole);
          at = e;
        }
      }
      emit(text.slice(at, i + m[0].length), whole);
      i += m[0].length;
    }
    flush();
    return out;
  };
};

// Fills `target` with highlighted `text` (spans, text nodes only).
omen.highlightInto = (target, text, highlight) => {
  target.replaceChildren(...highlight(text).map((t) => (t.cls ? omen.el("span", {class: t.cls}, t.text) : document.createTextNode(t.text))));
};

omen.grammar = () => JSON.parse(document.getElementById("omen-grammar").textContent);
