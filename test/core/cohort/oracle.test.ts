/**
 * The engine against DuckDB on generated logs: several seeds, shuffled rows,
 * ISO, day-first dotted and serial dates, every period and metric.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { cohortTable, customerSummary, growthAccounting, Period } from "../../../src/core/cohort";
import { dateCellToDay, readTransactions, Transactions } from "../../../src/core/transactions";
import { duckCohort, duckGrowth, duckSummary, expectSameSummary, expectSameTable, generate, Generated, loadCsv, openDuck, readColumns } from "./oracle";

const cases: { seed: number; rows: number; date: "iso" | "dmy" | "serial"; shuffle: boolean; months: number; periods: Period[] }[] = [
  { seed: 1, rows: 20000, date: "iso", shuffle: false, months: 24, periods: ["week", "month", "quarter", "year"] },
  { seed: 2, rows: 20000, date: "dmy", shuffle: true, months: 24, periods: ["week", "month"] },
  { seed: 3, rows: 8000, date: "serial", shuffle: true, months: 24, periods: ["month"] },
  // a short window keeps the daily tables (one column per day) small
  { seed: 4, rows: 3000, date: "iso", shuffle: true, months: 3, periods: ["day", "week"] },
];

describe.each(cases)("seed $seed, $rows rows, $date dates, shuffled $shuffle", ({ seed, rows, date, shuffle, months, periods }) => {
  let duck: DuckDBConnection;
  let gen: Generated;
  let tx: Transactions;

  beforeAll(async () => {
    gen = generate(rows, seed, { date, shuffle, months });
    duck = await openDuck();
    await loadCsv(duck, gen);
    const { ids, dates, values } = readColumns(gen.file);
    tx = readTransactions(ids, date === "serial" ? dates.map(Number) : dates, values);
  });
  afterAll(() => duck.closeSync());

  test.each(periods)("cohort tables by %s match DuckDB", async (period) => {
    for (const [metric, mode] of [
      ["retention", "on"],
      ["retention", "on_or_after"],
      ["customers", "on"],
      ["customers", "on_or_after"],
      ["revenue", "on"],
      ["revenue_retention", "on"],
      ["ltv", "on"],
    ] as const) {
      expectSameTable(cohortTable(tx, { period, metric, mode }), await duckCohort(duck, period, metric, mode));
    }
  });

  test.each(periods)("growth accounting by %s matches DuckDB", async (period) => {
    expectSameTable(growthAccounting(tx, { period }), await duckGrowth(duck, period, true));
  });

  test("customer summary matches lifetimes' definition in SQL (weeks, observation end inside the data)", async () => {
    const end = months === 3 ? "2023-02-15" : "2024-03-31";
    const table = customerSummary(tx, { observationEnd: dateCellToDay(end, "observation_end", "test"), timeUnit: "W" });
    expectSameSummary(table, await duckSummary(duck, end, 7));
  });
});
