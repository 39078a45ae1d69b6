/* global process, console */
/**
 * Speed of the model fits: BG/NBD and Gamma-Gamma on CDNOW, and BG/NBD on 100,000
 * synthetic customers, against scipy fitting the same BG/NBD likelihood.
 *
 * Run: `npm run bench:models` (or `node bench/models-bench.mjs`) from the repository
 * root after `npm ci`. It compiles src/core/models with the project's TypeScript
 * into node_modules/.cache/retain-models-bench (no build of dist/ needed), and runs bench/bgnbd_scipy.py
 * with Debian's /usr/bin/python3 (package python3-scipy).
 * Prints the first call and the median of repeated fits; ours must take at most
 * 0.1 of scipy's median (the faster of its BFGS and Nelder-Mead); exits 1 if not.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const data = join(process.env.RETAIN_SHARED ?? join(root, "..", "shared"), "data");
const python = "/usr/bin/python3";
const work = mkdtempSync(join(tmpdir(), "retain-models-bench-"));
// Compiled core goes under node_modules/.cache so that it resolves mathjs from node_modules.
const compiled = join(root, "node_modules", ".cache", "retain-models-bench");
rmSync(compiled, { recursive: true, force: true });
mkdirSync(compiled, { recursive: true });

// Compile the core models (and what they import) to CommonJS for Node.
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
execFileSync(process.execPath, [tsc, "--ignoreConfig", "--outDir", compiled, "--rootDir", join(root, "src", "core"),
  "--module", "commonjs", "--moduleResolution", "node10", "--ignoreDeprecations", "6.0", "--target", "es2020",
  "--strict", "--skipLibCheck", "--types", "node",
  join(root, "src/core/models/bg-nbd.ts"), join(root, "src/core/models/gamma-gamma.ts")], { stdio: "inherit" });
const require = createRequire(join(root, "package.json"));
const { bgnbdFit } = require(join(compiled, "models/bg-nbd.js"));
const { ggFit } = require(join(compiled, "models/gamma-gamma.js"));

function readCsv(file) {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const names = header.split(",");
  const columns = Object.fromEntries(names.map((n) => [n, []]));
  for (const line of lines) line.split(",").forEach((v, i) => columns[names[i]].push(Number(v)));
  return columns;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Times `fit` once cold, then `repeats` more times; returns the first and the median in ms. */
function time(fit, repeats) {
  let began = performance.now();
  let result = fit();
  const first = performance.now() - began;
  const times = [];
  for (let i = 0; i < repeats; i++) {
    began = performance.now();
    result = fit();
    times.push(performance.now() - began);
  }
  return { first, median: median(times), result };
}

function scipy(file, repeats, start, slowRepeats = repeats) {
  if (!existsSync(python)) throw new Error("the comparison needs Debian's /usr/bin/python3 with python3-scipy");
  const out = execFileSync(python, [join(root, "bench", "bgnbd_scipy.py"), file, String(repeats), start.join(","), String(slowRepeats)], { encoding: "utf8" });
  return JSON.parse(out);
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)) + " ms";
let failed = false;

function compare(label, ours, theirs) {
  const best = Math.min(theirs.BFGS.median_ms, theirs["Nelder-Mead"].median_ms);
  const ratio = ours.median / best;
  console.log(`  scipy BFGS:        median ${fmt(theirs.BFGS.median_ms)}, first ${fmt(theirs.BFGS.first_ms)} (${theirs.BFGS.evaluations} evaluations, LL ${theirs.BFGS.log_likelihood.toFixed(3)})`);
  console.log(`  scipy Nelder-Mead: median ${fmt(theirs["Nelder-Mead"].median_ms)}, first ${fmt(theirs["Nelder-Mead"].first_ms)} (${theirs["Nelder-Mead"].evaluations} evaluations, LL ${theirs["Nelder-Mead"].log_likelihood.toFixed(3)})`);
  const verdict = ratio <= 0.1 ? "ok (≤ 0.1)" : "TOO SLOW (> 0.1)";
  console.log(`  ratio of medians, ours / faster scipy: ${ratio.toFixed(3)}  ${verdict}`);
  if (ratio > 0.1) failed = true;
  void label;
}

