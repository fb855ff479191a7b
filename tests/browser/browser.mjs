// browser.mjs - what both browser tests share: Debian's chromium through playwright-core,
// omen run as a child process, and a page watched for console errors and requests.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import path from "node:path";

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
