// report.test.mjs - `omen report` of examples/online_learning.omen with a sweep and a
// tornado (and Sobol' indices), opened offline in chromium: no console error, no request
// but the file itself, every number equal to the JSON of the same run, plots with the
// expected series, legend toggles working; no URL anywhere in the file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { OUT, omenJson, openReport } from "./browser.mjs";

const FILE = "examples/online_learning.omen";
const RUN = ["--trials", "20000", "--seed", "7"];
const SWEEP = ["sweep", FILE, "--scenario", "online_learning", "--vary", "p_update=0:0.4:5", ...RUN];
const SENS = ["sensitivity", FILE, "--scenario", "online_learning", "--report", "P(catastrophe)", "--rows", "4096", ...RUN];
const page_ = path.join(OUT, "online_learning.html");

let browser, page, seen, html;
before(async () => {
  ({ html, browser, page, seen } = await openReport(page_, [FILE, ...RUN,
    "--analysis", "sweep --scenario online_learning --vary p_update=0:0.4:5",
    "--analysis", "sensitivity --scenario online_learning --report 'P(catastrophe)' --rows 4096"],
    "section.analysis[data-analysis=sensitivity] svg.plot"));
});
after(async () => { await browser?.close(); });

test("the file names no URL and loads nothing", () => {
  assert.doesNotMatch(html, /[a-z][a-z0-9+.-]*:\/\//i, "a scheme://");
  assert.doesNotMatch(html, /\b(src|href)\s*=/i, "an src= or href= attribute");
  assert.doesNotMatch(html, /url\(|@import/i, "a CSS url() or @import");
});

test("it opens offline with no console error and no network request", () => {
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, [pathToFileURL(page_).href]);
});

const cell = (row, field) => row.locator(`td[data-field="${field}"]`).getAttribute("data-value");

test("every report's numbers are those of omen run --format json", async () => {
  const run = omenJson("run", FILE, ...RUN);
  let checked = 0;
  for (const s of run.scenarios) {
    for (const r of s.reports) {
      const row = page.locator(`section.scenario[data-scenario="${s.name}"] tr[data-label="${r.label}"]`);
      assert.equal(Number(await cell(row, "estimate")), r.estimate, `${s.name} ${r.label} estimate`);
      assert.equal(Number(await cell(row, "stderr")), r.stderr, `${s.name} ${r.label} stderr`);
      assert.equal(Number(await cell(row, "n")), r.n, `${s.name} ${r.label} n`);
      assert.deepEqual(JSON.parse(await row.locator('td[data-field="ci95"]').getAttribute("data-value")), r.ci95);
      // What a reader sees is that number rounded, not another one.
      const shown = Number(await row.locator('td[data-field="estimate"]').textContent());
      assert.ok(Math.abs(shown - r.estimate) <= r.stderr, `${r.label}: shown ${shown}, JSON ${r.estimate}`);
      checked++;
    }
  }
  assert.equal(checked, 8);
  const facts = Object.fromEntries(await page.locator("#facts tr").evaluateAll((rows) =>
    rows.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent])));
  assert.equal(facts.seed, "7");
  assert.equal(facts.trials, "20000");
  assert.match(facts["omen version"], /^\d+\.\d+/);
  assert.match(facts["made by"], /omen report examples\/online_learning\.omen/);
});

test("the sweep draws one curve per report, its points the JSON's estimates", async () => {
  const sweep = omenJson(...SWEEP);
  const section = page.locator("section.analysis[data-analysis=sweep]");
  const plots = section.locator("svg.plot[data-plot=line]");
  const labels = sweep.points[0].reports.map((r) => r.label);
  assert.equal(await plots.count(), labels.length);
  for (let k = 0; k < labels.length; k++) {
    const series = plots.nth(k).locator("g.series");
    assert.equal(await series.count(), 1);
    assert.equal(await series.getAttribute("data-series"), labels[k]);
    assert.equal(await series.locator("path.band").count(), 1, "a 95% band");
    const ys = (await series.locator("circle.point").evaluateAll((cs) => cs.map((c) => c.dataset.y))).map(Number);
    assert.deepEqual(ys, sweep.points.map((p) => p.reports[k].estimate));
  }
});

test("the tornado and Sobol' bars are the JSON's, and legends toggle series", async () => {
  const sens = omenJson(...SENS);
  const section = page.locator("section.analysis[data-analysis=sensitivity]");
  const [tornado, sobol] = [section.locator("svg.plot[data-plot=bars]").nth(0), section.locator("svg.plot[data-plot=bars]").nth(1)];
  const series = tornado.locator("g.series");
  assert.deepEqual(await series.evaluateAll((g) => g.map((s) => s.dataset.series)), ["param at its low end", "param at its high end"]);
  const lows = (await series.nth(0).locator("rect.bar").evaluateAll((b) => b.map((r) => r.dataset.value))).map(Number);
  const highs = (await series.nth(1).locator("rect.bar").evaluateAll((b) => b.map((r) => r.dataset.value))).map(Number);
  assert.deepEqual(lows, sens.tornado.map((r) => r.at_low));
  assert.deepEqual(highs, sens.tornado.map((r) => r.at_high));
  const st = (await sobol.locator("g.series").nth(1).locator("rect.bar").evaluateAll((b) => b.map((r) => r.dataset.value))).map(Number);
  assert.deepEqual(st, sens.sobol.indices.map((r) => r.ST));
  await tornado.locator(".legend-item").nth(1).click();
  assert.equal(await series.nth(1).isVisible(), false);
  await tornado.locator(".legend-item").nth(1).click();
  assert.equal(await series.nth(1).isVisible(), true);
});

test("the source is highlighted from the editor grammar", async () => {
  assert.ok(await page.locator("#source .tok-keyword, #source .tok-storage").count() > 10);
  assert.ok(await page.locator("#source .tok-comment").count() >= 10);
  assert.equal(await page.locator('#source .listing[data-index="0"] pre.code').textContent(),
               fs.readFileSync(path.join(process.env.OMEN_SOURCE_DIR, FILE), "utf8"));
  await page.screenshot({ path: path.join(OUT, "report.png"), fullPage: true });
});
