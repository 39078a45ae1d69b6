#!/usr/bin/env node
/* global process, console, performance */
// Cohort benchmark (issue 3): prints figures and ratios; it is not a test.
//
//   node bench/cohort-bench.mjs [--skip-10m] [--runs N]      (npm run bench:cohort; default 5 runs)
//
// Needs the CLI bundle (dist/cli/retain.js and dist/cli/cohort-functions.js); it
// builds them with `webpack --config-name cli` when they are missing. Generated
// data goes to bench/out/ (gitignored): gen-transactions seed 7, 1,000,000 and
// 10,000,000 rows. Peak memory is the process's maximum resident set size.
//
// 1. `retain cohort FILE` whole process ÷ a DuckDB node-api script doing the same
//    from the same CSV (bench/duckdb-cohort.mjs); each with its default threads
//    (retain: one per core, at most 4, for files of 8 MB or more; DuckDB: one per core).
// 2. RETAIN.COHORT on Excel-shaped arrays (string ids, serial dates, numbers) ÷
//    DuckDB's query on the same rows already in a table, SET threads = 1.
// 3. `retain cohort` on 10,000,000 rows: peak memory, and time ÷ the 1,000,000-row time.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const outDir = path.join(here, "out");
const generator = path.join(process.env.RETAIN_SHARED ?? path.join(root, "..", "shared"), "tools", "gen-transactions.mjs");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

if (args[0] === "--child") await child(args[1], args[2]);
else await main();

async function main() {
  const runs = Number(option("--runs", 5));
  ensureBuilt();
  fs.mkdirSync(outDir, { recursive: true });
  const file1m = ensureData(1_000_000);
  console.log(`Retain cohort benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${new Date().toISOString()}`);
  console.log(`monthly retention table; gen-transactions --seed 7; process times are medians of ${runs} runs, in turns\n`);

  console.log(`1,000,000 rows (${mb(fs.statSync(file1m).size)} MB CSV); default threads: retain ${Math.min(4, os.availableParallelism())}, DuckDB ${os.availableParallelism()}`);
  // Interleaved, so that a change in the machine's load falls on both sides.
  const [cli1, duck1] = measureProcesses([["bin/retain.js", "cohort", file1m], ["bench/duckdb-cohort.mjs", file1m]], runs);
  sameOutput(cli1.stdout, duck1.stdout);
  line("retain cohort FILE (whole process)", cli1);
  line("DuckDB node-api script, same CSV", duck1);
  ratio("retain ÷ DuckDB, medians", cli1.seconds / duck1.seconds, 0.7);
  ratio("retain ÷ DuckDB, fastest runs", Math.min(...cli1.all) / Math.min(...duck1.all), 0.7);

  // RETAIN.COHORT and DuckDB's query take turns in one process, so load changes fall on both.
  const pair = runChild("pair", file1m);
  if (pair.functionTable !== pair.duckdbTable) throw new Error("RETAIN.COHORT and DuckDB disagree");
  const fn = stats(pair.function);
  const table = stats(pair.duckdb);
  console.log(`  ${"RETAIN.COHORT on Excel-shaped arrays".padEnd(44)} ${fn.median.toFixed(3)} s   min ${fn.min.toFixed(3)} s   (runs: ${fn.shown})`);
  console.log(`  ${"DuckDB query on the same rows in a table, threads = 1".padEnd(44)} ${table.median.toFixed(3)} s   min ${table.min.toFixed(3)} s   (runs: ${table.shown})`);
  console.log(`  ${"(one process for both: peak".padEnd(44)} ${pair.peakMB} MB, the 1,000,000-row arrays and DuckDB's table included)`);
  ratio("RETAIN.COHORT ÷ DuckDB, medians", fn.median / table.median, 1.0);
  ratio("RETAIN.COHORT ÷ DuckDB, fastest runs", fn.min / table.min, 1.0);

  if (args.includes("--skip-10m")) return;
  const file10m = ensureData(10_000_000);
  console.log(`\n10,000,000 rows (${mb(fs.statSync(file10m).size)} MB CSV), one run each`);
  const [cli10, duck10] = measureProcesses([["bin/retain.js", "cohort", file10m], ["bench/duckdb-cohort.mjs", file10m]], 1);
  sameOutput(cli10.stdout, duck10.stdout);
  line("retain cohort FILE (whole process)", cli10);
  line("DuckDB node-api script, same CSV", duck10);
  check("retain peak memory", `${cli10.peakMB} MB`, cli10.peakMB < 1024, "< 1024 MB");
  ratio("retain 10M time ÷ 1M time", cli10.seconds / cli1.seconds, 11);
  ratio("retain ÷ DuckDB at 10M (for information)", cli10.seconds / duck10.seconds, Infinity);
}

