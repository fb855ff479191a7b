// browser.mjs - what both browser tests share: Debian's chromium through playwright-core,
// omen run as a child process, and a page watched for console errors and requests.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const OMEN = process.env.OMEN;
export const SOURCE = process.env.OMEN_SOURCE_DIR;
export const OUT = process.env.OMEN_BROWSER_OUT;

export function omen(...args) {
  return execFileSync(OMEN, args, { cwd: SOURCE, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function omenJson(...args) {
  return JSON.parse(omen(...args, "--format", "json"));
}

export const sourcePath = (p) => path.join(SOURCE, p);

// chromium runs as root only without its sandbox (CI runs as root).
export async function launch() {
  const args = process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [];
  return chromium.launch({ executablePath: process.env.OMEN_CHROMIUM, args });
}

// `omen report ARGS -o FILE` written afresh and opened offline in a watched page, once
// `selector` shows: its html text, the browser, the page and what the page did.
export async function openReport(file, args, selector) {
  fs.rmSync(file, { force: true });
  omen("report", ...args, "-o", file);
  const html = fs.readFileSync(file, "utf8");
  const browser = await launch();
  const { context, page, seen } = await watchedPage(browser);
  await context.setOffline(true);
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector(selector);
  return { html, browser, page, seen };
}

// A page whose console errors, uncaught exceptions and requests are recorded.
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1150, height: 900 }, ...options });
  const page = await context.newPage();
  const seen = { errors: [], requests: [] };
  page.on("console", (m) => { if (m.type() === "error") seen.errors.push(m.text()); });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("request", (r) => seen.requests.push(r.url()));
  return { context, page, seen };
}
