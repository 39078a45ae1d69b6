/**
 * DuckDB as the oracle for the cohort engine: the same cohort, growth and summary
 * tables computed in SQL on a CSV from shared/tools/gen-transactions.mjs.
 * SQL does every aggregation; the helpers here only divide and place cells.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { Table } from "../../../src/core/cohort";
import { generator } from "../../shared-data";

export { generator };

export interface Generated {
  file: string;
  dateFormat: "iso" | "dmy" | "serial";
}

/** Writes (once per process) a generated transaction log and returns its path. */
export function generate(rows: number, seed: number, options: { date?: "iso" | "dmy" | "serial"; shuffle?: boolean; months?: number } = {}): Generated {
  const dateFormat = options.date ?? "iso";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "retain-oracle-"));
  const file = path.join(dir, `tx-${rows}-${seed}-${dateFormat}${options.shuffle ? "-shuffled" : ""}.csv`);
  const args = [generator, "--rows", String(rows), "--seed", String(seed), "--date", dateFormat, "--months", String(options.months ?? 24)];
  if (options.shuffle) args.push("--shuffle");
  fs.writeFileSync(file, execFileSync(process.execPath, args, { maxBuffer: 1 << 30 }));
  return { file, dateFormat };
}

/** The generated CSV as three columns of cells, the way a simple import would put them in Excel. */
export function readColumns(file: string): { ids: string[]; dates: string[]; values: number[] } {
  const lines = fs.readFileSync(file, "utf8").trim().split("\n").slice(1);
  const ids: string[] = [];
  const dates: string[] = [];
  const values: number[] = [];
  for (const line of lines) {
    const [id, date, value] = line.split(",");
    ids.push(id);
    dates.push(date);
    values.push(Number(value));
  }
  return { ids, dates, values };
}

export async function openDuck(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  return instance.connect();
}

/** Loads a generated CSV into table t(id, d DATE, revenue DOUBLE). */
export async function loadCsv(duck: DuckDBConnection, gen: Generated, table = "t"): Promise<void> {
  const dateExpr =
    gen.dateFormat === "dmy"
      ? "strptime(order_date, '%d.%m.%Y')::DATE"
      : gen.dateFormat === "serial"
        ? "(DATE '1899-12-30' + CAST(order_date AS INTEGER))"
        : "CAST(order_date AS DATE)";
  await duck.run(
    `CREATE OR REPLACE TABLE ${table} AS SELECT customer_id AS id, ${dateExpr} AS d, revenue
     FROM read_csv('${gen.file}', header = true, columns = {'customer_id': 'VARCHAR', 'order_date': 'VARCHAR', 'revenue': 'DOUBLE'})`,
  );
}

type Unit = "day" | "week" | "month" | "quarter" | "year";

function diff(unit: Unit, a: string, b: string): string {
  if (unit === "week") return `(date_diff('day', ${a}, ${b}) // 7)`;
  return `date_diff('${unit}', ${a}, ${b})`;
}

function label(unit: Unit, x: string): string {
  switch (unit) {
    case "day":
      return `strftime(${x}, '%Y-%m-%d')`;
    case "week":
      return `strftime(${x}, '%G-W%V')`;
    case "month":
      return `strftime(${x}, '%Y-%m')`;
    case "quarter":
      return `strftime(${x}, '%Y') || '-Q' || quarter(${x})`;
    case "year":
      return `strftime(${x}, '%Y')`;
  }
}