function ensureBuilt() {
  if (fs.existsSync(path.join(root, "dist/cli/retain.js")) && fs.existsSync(path.join(root, "dist/cli/cohort-functions.js"))) return;
  console.log("building dist/cli …");
  const built = spawnSync("npx", ["webpack", "--mode", "production", "--config-name", "cli"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("webpack --config-name cli failed");
}

function ensureData(rows) {
  const file = path.join(outDir, `tx-${rows / 1e6}m-seed7.csv`);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) return file;
  console.log(`generating ${file} …`);
  const fd = fs.openSync(file + ".part", "w");
  const done = spawnSync(process.execPath, [generator, "--rows", String(rows), "--seed", "7"], { stdio: ["ignore", fd, "inherit"] });
  fs.closeSync(fd);
  if (done.status !== 0) throw new Error("gen-transactions failed");
  fs.renameSync(file + ".part", file);
  return file;
}

/** Runs each `node ARGS` `runs` times, in turn, under /usr/bin/time: median wall time and peak RSS of each. */
function measureProcesses(commands, runs) {
  const results = commands.map(() => ({ all: [], peakMB: 0, stdout: "" }));
  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  const report = path.join(os.tmpdir(), `retain-bench-${process.pid}.time`);
  for (let r = 0; r < runs; r++) {
    commands.forEach((nodeArgs, k) => {
      const command = timeBin ?? process.execPath;
      const commandArgs = timeBin ? ["-f", "%M", "-o", report, process.execPath, ...nodeArgs] : nodeArgs;
      const start = performance.now();
      const done = spawnSync(command, commandArgs, { cwd: root, maxBuffer: 1 << 28, encoding: "utf8" });
      const seconds = (performance.now() - start) / 1000;
      if (done.status !== 0) throw new Error(`node ${nodeArgs.join(" ")} failed: ${done.stderr}`);
      results[k].all.push(seconds);
      results[k].stdout = done.stdout;
      if (timeBin) results[k].peakMB = Math.max(results[k].peakMB, Math.round(Number(fs.readFileSync(report, "utf8").trim().split("\n").pop()) / 1024));
    });
  }
  return results.map((r) => ({ ...r, seconds: median(r.all) }));
}

function runChild(mode, file) {
  const done = spawnSync(process.execPath, ["--max-old-space-size=4096", fileURLToPath(import.meta.url), "--child", mode, file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  if (done.status !== 0) throw new Error(`${mode} failed: ${done.stderr}`);
  return JSON.parse(done.stdout);
}

/** In a child process: RETAIN.COHORT and DuckDB's single-threaded query in turns; prints JSON. */
async function child(mode, file) {
  if (mode !== "pair") throw new Error(`unknown child mode ${mode}`);
  const runs = 7;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  globalThis.CustomFunctions = {
    Error: class extends Error {
      constructor(code, message) {
        super(message);
        this.code = code;
      }
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    associate() {},
  };
  const fns = createRequire(import.meta.url)(path.join(root, "dist/cli/cohort-functions.js"));
  // Excel-shaped: one-column 2-D arrays, text ids, serial dates, numbers.
  const ids = [];
  const dates = [];
  const values = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i];
    if (text === "") continue;
    const a = text.indexOf(",");
    const b = text.indexOf(",", a + 1);
    ids.push([(" " + text.slice(0, a)).slice(1)]); // a flat string of its own, as Excel hands over
    const y = +text.slice(a + 1, a + 5);
    const m = +text.slice(a + 6, a + 8);
    const d = +text.slice(a + 9, a + 11);
    dates.push([Date.UTC(y, m - 1, d) / 86400000 + 25569]);
    values.push([+text.slice(b + 1)]);
  }
  lines.length = 0;
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const { cohortSql, toTable } = await import("./duckdb-cohort.mjs");
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  await duck.run(`CREATE TABLE t AS SELECT customer_id AS id, order_date AS d, revenue FROM read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'revenue': 'DOUBLE'})`);
  await duck.run("SET threads = 1");
  const result = { function: [], duckdb: [] };
  let functionTable;
  let duckdbTable;
  for (let r = 0; r < runs; r++) {
    let start = performance.now();
    functionTable = fns.cohort(ids, dates, values);
    result.function.push((performance.now() - start) / 1000);
    start = performance.now();
    duckdbTable = toTable((await duck.runAndReadAll(cohortSql("t"))).getRowObjectsJS());
    result.duckdb.push((performance.now() - start) / 1000);
  }
  const csv = (table) => table.map((row) => row.join(",")).join("\n");
  process.stdout.write(JSON.stringify({ ...result, peakMB: Math.round(process.resourceUsage().maxRSS / 1024), functionTable: csv(functionTable), duckdbTable: csv(duckdbTable) }));
}

function stats(times) {
  return { median: median(times), min: Math.min(...times), shown: times.map((t) => t.toFixed(2)).join(", ") };
}

function sameOutput(a, b) {
  if (a.trim() !== b.trim()) throw new Error("retain and DuckDB printed different tables");
}

function line(label, m) {
  console.log(`  ${label.padEnd(44)} ${m.seconds.toFixed(3)} s   peak ${String(m.peakMB).padStart(4)} MB   (runs: ${m.all.map((t) => t.toFixed(2)).join(", ")})`);
}

function ratio(label, value, bar) {
  const verdict = bar === Infinity ? "" : `   bar ≤ ${bar}: ${value <= bar ? "met" : "NOT met"}`;
  console.log(`  ${label.padEnd(44)} ${value.toFixed(2)}${verdict}`);
}

function check(label, shown, ok, bar) {
  console.log(`  ${label.padEnd(44)} ${shown}   bar ${bar}: ${ok ? "met" : "NOT met"}`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function mb(bytes) {
  return (bytes / 1048576).toFixed(1);
}