// --- CDNOW: 2,357 customers in weeks (Fader, Hardie & Lee 2005) ---
const cdnow = readCsv(join(data, "cdnow_customers_summary.csv"));
const cdnowFile = join(work, "cdnow.csv");
writeFileSync(cdnowFile, "frequency,recency,T\n" + cdnow.frequency.map((x, i) => `${x},${cdnow.recency[i]},${cdnow.T[i]}`).join("\n") + "\n");
const start = [1, cdnow.T.reduce((a, b) => a + b, 0) / cdnow.frequency.reduce((a, b) => a + b, 0), 1, 1];

const bg = time(() => bgnbdFit(cdnow.frequency, cdnow.recency, cdnow.T), 50);
console.log(`BG/NBD on CDNOW (2,357 customers): first call ${fmt(bg.first)}, median of 50 fits ${fmt(bg.median)} (${bg.result.iterations} iterations, LL ${bg.result.logLikelihood.toFixed(3)})`);
compare("cdnow", bg, scipy(cdnowFile, 10, start));

const trans = readCsv(join(data, "cdnow_customers_summary_with_transactions.csv"));
const gg = time(() => ggFit(trans.x, trans.zbar), 50);
console.log(`Gamma-Gamma on CDNOW (946 repeat customers): first call ${fmt(gg.first)}, median of 50 fits ${fmt(gg.median)} (${gg.result.iterations} iterations)`);

// --- 100,000 synthetic customers drawn from the CDNOW fit ---
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(2005);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
/** Marsaglia & Tsang (2000) gamma sampler, shape < 1 boosted by U^(1/shape). */
function gamma(shape) {
  if (shape < 1) return gamma(shape + 1) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Customers acquired over 12 weeks and observed to week 39, purchases at whole days
 * (as dates make them): T and recency are days/7. `continuous` keeps exact times.
 */
function synthetic(n, continuous) {
  const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const f = new Array(n);
  const r = new Array(n);
  const T = new Array(n);
  for (let i = 0; i < n; i++) {
    const firstDay = Math.floor(random() * 84);
    const age = continuous ? (273 - firstDay - random()) / 7 : (273 - firstDay) / 7;
    const lambda = gamma(truth.r) / truth.alpha;
    const ga = gamma(truth.a);
    const p = ga / (ga + gamma(truth.b));
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > age) break;
      x++;
      last = continuous ? t : Math.min(Math.round(t * 7) / 7, age);
      if (random() < p) break;
    }
    f[i] = x;
    r[i] = last;
    T[i] = age;
  }
  return { f, r, T };
}

for (const continuous of [false, true]) {
  const n = 100000;
  const sample = synthetic(n, continuous);
  const file = join(work, `synthetic-${continuous ? "continuous" : "days"}.csv`);
  writeFileSync(file, "frequency,recency,T\n" + sample.f.map((x, i) => `${x},${sample.r[i]},${sample.T[i]}`).join("\n") + "\n");
  const startN = [1, sample.T.reduce((a, b) => a + b, 0) / sample.f.reduce((a, b) => a + b, 0), 1, 1];
  const ours = time(() => bgnbdFit(sample.f, sample.r, sample.T), 5);
  const kind = continuous ? "exact times" : "times in whole days";
  const p = ours.result;
  console.log(`BG/NBD on ${n.toLocaleString("en")} synthetic customers (${kind}): first call ${fmt(ours.first)}, median of 5 fits ${fmt(ours.median)} (${p.iterations} iterations; r ${p.r.toFixed(3)}, alpha ${p.alpha.toFixed(3)}, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)})`);
  // Nelder-Mead takes 20–40 s a fit here: one run is enough to show it is the slower method.
  compare("synthetic", ours, scipy(file, 3, startN, 1));
}

process.exitCode = failed ? 1 : 0;