async function rows(duck: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await duck.runAndReadAll(sql);
  return reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

/** The cohort table the engine should give, from SQL aggregates over table t. */
export async function duckCohort(duck: DuckDBConnection, unit: Unit, metric: string, mode: string, table = "t"): Promise<Table> {
  const sql = `
    WITH p AS (SELECT id, date_trunc('${unit}', d)::DATE AS ps, revenue FROM ${table}),
    c AS (SELECT id, min(ps) AS cs, max(ps) AS ls FROM p GROUP BY id),
    sz AS (SELECT cs, count(*)::DOUBLE AS n FROM c GROUP BY cs),
    bounds AS (SELECT min(ps) AS fp, max(ps) AS lp FROM p),
    grid AS (SELECT sz.cs, sz.n, g.k FROM sz, bounds, range(0, ${diff(unit, "sz.cs", "bounds.lp")} + 1) AS g(k)),
    act AS (SELECT c.cs, ${diff(unit, "c.cs", "p.ps")} AS k, count(DISTINCT p.id)::DOUBLE AS a, sum(p.revenue) AS r
            FROM p JOIN c USING (id) GROUP BY ALL),
    lastk AS (SELECT cs, ${diff(unit, "cs", "ls")} AS k, count(*)::DOUBLE AS cnt FROM c GROUP BY ALL),
    ooa AS (SELECT grid.cs, grid.k, sum(coalesce(lastk.cnt, 0)) OVER (PARTITION BY grid.cs ORDER BY grid.k DESC) AS a
            FROM grid LEFT JOIN lastk USING (cs, k)),
    cells AS (SELECT grid.cs, grid.k, grid.n, coalesce(act.a, 0) AS a_on, coalesce(ooa.a, 0) AS a_ooa, coalesce(act.r, 0) AS r,
              sum(coalesce(act.r, 0)) OVER (PARTITION BY grid.cs ORDER BY grid.k) AS cum,
              first_value(coalesce(act.r, 0)) OVER (PARTITION BY grid.cs ORDER BY grid.k) AS r0
              FROM grid LEFT JOIN act USING (cs, k) LEFT JOIN ooa USING (cs, k))
    SELECT ${label(unit, "cs")} AS label, k, n, a_on, a_ooa, r, cum, r0, 0 AS pooled, cs FROM cells
    UNION ALL
    SELECT 'All cohorts', k, sum(n), sum(a_on), sum(a_ooa), sum(r), sum(cum), sum(r0), 1, NULL FROM cells GROUP BY k
    ORDER BY pooled, cs, k`;
  const result = await rows(duck, sql);
  const [{ total, K }] = await rows(duck, `SELECT count(DISTINCT id)::DOUBLE AS total, ${diff(unit, "min(date_trunc('" + unit + "', d))", "max(date_trunc('" + unit + "', d))")} AS K FROM ${table}`);
  const header: (string | number)[] = ["Cohort", "Customers"];
  for (let k = 0; k <= (K as number); k++) header.push(k);
  const out: Table = [header];
  const byLabel = new Map<string, (string | number)[]>();
  for (const r of result) {
    const name = r.label as string;
    let row = byLabel.get(name);
    if (!row) {
      row = [name, name === "All cohorts" ? (total as number) : (r.n as number)];
      while (row.length < header.length) row.push("");
      byLabel.set(name, row);
      out.push(row);
    }
    const a = (mode === "on" ? r.a_on : r.a_ooa) as number;
    const n = r.n as number;
    const cell =
      metric === "customers" ? a
      : metric === "retention" ? a / n
      : metric === "revenue" ? (r.r as number)
      : metric === "ltv" ? (r.cum as number) / n
      : (r.r0 as number) === 0 ? "" : (r.r as number) / (r.r0 as number);
    row[2 + (r.k as number)] = cell;
  }
  return out;
}

/** Growth accounting rows (counts and revenue parts) from SQL with window functions. */
export async function duckGrowth(duck: DuckDBConnection, unit: Unit, withRevenue: boolean, table = "t"): Promise<Table> {
  const sql = `
    WITH p AS (SELECT id, date_trunc('${unit}', d)::DATE AS ps, revenue FROM ${table}),
    bounds AS (SELECT min(ps) AS fp, max(ps) AS lp FROM p),
    ap AS (SELECT id, ${diff(unit, "bounds.fp", "ps")} AS pi, sum(revenue) AS r FROM p, bounds GROUP BY id, pi),
    w AS (SELECT id, pi, r, lag(pi) OVER (PARTITION BY id ORDER BY pi) AS prev, lead(pi) OVER (PARTITION BY id ORDER BY pi) AS nxt FROM ap),
    s AS (SELECT *, CASE WHEN prev IS NULL THEN 'new' WHEN prev = pi - 1 THEN 'retained' ELSE 'resurrected' END AS st FROM w),
    periods AS (SELECT g.pi, bounds.fp FROM bounds, range(0, ${diff(unit, "bounds.fp", "bounds.lp")} + 1) AS g(pi)),
    agg AS (SELECT pi, count(*)::DOUBLE AS active,
              count(*) FILTER (st = 'new')::DOUBLE AS nw, count(*) FILTER (st = 'retained')::DOUBLE AS ret,
              count(*) FILTER (st = 'resurrected')::DOUBLE AS res,
              coalesce(sum(r) FILTER (st = 'new'), 0) AS rn, coalesce(sum(r) FILTER (st = 'retained'), 0) AS rr,
              coalesce(sum(r) FILTER (st = 'resurrected'), 0) AS rs, sum(r) AS rt FROM s GROUP BY pi),
    ch AS (SELECT pi + 1 AS pi, count(*)::DOUBLE AS churned FROM s WHERE nxt IS NULL OR nxt > pi + 1 GROUP BY ALL)
    SELECT ${label(unit, `(periods.fp + ${unit === "week" ? "INTERVAL (7 * periods.pi) DAY" : `to_${unit}s(periods.pi::INTEGER)`})::DATE`)} AS label,
      coalesce(active, 0) AS active, coalesce(nw, 0) AS nw, coalesce(ret, 0) AS ret, coalesce(res, 0) AS res,
      coalesce(churned, 0) AS churned, coalesce(rn, 0) AS rn, coalesce(rr, 0) AS rr, coalesce(rs, 0) AS rs, coalesce(rt, 0) AS rt
    FROM periods LEFT JOIN agg USING (pi) LEFT JOIN ch USING (pi) ORDER BY periods.pi`;
  const out: Table = [["Period", "Active", "New", "Retained", "Resurrected", "Churned", "New revenue", "Retained revenue", "Resurrected revenue", "Total revenue", "Quick ratio"]];
  for (const r of await rows(duck, sql)) {
    const churned = r.churned as number;
    out.push([
      r.label as string,
      r.active as number,
      r.nw as number,
      r.ret as number,
      r.res as number,
      churned,
      ...(withRevenue ? [r.rn as number, r.rr as number, r.rs as number, r.rt as number] : ["", "", "", ""]),
      churned === 0 ? "" : ((r.nw as number) + (r.res as number)) / churned,
    ]);
  }
  return out;
}

/** lifetimes' summary_data_from_transaction_data (freq 'D') in SQL, keyed by id. */
export async function duckSummary(duck: DuckDBConnection, end: string, unitDays: number, table = "t"): Promise<Map<string, number[]>> {
  const sql = `
    WITH f AS (SELECT id, d, revenue FROM ${table} WHERE d <= DATE '${end}'),
    daily AS (SELECT id, d, sum(revenue) AS v FROM f GROUP BY id, d),
    c AS (SELECT id, min(d) AS first, max(d) AS last, (count(*) - 1)::DOUBLE AS freq, sum(v) AS total, arg_min(v, d) AS v0 FROM daily GROUP BY id)
    SELECT id::VARCHAR AS id, freq, date_diff('day', first, last) / ${unitDays} AS recency,
      date_diff('day', first, DATE '${end}') / ${unitDays} AS T,
      CASE WHEN freq = 0 THEN 0 ELSE (total - v0) / freq END AS monetary
    FROM c`;
  const out = new Map<string, number[]>();
  for (const r of await rows(duck, sql)) out.set(r.id as string, [r.freq as number, r.recency as number, r.T as number, r.monetary as number]);
  return out;
}

/** Cell-for-cell equality, numbers to a relative 1e-9 (sums differ in order of addition). */
/** The same cell up to 1e-9 relative, with a message naming where. */
function expectSameNumber(actual: number, expected: number, where: string): void {
  if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) throw new Error(`${where}: ${actual} is not ${expected}`);
}

/** A customer-summary table (header, then id, frequency, recency, T, monetary_value) against duckSummary's rows by id. */
export function expectSameSummary(table: Table, expected: Map<string, number[]>): void {
  expect(table.length - 1).toBe(expected.size);
  for (const [id, ...cells] of table.slice(1)) {
    const want = expected.get(String(id));
    if (!want) throw new Error(`customer ${id} is not in DuckDB's summary`);
    cells.forEach((cell, k) => expectSameNumber(cell as number, want[k], `${id} column ${k + 1}`));
  }
}

export function expectSameTable(actual: Table, expected: Table): void {
  expect(actual.length).toBe(expected.length);
  for (let r = 0; r < expected.length; r++) {
    expect(actual[r].length).toBe(expected[r].length);
    for (let c = 0; c < expected[r].length; c++) {
      const a = actual[r][c];
      const e = expected[r][c];
      if (typeof e === "number" && typeof a === "number") {
        expectSameNumber(a, e, `row ${r} column ${c}`);
      } else if (a !== e) {
        throw new Error(`row ${r} column ${c}: ${JSON.stringify(a)} is not ${JSON.stringify(e)}`);
      }
    }
  }
}
