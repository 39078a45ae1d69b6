#!/usr/bin/env node
// Cohort benchmark (issue 3): prints figures and ratios; it is not a test.
//
//   node bench/cohort-bench.mjs [--skip-10m] [--runs N]      (npm run bench:cohort)
//
// Needs the CLI bundle (dist/cli/retain.js and dist/cli/cohort-functions.js); it
// builds them with `webpack --config-name cli` when they are missing. Generated
// data goes to bench/out/ (gitignored): gen-transactions seed 7, 1,000,000 and
// 10,000,000 rows. Peak memory is the process's maximum resident set size.
//
// 1. `retain cohort FILE` whole process ÷ a DuckDB node-api script doing the same
//    from the same CSV (bench/duckdb-cohort.mjs, DuckDB's default threads).
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
const generator = process.env.RETAIN_GEN ?? "/work/shared/tools/gen-transactions.mjs";
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

if (args[0] === "--child") await child(args[1], args[2]);
else await main();

async function main() {
  const runs = Number(option("--runs", 3));
  ensureBuilt();
  fs.mkdirSync(outDir, { recursive: true });
  const file1m = ensureData(1_000_000);
  console.log(`Retain cohort benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${new Date().toISOString()}`);
  console.log(`monthly retention table; gen-transactions --seed 7; times are medians of ${runs} runs unless noted\n`);

  console.log(`1,000,000 rows (${mb(fs.statSync(file1m).size)} MB CSV)`);
  const cli1 = measureProcess(["bin/retain.js", "cohort", file1m], runs);
  const duck1 = measureProcess(["bench/duckdb-cohort.mjs", file1m], runs, cli1.order);
  sameOutput(cli1.stdout, duck1.stdout);
  line("retain cohort FILE (whole process)", cli1);
  line("DuckDB node-api script, same CSV", duck1);
  ratio("retain ÷ DuckDB", cli1.seconds / duck1.seconds, 0.7);

  const fn = runChild("function", file1m);
  const table = runChild("duckdb-table", file1m);
  if (fn.table !== table.table) throw new Error("RETAIN.COHORT and DuckDB disagree");
  console.log(`  ${"RETAIN.COHORT on Excel-shaped arrays".padEnd(44)} ${fn.seconds.toFixed(3)} s   (median of ${fn.runs}; process peak ${fn.peakMB} MB incl. the arrays)`);
  console.log(`  ${"DuckDB query on the table, threads = 1".padEnd(44)} ${table.seconds.toFixed(3)} s   (median of ${table.runs}; process peak ${table.peakMB} MB)`);
  ratio("RETAIN.COHORT ÷ DuckDB (1 thread)", fn.seconds / table.seconds, 1.0);

  if (args.includes("--skip-10m")) return;
  const file10m = ensureData(10_000_000);
  console.log(`\n10,000,000 rows (${mb(fs.statSync(file10m).size)} MB CSV), one run each`);
  const cli10 = measureProcess(["bin/retain.js", "cohort", file10m], 1);
  const duck10 = measureProcess(["bench/duckdb-cohort.mjs", file10m], 1);
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

/** Runs `node ARGS` `runs` times under /usr/bin/time; median wall time and peak RSS. */
function measureProcess(nodeArgs, runs) {
  const times = [];
  let peak = 0;
  let stdout = "";
  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  for (let r = 0; r < runs; r++) {
    const report = path.join(os.tmpdir(), `retain-bench-${process.pid}.time`);
    const command = timeBin ? timeBin : process.execPath;
    const commandArgs = timeBin ? ["-f", "%M", "-o", report, process.execPath, ...nodeArgs] : nodeArgs;
    const start = performance.now();
    const done = spawnSync(command, commandArgs, { cwd: root, maxBuffer: 1 << 28, encoding: "utf8" });
    const seconds = (performance.now() - start) / 1000;
    if (done.status !== 0) throw new Error(`node ${nodeArgs.join(" ")} failed: ${done.stderr}`);
    times.push(seconds);
    stdout = done.stdout;
    if (timeBin) peak = Math.max(peak, Number(fs.readFileSync(report, "utf8").trim().split("\n").pop()) / 1024);
  }
  return { seconds: median(times), all: times, peakMB: Math.round(peak), stdout };
}

function runChild(mode, file) {
  const done = spawnSync(process.execPath, ["--max-old-space-size=4096", fileURLToPath(import.meta.url), "--child", mode, file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  if (done.status !== 0) throw new Error(`${mode} failed: ${done.stderr}`);
  return JSON.parse(done.stdout);
}

/** In a child process: time RETAIN.COHORT or DuckDB's single-threaded query, print JSON. */
async function child(mode, file) {
  const runs = 5;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const times = [];
  let table;
  if (mode === "function") {
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
      const y = +text.slice(a + 1, a + 5), m = +text.slice(a + 6, a + 8), d = +text.slice(a + 9, a + 11);
      dates.push([Date.UTC(y, m - 1, d) / 86400000 + 25569]);
      values.push([+text.slice(b + 1)]);
    }
    lines.length = 0;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      table = fns.cohort(ids, dates, values);
      times.push((performance.now() - start) / 1000);
    }
  } else {
    lines.length = 0;
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const { cohortSql, toTable } = await import("./duckdb-cohort.mjs");
    const instance = await DuckDBInstance.create(":memory:");
    const duck = await instance.connect();
    await duck.run(`CREATE TABLE t AS SELECT customer_id AS id, order_date AS d, revenue FROM read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'revenue': 'DOUBLE'})`);
    await duck.run("SET threads = 1");
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      table = toTable((await duck.runAndReadAll(cohortSql("t"))).getRowObjectsJS());
      times.push((performance.now() - start) / 1000);
    }
  }
  const csv = table.map((row) => row.join(",")).join("\n");
  process.stdout.write(JSON.stringify({ seconds: median(times), runs, all: times, peakMB: Math.round(process.resourceUsage().maxRSS / 1024), table: csv }));
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
