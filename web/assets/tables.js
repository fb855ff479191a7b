// tables.js - results as tables: every number rounded for reading, its exact JSON value in
// the cell's data-value (omen.numCell).
"use strict";

omen.tables = (() => {
  const head = (...names) => omen.el("thead", {}, omen.el("tr", {}, names.map((n) => omen.el("th", {}, n))));

  // One row per report of a scenario of `omen run --format json`.
  const reports = (reps) => {
    const rows = [];
    for (const r of reps) {
      if (r.kind === "quantiles") {
        for (const [level, value] of Object.entries(r.quantiles || {})) {
          const ci = (r.quantiles_ci95 || {})[level];
          rows.push(omen.el("tr", {"data-label": r.label, "data-quantile": level}, omen.el("td", {}, `${r.label} (${Number(level) * 100}%)`),
            omen.numCell(value, null, "estimate"), omen.el("td", {}, ""), omen.el("td", {class: "num"}, omen.interval(ci)),
            omen.numCell(r.n, null, "n")));
        }
        continue;
      }
      rows.push(omen.el("tr", {"data-label": r.label},
        omen.el("td", {}, r.label + (r.weighted ? " (posterior)" : "")),
        omen.numCell(r.estimate, r.stderr, "estimate"),
        omen.numCell(r.stderr, r.stderr / 10, "stderr"),
        omen.el("td", {class: "num interval", "data-field": "ci95", "data-value": JSON.stringify(r.ci95)}, omen.interval(r.ci95, r.stderr)),
        omen.numCell(r.n, null, "n")));
    }
    return omen.el("table", {class: "results"}, head("report", "estimate", "± se", "95% interval", "n"), omen.el("tbody", {}, rows));
  };

  // The evidence of a scenario that observes (docs/evidence.md).
  const evidence = (ev) => omen.el("table", {class: "results evidence"}, head("evidence", "estimate", "± se", "95% interval", "ESS"),
    omen.el("tbody", {}, omen.el("tr", {"data-label": "evidence"}, omen.el("td", {}, "P(observations)"),
      omen.numCell(ev.estimate, ev.stderr, "estimate"), omen.numCell(ev.stderr, ev.stderr / 10, "stderr"),
      omen.el("td", {class: "num"}, omen.interval(ev.ci95, ev.stderr)), omen.numCell(ev.ess, null, "ess"))));

  // Params as name = value.
  const params = (ps) => omen.el("p", {class: "params"}, Object.entries(ps || {}).map(([k, v], i) =>
    [i ? " · " : "", omen.el("code", {}, k), " = ", typeof v === "number" ? omen.num(v) : String(v)]));

  // Any JSON value as a small table of its scalar fields (for results without a drawing).
  const fields = (obj) => omen.el("table", {class: "fields"}, omen.el("tbody", {},
    Object.entries(obj).filter(([, v]) => v === null || typeof v !== "object").map(([k, v]) =>
      omen.el("tr", {}, omen.el("th", {}, k), typeof v === "number" ? omen.numCell(v, null, k) : omen.el("td", {}, String(v))))));

  return {reports, evidence, params, fields, head};
})();
