// playground.test.mjs - `omen serve` in chromium: the page loads without console errors, a
// typed scenario shows its diagnostic at the right line, runs and shows the numbers of
// `omen run --format json`, stops on the stop button, refuses an import outside its folders
// and a request for 1e12 trials; the server refuses non-local binds and foreign requests.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { OMEN, OUT, launch, watchedPage } from "./browser.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omen-serve-"));
const folder = path.join(dir, "models"), outside = path.join(dir, "outside");
fs.mkdirSync(folder);
fs.mkdirSync(outside);
const COIN = `scenario coin {
  param p = 30%
  event hit
  phase toss for 1 {
    with probability p { trigger hit }
  }
  report P(hit)
}
`;
fs.writeFileSync(path.join(folder, "coin.omen"), COIN);
fs.writeFileSync(path.join(folder, "shared.omen"), "const rate = 0.25\n");
fs.writeFileSync(path.join(outside, "secret.omen"), "const secret = 1\n");

let server, port, browser, page, seen;
before(async () => {
  server = spawn(OMEN, ["serve", path.join(folder, "coin.omen"), "--port", "0", "--max-seconds", "30"], { stdio: ["ignore", "ignore", "pipe"] });
  port = await new Promise((resolve, reject) => {
    let text = "";
    server.stderr.on("data", (d) => {
      text += d;
      const m = text.match(/listening on 127\.0\.0\.1:(\d+)/);
      if (m) resolve(Number(m[1]));
    });
    server.on("exit", (code) => reject(new Error(`omen serve exited ${code}: ${text}`)));
  });
  browser = await launch();
  ({ page, seen } = await watchedPage(browser));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector("#source");
});
after(async () => {
  await browser?.close();
  server?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

const type = async (text) => page.fill("#source", text);
const runWith = async (words) => {
  await page.fill("#words", words);
  await page.click("#run");
};

test("the page loads the start file, highlighted, with no console error", async () => {
  assert.equal(await page.inputValue("#source"), COIN);
  assert.ok(await page.locator("#editor .tok-storage, #editor .tok-keyword").count() > 3);
  await page.waitForTimeout(400);  // the first check answers
  assert.equal(await page.locator(".diagnostic").count(), 0);
  assert.deepEqual(seen.errors, []);
});

test("a typed scenario shows its diagnostic at the right line", async () => {
  await type("scenario s {\n  param x = 1\n  event e\n  report P(y)\n}\n");
  const d = page.locator(".diagnostic").first();
  await d.waitFor();
  assert.equal(await d.getAttribute("data-line"), "4");
  assert.equal(await d.getAttribute("data-column"), "12");
  assert.match(await d.textContent(), /unknown name 'y'/);
  assert.equal(await page.locator('#editor .gutter [data-line="4"]').getAttribute("class"), "err");
});

test("it runs and shows the table of omen run --format json", async () => {
  await type(COIN);
  await page.locator(".diagnostic").first().waitFor({ state: "detached" });
  await runWith("--trials 5000 --seed 11");
  const cell = page.locator('#output section.scenario[data-scenario=coin] tr[data-label="P(hit)"] td[data-field=estimate]');
  await cell.waitFor();
  const json = JSON.parse(spawnSync(OMEN, ["run", path.join(folder, "coin.omen"), "--trials", "5000", "--seed", "11", "--format", "json"], { encoding: "utf8" }).stdout);
  assert.equal(Number(await cell.getAttribute("data-value")), json.scenarios[0].reports[0].estimate);
  assert.match(await page.textContent("#status"), /run: done/);
});

test("a sweep draws its curve with a band, and the page saves as a report", async () => {
  await page.fill("#words", "--vary p=0.1:0.9:5 --trials 4000");
  await page.click("#sweep");
  const series = page.locator('#output section[data-analysis=sweep] svg.plot g.series[data-series="P(hit)"]');
  await series.waitFor();
  assert.equal(await series.locator("circle.point").count(), 5);
  assert.equal(await series.locator("path.band").count(), 1);
  await page.screenshot({ path: path.join(OUT, "playground.png"), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  const saved = fs.readFileSync(await download.path(), "utf8");
  assert.match(saved, /<meta name="generator" content="omen report">/);
  assert.doesNotMatch(saved, /[a-z][a-z0-9+.-]*:\/\//i);
  assert.match(saved, /"name":"sweep"/);
});

test("any other analysis of the registry runs from the list", async () => {
  await page.selectOption("#other", "solve");
  await page.fill("#words", "--find p --in 0:1 --where 'P(hit) = 50%' --trials 4000");
  await page.click("#analyse");
  const root = page.locator('#output section[data-analysis=solve] td[data-field=root]');
  await root.waitFor();
  assert.ok(Math.abs(Number(await root.getAttribute("data-value")) - 0.5) < 0.05, "P(hit) = p reaches 50% near p = 0.5");
});

test("the stop button stops a long run", async () => {
  await type(`scenario slow {
  event e
  phase wait for 1_000_000 {
    with probability 1e-9 { trigger e }
  }
  report P(e)
}
`);
  await runWith("--trials 1e8");
  await page.waitForFunction(() => /running/.test(document.getElementById("status").textContent));
  await page.click("#stop");
  await page.waitForFunction(() => /stopped/.test(document.getElementById("status").textContent), null, { timeout: 10000 });
  assert.match(await page.textContent("#status"), /run: stopped in/);
  assert.ok(await page.locator("#output .partial").first().isVisible(), "the partial run is marked");
});

test("an import inside its folders is read; one outside them is refused", async () => {
  await type('import "shared.omen"\nscenario a {\n  event e\n  phase p for 1 { with probability rate { trigger e } }\n  report P(e)\n}\n');
  await page.waitForTimeout(600);
  assert.equal(await page.locator(".diagnostic").count(), 0);
  await type('import "../outside/secret.omen"\nscenario b {\n  report P(true)\n}\n');
  const d = page.locator(".diagnostic").first();
  await d.waitFor();
  assert.equal(await d.getAttribute("data-line"), "1");
  assert.match(await d.textContent(), /outside the folders this program may read from/);
});

test("a request for 1e12 trials gets a clear limit error", async () => {
  await type(COIN);
  await runWith("--trials 1e12");
  const error = page.locator("#output #run-error").first();
  await error.waitFor();
  assert.match(await error.textContent(), /--trials 1e12 is over this playground's limit of 100000000 per request/);
  assert.deepEqual(seen.errors.filter((e) => !/status of 400/.test(e)), []);
});

function request(pathname, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method: body ? "POST" : "GET", headers }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

test("requests from other sites or for other host names are refused", async () => {
  assert.equal((await request("/", { Host: "attacker.example:" + port })).status, 403);
  const body = JSON.stringify({ source: COIN });
  assert.equal((await request("/api/start", { "Content-Type": "text/plain" }, body)).status, 403);
  assert.equal((await request("/api/start", { "Content-Type": "application/json" }, body)).status, 403);
});

test("omen serve refuses a non-local address unless asked", () => {
  const r = spawnSync(OMEN, ["serve", folder, "--host", "0.0.0.0"], { encoding: "utf8", timeout: 5000 });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--allow-remote/);
});
