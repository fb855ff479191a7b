// format.js - shared helpers of omen's pages: the page's namespace, escaping, DOM building
// and numbers rounded as the terminal output rounds them.
"use strict";
const omen = {};

// Text for HTML or SVG markup: scenario files are untrusted, so every label passes here.
omen.esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);

// An element with attributes and children (strings become text nodes, never markup).
omen.el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
};

// Decimals that the standard error makes meaningful: two significant digits of the se.
omen.decimalsFor = (se) => {
  if (!(se > 0) || !isFinite(se)) return null;
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(se))));
};

// A number rounded for reading; `se` (optional) sets the decimals.
omen.num = (x, se) => {
  if (x === null || x === undefined) return "—";
  if (typeof x !== "number") return String(x);
  if (!isFinite(x)) return String(x);
  const d = omen.decimalsFor(se);
  if (d !== null) return x.toFixed(d);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e7) return String(Number(x.toPrecision(6)));
  return x.toExponential(4);
};

// A table cell holding a number: the rounded text shown, the exact JSON value in data-value
// (and on hover), so a reader and a test can both check it.
omen.numCell = (x, se, field) =>
  omen.el("td", {class: "num", "data-field": field, "data-value": typeof x === "number" ? String(x) : null,
                 title: typeof x === "number" ? String(x) : null}, omen.num(x, se));

omen.interval = (ci, se) => (Array.isArray(ci) ? "[" + omen.num(ci[0], se) + ", " + omen.num(ci[1], se) + "]" : "—");
