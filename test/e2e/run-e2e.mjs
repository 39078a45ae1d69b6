#!/usr/bin/env node
/* global console, process, URL, setTimeout */
/**
 * Browser tests of the playground: playwright-core drives Debian's Chromium against the
 * served dist/ (built by `npm run build`, which `npm test` runs first). The tests use
 * the page as a person does (click cells, type, press Enter, click the pane's buttons)
 * and read results through window.retainPlayground. Screenshots go to test-results/.
 * A machine without Chromium fails here loudly; nothing is skipped.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), E2E_FILTER (run tests whose
 * name contains it), E2E_HEADED=1 (show the browser).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve-playground.mjs";
import { tests } from "./playground.e2e.mjs";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const results = join(root, "test-results");

function fail(message) {
  console.error(`e2e: ${message}`);
  console.error("e2e: 0 passed, 1 failed");
  process.exit(1);
}

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  fail(`Chromium not found at ${chromiumPath}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH; the browser tests cannot run without it.`);
}
for (const file of ["dist/playground/index.html", "dist/playground/playground.js", "dist/functions.js", "dist/functions.json"]) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run "npm run build" first.`);
}
const newestSource = ["src/functions", "src/core", "src/taskpane", "src/playground"].map((d) => join(root, d)).filter(existsSync).map((d) => statSync(d).mtimeMs);
if (statSync(join(root, "dist/playground/playground.js")).mtimeMs < Math.max(0, ...newestSource) - 1) {
  console.warn("e2e: note: dist/ is older than some sources; run \"npm run build\" if a test fails unexpectedly.");
}

let playwright;
try {
  playwright = await import("playwright-core");
} catch (error) {
  fail(`playwright-core is not installed (npm install): ${error.message}`);
}

mkdirSync(results, { recursive: true });
const { server, url } = await startServer({ port: 0 });
const userDataDir = mkdtempSync(join(tmpdir(), "retain-e2e-"));
let context;
try {
  context = await playwright.chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: process.env.E2E_HEADED !== "1",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"].filter(
      (a) => a !== "--headless" || process.env.E2E_HEADED !== "1",
    ),
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
} catch (error) {
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  fail(`Chromium at ${chromiumPath} did not start: ${error.message}`);
}

const filter = process.env.E2E_FILTER;
const selected = tests.filter((t) => !filter || t.name.includes(filter));
let passed = 0;
let failed = 0;
const page = context.pages()[0] ?? (await context.newPage());
const pageErrors = [];
page.on("pageerror", (error) => pageErrors.push(error.message));
page.on("console", (message) => {
  if (message.type() === "error") pageErrors.push(message.text());
});
const env = { url, results, page };
for (const test of selected) {
  const started = Date.now();
  try {
    if (test.fresh || test === selected[0]) {
      await page.goto(url);
      await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    }
    await Promise.race([test.run(env), new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${test.timeout ?? 60_000} ms`)), test.timeout ?? 60_000))]);
    passed++;
    console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${test.name}\n      ${String(error?.message ?? error).split("\n").slice(0, 40).join("\n      ")}`);
    const shot = join(results, `failed-${test.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.log(`      screenshot: ${shot}`);
  }
}
if (pageErrors.length) {
  console.log(`  page errors seen:\n    ${pageErrors.slice(0, 10).join("\n    ")}`);
}
await context.close();
server.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
