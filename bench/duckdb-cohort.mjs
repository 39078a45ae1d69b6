/* global process */
// The DuckDB side of the cohort benchmark: reads a transaction CSV with DuckDB's
// node-api and prints the same monthly retention table as `retain cohort FILE`
// (SQL does the aggregation; JavaScript only places the cells).
// Usage: node bench/duckdb-cohort.mjs FILE.csv [--threads N]
import { DuckDBInstance } from "@duckdb/node-api";

export const cohortSql = (source) => `
  WITH p AS (SELECT id, date_trunc('month', d)::DATE AS ps FROM ${source}),
  c AS (SELECT id, min(ps) AS cs FROM p GROUP BY id),
  sz AS (SELECT cs, count(*) AS n FROM c GROUP BY cs),
  a AS (SELECT c.cs, date_diff('month', c.cs, p.ps) AS k, count(DISTINCT p.id) AS active FROM p JOIN c USING (id) GROUP BY ALL),
  last AS (SELECT date_diff('month', min(ps), max(ps)) AS K, max(ps) AS lp FROM p)
  SELECT strftime(a.cs, '%Y-%m') AS label, a.k, a.active::DOUBLE AS active, sz.n::DOUBLE AS n, date_diff('month', a.cs, last.lp) AS reach, last.K
  FROM a JOIN sz USING (cs), last ORDER BY a.cs, a.k`;

/** Places the SQL result into the table RETAIN.COHORT spills (retention, mode "on"). */
export function toTable(rows) {
  const K = Number(rows[0].K);
  const header = ["Cohort", "Customers"];
  for (let k = 0; k <= K; k++) header.push(k);
  const table = [header];
  const num = new Float64Array(K + 1);
  const den = new Float64Array(K + 1);
  let total = 0;
  let row;
  for (const r of rows) {
    if (!row || row[0] !== r.label) {
      row = [r.label, r.n, ...Array.from({ length: K + 1 }, (_, k) => (k <= Number(r.reach) ? 0 : ""))];
      table.push(row);
      total += r.n;
      for (let k = 0; k <= Number(r.reach); k++) den[k] += r.n;
    }
    row[2 + Number(r.k)] = r.active / r.n;
    num[Number(r.k)] += r.active;
  }
  table.push(["All cohorts", total, ...Array.from(num, (x, k) => x / den[k])]);
  return table;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const threads = process.argv.indexOf("--threads") > 0 ? Number(process.argv[process.argv.indexOf("--threads") + 1]) : undefined;
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  if (threads) await duck.run(`SET threads = ${threads}`);
  const source = `(SELECT customer_id AS id, order_date AS d FROM read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'revenue': 'DOUBLE'}))`;
  const reader = await duck.runAndReadAll(cohortSql(source));
  const table = toTable(reader.getRowObjectsJS());
  process.stdout.write(table.map((r) => r.join(",")).join("\n") + "\n");
}
