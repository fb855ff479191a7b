// report_imports.test.mjs - `omen report` of a file that imports another (by relative path)
// and the stdlib, opened offline in chromium: every file the program read is on the page,
// highlighted, its text exactly the file's, and the page still names no URL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { OUT, sourcePath, openReport } from "./browser.mjs";

const FILE = "tests/browser/Inputs/imports_both.omen";
const page_ = path.join(OUT, "imports_both.html");

let browser, page, seen, html;
before(async () => {
  ({ html, browser, page, seen } = await openReport(page_, [FILE, "--trials", "2000"], "#source .listing"));
});
after(async () => { await browser?.close(); });

test("the main file and each import are shown, each with its own text", async () => {
  const listings = page.locator("#source .listing");
  const names = await listings.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-file")));
  assert.equal(names.length, 3, `files shown: ${names}`);
  assert.match(names[0], /imports_both\.omen$/);
  const text = (i) => listings.nth(i).locator("pre.code").textContent();
  assert.equal(await text(0), fs.readFileSync(sourcePath(FILE), "utf8"));
  const lib = names.findIndex((n) => /lib\.omen$/.test(n));
  assert.ok(lib > 0, "the relative import tests/lit/imports/Inputs/lib.omen is shown");
  assert.equal(await text(lib), fs.readFileSync(sourcePath("tests/lit/imports/Inputs/lib.omen"), "utf8"));
  const std = names.findIndex((n) => /scaling/.test(n));
  assert.ok(std > 0, "the stdlib import std.scaling is shown");
  assert.equal(await text(std), fs.readFileSync(sourcePath("stdlib/std/scaling.omen"), "utf8"));
  assert.ok(await listings.nth(lib).locator(".tok-keyword, .tok-storage").count() > 2, "the import is highlighted");
  assert.match(await page.locator("#source h3").first().textContent(), /^imported: /);
});

test("it opens offline with no console error, no request and no URL", () => {
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, [pathToFileURL(page_).href]);
  assert.doesNotMatch(html, /[a-z][a-z0-9+.-]*:\/\//i, "a scheme://");
  assert.doesNotMatch(html, /\b(src|href)\s*=/i, "an src= or href= attribute");
});
