// editor.js - a code editor: a textarea over a highlighted copy of its text (the editor
// grammar, as in the report), line numbers, and diagnostics marked on their lines.
"use strict";

omen.editor = (host, highlight, onChange) => {
  const {el} = omen;
  const gutter = el("pre", {class: "gutter", "aria-hidden": "true"});
  const code = el("pre", {class: "code", "aria-hidden": "true"});
  const text = el("textarea", {spellcheck: "false", autocomplete: "off", "aria-label": "scenario source", id: "source"});
  host.replaceChildren(el("div", {class: "editor"}, gutter, el("div", {class: "surface"}, code, text)));
  let marks = new Map();

  const paint = () => {
    const lines = text.value.split("\n");
    gutter.replaceChildren(...lines.map((_, i) => {
      const mark = marks.get(i + 1);
      return el("div", {class: mark ? "err" : null, title: mark || null, "data-line": i + 1}, String(i + 1));
    }));
    // A trailing newline needs a line of its own in the copy, or the two drift apart.
    omen.highlightInto(code, text.value + "\n", highlight);
    code.scrollTop = text.scrollTop;
    code.scrollLeft = text.scrollLeft;
    gutter.scrollTop = text.scrollTop;
  };
  text.addEventListener("input", () => { paint(); onChange(text.value); });
  text.addEventListener("scroll", () => { code.scrollTop = text.scrollTop; code.scrollLeft = text.scrollLeft; gutter.scrollTop = text.scrollTop; });
  text.addEventListener("keydown", (e) => {
    if (e.key !== "Tab") return;
    e.preventDefault();
    text.setRangeText("  ", text.selectionStart, text.selectionEnd, "end");
    paint();
    onChange(text.value);
  });

  return {
    get value() { return text.value; },
    set value(v) { text.value = v; paint(); onChange(v); },
    // diagnostics: [{line, column, severity, message}] of the edited file
    mark(diagnostics) {
      marks = new Map(diagnostics.map((d) => [d.line, `${d.severity}: ${d.message}`]));
      paint();
    },
  };
};
