// sections.js - one section per result: the run's scenarios, and each analysis of the
// registry drawn from its JSON (sweep, sensitivity, worlds; any other as its fields and its
// JSON). Shared by the report and the playground.
"use strict";

omen.sections = (() => {
  const {el} = omen;

  const run = (doc) => {
    const out = el("div", {class: "run"});
    for (const s of doc.scenarios || []) {
      const box = el("section", {class: "scenario", "data-scenario": s.name}, el("h3", {}, "scenario ", el("code", {}, s.name)));
      box.append(omen.tables.params(s.params));
      if (s.partial) box.append(el("p", {class: "partial"}, `partial: stopped after ${s.trials_completed} of ${doc.trials} trials`));
      if (s.error) box.append(el("pre", {class: "error"}, s.error));
      if (s.evidence) box.append(omen.tables.evidence(s.evidence));
      if (s.reports) box.append(omen.tables.reports(s.reports));
      const engines = Object.entries(s.engine_trials || {}).map(([k, v]) => `${k} ${v}`).join(", ");
      box.append(el("p", {class: "footer"}, `${doc.trials} trials, seed ${doc.seed}, engine ${doc.engine}${engines ? " (" + engines + ")" : ""}`));
      out.append(box);
    }
    if (doc.partial) out.prepend(el("p", {class: "partial"}, "partial: the run was stopped before all its trials finished"));
    return out;
  };

  // One curve per report (a 2-param sweep: per report and value of the second param).
  const sweep = (doc) => {
    const out = el("div", {class: "sweep"});
    const [ax, ay] = doc.axes;
    const labels = doc.points.length ? doc.points[0].reports.map((r) => r.label) : [];
    for (const label of labels) {
      const groups = new Map();
      for (const p of doc.points) {
        const key = ay ? `${ay.param} = ${omen.num(p.at[ay.param])}` : label;
        const r = p.reports.find((q) => q.label === label);
        if (!r || r.estimate === undefined) continue;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push({x: p.at[ax.param], y: r.estimate, lo: r.ci95 && r.ci95[0], hi: r.ci95 && r.ci95[1]});
      }
      const log = ax.grid === "log" && doc.points.every((p) => p.at[ax.param] > 0);
      out.append(omen.plot.figure(omen.plot.line({title: `${label} over ${ax.param}`, xLabel: ax.param, yLabel: label, log,
        series: [...groups].map(([name, points]) => ({name, points}))})));
    }
    const rows = doc.points.map((p) => el("tr", {},
      doc.axes.map((a) => omen.numCell(p.at[a.param], null, a.param)),
      p.reports.map((r) => [omen.numCell(r.estimate, r.stderr, "estimate"), el("td", {class: "num"}, omen.interval(r.ci95, r.stderr))])));
    out.append(el("div", {class: "wide"}, el("table", {class: "results sweep-table"},
      omen.tables.head(...doc.axes.map((a) => a.param), ...labels.flatMap((l) => [l, "95% interval"])), el("tbody", {}, rows))));
    return out;
  };

  const sensitivity = (doc) => {
    const out = el("div", {class: "sensitivity"});
    const t = doc.tornado || [];
    if (t.length) {
      const base = doc.base && doc.base.estimate;
      out.append(omen.plot.figure(omen.plot.bars({title: `tornado: ${doc.report}`, xLabel: doc.report, base, series: [
        {name: "param at its low end", bars: t.map((r) => ({label: r.param, from: base, to: r.at_low, note: `${r.param} = ${omen.num(r.low)} (${r.low_from})`}))},
        {name: "param at its high end", bars: t.map((r) => ({label: r.param, from: base, to: r.at_high, note: `${r.param} = ${omen.num(r.high)} (${r.high_from})`}))},
      ]})));
      out.append(el("table", {class: "results tornado-table"}, omen.tables.head("param", "low", "high", "at low", "at high", "swing", "95% interval"),
        el("tbody", {}, t.map((r) => el("tr", {"data-label": r.param}, el("td", {}, r.param),
          omen.numCell(r.low, null, "low"), omen.numCell(r.high, null, "high"), omen.numCell(r.at_low, r.stderr, "at_low"),
          omen.numCell(r.at_high, r.stderr, "at_high"), omen.numCell(r.swing, r.stderr, "swing"),
          el("td", {class: "num"}, omen.interval([r.ci_low, r.ci_high], r.stderr)))))));
    }
    if (doc.sobol && doc.sobol.indices) {
      const idx = doc.sobol.indices;
      out.append(omen.plot.figure(omen.plot.bars({title: `Sobol' indices: ${doc.report}`, xLabel: "share of variance", base: 0, series: [
        {name: "S1 (first order)", bars: idx.map((r) => ({label: r.input, from: 0, to: r.S1, lo: r.S1 - r.S1_conf, hi: r.S1 + r.S1_conf}))},
        {name: "ST (total)", bars: idx.map((r) => ({label: r.input, from: 0, to: r.ST, lo: r.ST - r.ST_conf, hi: r.ST + r.ST_conf}))},
      ]})));
      out.append(el("table", {class: "results sobol-table"}, omen.tables.head("input", "S1", "± (95%)", "ST", "± (95%)"),
        el("tbody", {}, idx.map((r) => el("tr", {"data-label": r.input}, el("td", {}, r.input), omen.numCell(r.S1, r.S1_conf, "S1"),
          omen.numCell(r.S1_conf, null, "S1_conf"), omen.numCell(r.ST, r.ST_conf, "ST"), omen.numCell(r.ST_conf, null, "ST_conf"))))));
    }
    if (doc.not_varied && doc.not_varied.length)
      out.append(el("p", {class: "note"}, "not varied: " + doc.not_varied.map((n) => `${n.param} (${n.reason})`).join("; ")));
    return out;
  };

  const worlds = (doc) => {
    const out = el("div", {class: "worlds"});
    for (const s of doc.scenarios || []) {
      const reps = (s.reports || []).filter((r) => Array.isArray(r.values));
      for (const r of reps)
        out.append(omen.plot.figure(omen.plot.cdf({title: `${s.name}: ${r.label} across ${r.worlds} worlds`, xLabel: r.label, series: [{name: r.label, values: r.values}]})));
      out.append(el("table", {class: "results worlds-table"}, omen.tables.head("report", "pooled", "95% interval", "epistemic sd", "5%", "50%", "95%"),
        el("tbody", {}, (s.reports || []).map((r) => el("tr", {"data-label": r.label}, el("td", {}, r.label),
          omen.numCell(r.pooled && r.pooled.estimate, r.pooled && r.pooled.stderr, "pooled"),
          el("td", {class: "num"}, r.pooled ? omen.interval([r.pooled.ci_low, r.pooled.ci_high], r.pooled.stderr) : "—"),
          omen.numCell(r.epistemic_sd, null, "epistemic_sd"),
          ...["0.05", "0.5", "0.95"].map((q) => omen.numCell(r.quantiles && r.quantiles[q], null, "q" + q)))))));
    }
    return out;
  };

  // Any other analysis: its scalar fields and the JSON itself, folded.
  const generic = (doc) => el("div", {class: "generic"}, omen.tables.fields(doc),
    el("details", {}, el("summary", {}, "the whole JSON document"), el("pre", {class: "json"}, JSON.stringify(doc, null, 2))));

  const byName = {sweep, sensitivity, worlds};

  // The section of analysis `name` with result `doc` (null: it failed; `messages` says why).
  const analysis = (name, doc, messages) => {
    const box = el("div", {class: "analysis-body"});
    if (messages) box.append(el("pre", {class: doc ? "messages" : "error"}, messages));
    if (doc) {
      if (doc.partial) box.append(el("p", {class: "partial"}, "partial: stopped before it finished"));
      box.append((byName[name] || generic)(doc));
    }
    return box;
  };

  return {run, analysis};
})();
