/**
 * The RETAIN.* cohort wrappers as Excel calls them: 2-D ranges, omitted optional
 * arguments as null, errors as CustomFunctions.Error with a message.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { duckCohort, duckGrowth, expectSameTable, generate, loadCsv, openDuck, readColumns } from "../core/cohort/oracle";
import { excelErrorOf, installCustomFunctionsStub } from "./custom-functions-stub";

installCustomFunctionsStub();

type Module = typeof import("../../src/functions/cohort-functions");
let fns: Module;
beforeAll(async () => {
  fns = await import("../../src/functions/cohort-functions");
});

const col = (cells: unknown[]) => cells.map((c) => [c]);

function excelError(run: () => unknown): { code: string; message: string } {
  const [code, message] = excelErrorOf(run);
  return { code, message };
}

// Desktop Excel: a whole-column reference with a header and blank cells as 0.
const ids = col(["Customer", "a", "b", "a", 0, 0]);
const dates = col(["Date", 45306, 45322, 45325, 0, 0]); // 2024-01-15, 2024-01-31, 2024-02-03
const values = col(["Amount", 10, 20, 5, 0, 0]);

describe("RETAIN.COHORT", () => {
  test("skips the header and blank rows, defaults to monthly retention", () => {
    expect(fns.cohort(ids, dates, null as never, null as never, null as never, null as never, null as never)).toEqual([
      ["Cohort", "Customers", 0, 1],
      ["2024-01", 2, 1, 0.5],
      ["All cohorts", 2, 1, 0.5],
    ]);
  });

  test("period, metric and mode words", () => {
    expect(fns.cohort(ids, dates, values, "Month", "LTV")[1]).toEqual(["2024-01", 2, 15, 17.5]);
    expect(fns.cohort(ids, dates, undefined, "week", "customers", "on_or_after")[1]).toEqual(["2024-W03", 1, 1, 1, 1]);
  });

  test("no cell is null or NaN", () => {
    for (const metric of ["retention", "customers", "revenue", "revenue_retention", "ltv"]) {
      for (const row of fns.cohort(ids, dates, values, "day", metric) as unknown[][]) {
        for (const cell of row) expect(typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell))).toBe(true);
      }
    }
  });

  test("values are read only for the revenue metrics", () => {
    const text = col(["Amount", 10, "n/a", 5, 0, 0]);
    expect(fns.cohort(ids, dates, text)).toEqual(fns.cohort(ids, dates));
    expect(fns.cohort(ids, dates, text, "month", "customers")).toEqual(fns.cohort(ids, dates, undefined, "month", "customers"));
    expect(excelError(() => fns.cohort(ids, dates, text, "month", "revenue")).message).toBe('RETAIN.COHORT requires values row 3 to be a number, not "n/a"');
  });

  test("bad input becomes #VALUE! with the core message", () => {
    expect(excelError(() => fns.cohort(ids, dates, values, "monthly"))).toEqual({
      code: "#VALUE!",
      message: 'RETAIN.COHORT requires period to be one of day, week, month, quarter, year, not "monthly"',
    });
    expect(excelError(() => fns.cohort(ids, dates, undefined, "month", "revenue")).message).toBe('RETAIN.COHORT requires values for metric "revenue"');
    expect(excelError(() => fns.cohort(col(["a", "b"]), col([45306, "soon"]))).message).toBe('RETAIN.COHORT requires dates row 2 to be a date, not "soon"');
    expect(excelError(() => fns.cohort(col(["a"]), col(["03/04/2024"]), undefined, undefined, undefined, undefined, "YMD")).message).toBe(
      'RETAIN.COHORT requires date_order to be one of DMY, MDY, not "YMD"',
    );
    expect(excelError(() => fns.cohort([["a", "b"], ["c", "d"]], dates)).message).toBe("RETAIN.COHORT requires customer_ids to be a single column or row");
  });

  test("date_order reads an ambiguous slash column", () => {
    const slash = col(["03/04/2024", "03/05/2024"]);
    expect(excelError(() => fns.cohort(col(["a", "a"]), slash)).message).toContain("requires date_order");
    expect(fns.cohort(col(["a", "a"]), slash, undefined, "month", "customers", "on", "DMY")[1]).toEqual(["2024-04", 1, 1, 1]);
  });
});

describe("RETAIN.GROWTH_ACCOUNTING", () => {
  test("a row per period", () => {
    expect(fns.growth_accounting(ids, dates, values)).toEqual([
      ["Period", "Active", "New", "Retained", "Resurrected", "Churned", "New revenue", "Retained revenue", "Resurrected revenue", "Total revenue", "Quick ratio"],
      ["2024-01", 2, 2, 0, 0, 0, 30, 0, 0, 30, ""],
      ["2024-02", 1, 0, 1, 0, 1, 0, 5, 0, 5, 0],
    ]);
  });
});

describe("RETAIN.CUSTOMER_SUMMARY", () => {
  test("observation_end as a serial or as text, time units", () => {
    const days = fns.customer_summary(ids, dates, values, 45325);
    expect(days).toEqual([
      ["Customer", "frequency", "recency", "T", "monetary_value"],
      ["a", 1, 19, 19, 5],
      ["b", 0, 0, 3, 0],
    ]);
    expect(fns.customer_summary(ids, dates, values, "2024-02-03", "w")[1]).toEqual(["a", 1, 19 / 7, 19 / 7, 5]);
    expect(fns.customer_summary(ids, dates, values, [["2024-01-31"]])[1]).toEqual(["a", 0, 0, 16, 0]);
    expect(excelError(() => fns.customer_summary(ids, dates, values, "later")).message).toBe('RETAIN.CUSTOMER_SUMMARY requires observation_end to be a date, not "later"');
    expect(excelError(() => fns.customer_summary(ids, dates, values, null, "Y")).message).toBe('RETAIN.CUSTOMER_SUMMARY requires time_unit to be one of D, W, M, not "Y"');
  });
});

describe("RETAIN.RFM", () => {
  test("scores and segments; values are required", () => {
    expect(fns.rfm_scores(ids, dates, values)[1]).toEqual(["a", 0, 2, 15, 3, 3, 1, "331", "Need attention"]);
    expect(excelError(() => fns.rfm_scores(ids, dates, null as never)).message).toBe("RETAIN.RFM requires values");
    // slash dates that read both ways need date_order, as in the other cohort functions
    const slashes = [["03/04/2024"], ["05/06/2024"]];
    expect(excelError(() => fns.rfm_scores([["a"], ["b"]], slashes, [[1], [2]])).message).toContain("date_order");
    expect(fns.rfm_scores([["a"], ["b"]], slashes, [[1], [2]], null, "DMY")[1].slice(0, 2)).toEqual(["a", 63]);
  });
});

describe("RETAIN.COHORT on Excel-shaped ranges equals DuckDB", () => {
  let duck: DuckDBConnection;
  afterAll(() => duck?.closeSync());
  test("seed 5, 20,000 shuffled rows, string ids, serial dates", async () => {
    const gen = generate(20000, 5, { date: "serial", shuffle: true });
    duck = await openDuck();
    await loadCsv(duck, gen);
    const { ids: i, dates: d, values: v } = readColumns(gen.file);
    const range = { ids: col(i), dates: col(d.map(Number)), values: col(v) };
    expectSameTable(fns.cohort(range.ids, range.dates, range.values) as (string | number)[][], await duckCohort(duck, "month", "retention", "on"));
    expectSameTable(fns.cohort(range.ids, range.dates, range.values, "week", "ltv") as (string | number)[][], await duckCohort(duck, "week", "ltv", "on"));
    expectSameTable(fns.growth_accounting(range.ids, range.dates, range.values, "quarter") as (string | number)[][], await duckGrowth(duck, "quarter", true));
  });
});
