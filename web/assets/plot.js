// plot.js - the pages' charts, drawn as inline SVG markup (no library, nothing loaded):
// curves with 95% bands, horizontal bars with intervals (tornado, Sobol' indices), and the
// distribution of a report across worlds. Every series is a <g class="series"
// data-series="NAME">; its legend entry toggles it, and each point says its values on hover.
"use strict";

omen.plot = (() => {
  const W = 680, H = 330, M = {l: 70, r: 190, t: 30, b: 46};
  const fmt = (x) => omen.num(x);

  // About five round ticks over [lo, hi].
  const ticks = (lo, hi, log) => {
    if (log) {
      const out = [];
      for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(Math.pow(10, e));
      return out.filter((t) => t >= lo * 0.999 && t <= hi * 1.001);
    }
    if (hi === lo) return [lo];
    const raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw);
    const out = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    return out;
  };

  const scale = (lo, hi, a, b, log) => {
    if (log) { const l0 = Math.log10(lo), l1 = Math.log10(hi); return (x) => a + ((Math.log10(x) - l0) / (l1 - l0 || 1)) * (b - a); }
    return (x) => a + ((x - lo) / (hi - lo || 1)) * (b - a);
  };

  const padded = (lo, hi) => {
    if (lo === hi) { const d = Math.abs(lo) * 0.1 || 1; return [lo - d, hi + d]; }
    const d = (hi - lo) * 0.06;
    return [lo - d, hi + d];
  };

  const frame = (title, xLabel, yLabel) =>
    `<text class="title" x="${M.l}" y="18">${omen.esc(title)}</text>` +
    `<text class="axis-label" x="${M.l + (W - M.l - M.r) / 2}" y="${H - 8}" text-anchor="middle">${omen.esc(xLabel || "")}</text>` +
    `<text class="axis-label" transform="translate(14 ${M.t + (H - M.t - M.b) / 2}) rotate(-90)" text-anchor="middle">${omen.esc(yLabel || "")}</text>`;

  const xAxis = (xs, sx, y0) =>
    `<g class="axis">` + xs.map((t) => `<line x1="${sx(t)}" x2="${sx(t)}" y1="${M.t}" y2="${y0}" class="grid"/>` +
      `<text x="${sx(t)}" y="${y0 + 16}" text-anchor="middle">${omen.esc(fmt(t))}</text>`).join("") + `</g>`;
  const yAxis = (ys, sy) =>
    `<g class="axis">` + ys.map((t) => `<line x1="${M.l}" x2="${W - M.r}" y1="${sy(t)}" y2="${sy(t)}" class="grid"/>` +
      `<text x="${M.l - 6}" y="${sy(t) + 4}" text-anchor="end">${omen.esc(fmt(t))}</text>`).join("") + `</g>`;

  const legend = (names) =>
    `<g class="legend">` + names.map((n, k) =>
      `<g class="legend-item c${k % 8}" data-index="${k}" role="button" tabindex="0"><rect x="${W - M.r + 14}" y="${M.t + k * 20}" width="12" height="12"/>` +
      `<text x="${W - M.r + 32}" y="${M.t + k * 20 + 10}">${omen.esc(n.length > 26 ? n.slice(0, 25) + "…" : n)}<title>${omen.esc(n)}</title></text></g>`).join("") + `</g>`;

  const svg = (kind, body) => `<svg class="plot" data-plot="${kind}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img">${body}</svg>`;

  // spec: {title, xLabel, yLabel, log, series: [{name, points: [{x, y, lo, hi}]}]}
  const line = (spec) => {
    const pts = spec.series.flatMap((s) => s.points);
    const xsAll = pts.map((p) => p.x), ysAll = pts.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]).filter(isFinite);
    const [x0, x1] = [Math.min(...xsAll), Math.max(...xsAll)];
    const [y0, y1] = padded(Math.min(...ysAll), Math.max(...ysAll));
    const sx = scale(x0, x1 === x0 ? x0 + 1 : x1, M.l, W - M.r, spec.log), sy = scale(y0, y1, H - M.b, M.t, false);
    let body = frame(spec.title, spec.xLabel, spec.yLabel) + xAxis(ticks(x0, x1, spec.log), sx, H - M.b) + yAxis(ticks(y0, y1, false), sy);
    spec.series.forEach((s, k) => {
      const p = s.points.filter((q) => isFinite(q.y));
      const band = p.filter((q) => isFinite(q.lo) && isFinite(q.hi));
      let g = `<g class="series c${k % 8}" data-series="${omen.esc(s.name)}" data-index="${k}">`;
      if (band.length > 1)
        g += `<path class="band" d="M${band.map((q) => `${sx(q.x)},${sy(q.hi)}`).join("L")}L${band.slice().reverse().map((q) => `${sx(q.x)},${sy(q.lo)}`).join("L")}Z"/>`;
      if (p.length > 1) g += `<path class="line" d="M${p.map((q) => `${sx(q.x)},${sy(q.y)}`).join("L")}"/>`;
      g += p.map((q) => `<circle class="point" cx="${sx(q.x)}" cy="${sy(q.y)}" r="3.5" data-x="${q.x}" data-y="${q.y}"><title>${omen.esc(s.name)} at ${omen.esc(spec.xLabel)} = ${omen.esc(fmt(q.x))}: ${omen.esc(fmt(q.y))}${isFinite(q.lo) ? ` [${omen.esc(fmt(q.lo))}, ${omen.esc(fmt(q.hi))}]` : ""}</title></circle>`).join("");
      body += g + `</g>`;
    });
    return svg("line", body + legend(spec.series.map((s) => s.name)));
  };

  // Horizontal bars. spec: {title, xLabel, base, series: [{name, bars: [{label, from, to, lo, hi, note}]}]}
  // Bars of one label from several series sit side by side in its row.
  const bars = (spec) => {
    const labels = [...new Set(spec.series.flatMap((s) => s.bars.map((b) => b.label)))];
    // The axis spans the bars; an interval edge counts unless it lies more than the bars'
    // own span beyond them (a degenerate bootstrap interval would flatten every bar), and
    // such an edge is drawn cut at the axis.
    const vals = spec.series.flatMap((s) => s.bars.flatMap((b) => [b.from, b.to])).filter(isFinite);
    if (spec.base !== undefined) vals.push(spec.base);
    const span = Math.max(...vals) - Math.min(...vals) || Math.abs(vals[0]) || 1;
    const near = (x) => isFinite(x) && x >= Math.min(...vals) - span && x <= Math.max(...vals) + span;
    vals.push(...spec.series.flatMap((s) => s.bars.flatMap((b) => [b.lo, b.hi])).filter(near));
    const [x0, x1] = padded(Math.min(...vals), Math.max(...vals));
    const cut = (x) => Math.min(x1, Math.max(x0, x));
    const rowH = Math.max(22, Math.min(40, (H - M.t - M.b) / Math.max(1, labels.length)));
    const height = Math.max(150, M.t + M.b + rowH * labels.length);
    const sx = scale(x0, x1, M.l + 60, W - M.r, false);
    const band = rowH * 0.7 / spec.series.length;
    let body = frame(spec.title, spec.xLabel, "") + xAxis(ticks(x0, x1, false), sx, height - M.b);
    body += labels.map((l, r) => `<text class="bar-label" x="${M.l + 54}" y="${M.t + r * rowH + rowH / 2 + 4}" text-anchor="end">${omen.esc(l.length > 18 ? l.slice(0, 17) + "…" : l)}<title>${omen.esc(l)}</title></text>`).join("");
    if (spec.base !== undefined) body += `<line class="base" x1="${sx(spec.base)}" x2="${sx(spec.base)}" y1="${M.t}" y2="${height - M.b}"/>`;
    spec.series.forEach((s, k) => {
      let g = `<g class="series c${k % 8}" data-series="${omen.esc(s.name)}" data-index="${k}">`;
      for (const b of s.bars) {
        const r = labels.indexOf(b.label), y = M.t + r * rowH + rowH * 0.15 + k * band;
        const a = Math.min(sx(b.from), sx(b.to)), w = Math.max(1, Math.abs(sx(b.to) - sx(b.from)));
        g += `<rect class="bar" x="${a}" y="${y}" width="${w}" height="${band * 0.9}" data-label="${omen.esc(b.label)}" data-value="${b.to}"><title>${omen.esc(b.label)} · ${omen.esc(s.name)}: ${omen.esc(fmt(b.to))}${isFinite(b.lo) ? ` [${omen.esc(fmt(b.lo))}, ${omen.esc(fmt(b.hi))}]` : ""}${b.note ? " · " + omen.esc(b.note) : ""}</title></rect>`;
        if (isFinite(b.lo) && isFinite(b.hi))
          g += `<line class="whisker${near(b.lo) && near(b.hi) ? "" : " cut"}" x1="${sx(cut(b.lo))}" x2="${sx(cut(b.hi))}" y1="${y + band * 0.45}" y2="${y + band * 0.45}"/>`;
      }
      body += g + `</g>`;
    });
    return svg("bars", body + legend(spec.series.map((s) => s.name))).replace(`height="${H}"`, `height="${height}"`).replace(`0 0 ${W} ${H}`, `0 0 ${W} ${height}`);
  };

  // The empirical distribution of values (one per world), as a step curve of P(value ≤ x).
  // spec: {title, xLabel, series: [{name, values}]}
  const cdf = (spec) => line({
    title: spec.title, xLabel: spec.xLabel, yLabel: "share of worlds ≤ x",
    series: spec.series.map((s) => {
      const v = s.values.filter(isFinite).slice().sort((a, b) => a - b);
      return {name: s.name, points: v.map((x, i) => ({x, y: (i + 1) / v.length}))};
    }),
  }).replace('data-plot="line"', 'data-plot="cdf"');

  // Legend entries toggle their series (click, or Enter on the focused entry).
  const attach = (root) => {
    for (const plot of root.querySelectorAll("svg.plot")) {
      for (const item of plot.querySelectorAll(".legend-item")) {
        const toggle = () => {
          const s = plot.querySelector(`.series[data-index="${item.dataset.index}"]`);
          if (!s) return;
          s.classList.toggle("hidden");
          item.classList.toggle("off");
        };
        item.addEventListener("click", toggle);
        item.addEventListener("keydown", (e) => { if (e.key === "Enter") toggle(); });
      }
    }
  };

  // A figure element from SVG markup made here (labels escaped above).
  const figure = (markup) => {
    const f = omen.el("figure", {class: "figure"});
    f.innerHTML = markup;
    attach(f);
    return f;
  };

  return {line, bars, cdf, figure};
})();
