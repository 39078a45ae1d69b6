import { failure } from "../retain-failure";
import { cohortTable, growthAccounting, parseMetric, parseMode, parsePeriod, periodKey, periodLabel } from "../../../src/core/cohort";
import { daysFromCivil, readTransactions } from "../../../src/core/transactions";

const day = (text: string) => {
  const [y, m, d] = text.split("-").map(Number);
  return daysFromCivil(y, m, d);
};

describe("periods", () => {
  test("examples", () => {
    expect(periodKey(19737, "month")).toBe(24288);
    expect(periodKey(0, "week")).toBe(0);
    expect(periodLabel(periodKey(19737, "week"), "week")).toBe("2024-W03");
  });

  test.each([
    ["2024-01-15", "day", "2024-01-15"],
    ["2024-01-15", "week", "2024-W03"],
    ["2024-01-01", "week", "2024-W01"], // a Monday
    ["2023-01-01", "week", "2022-W52"], // a Sunday: the ISO year is 2022
    ["2020-12-31", "week", "2020-W53"],
    ["2021-01-03", "week", "2020-W53"],
    ["2019-12-30", "week", "2020-W01"],
    ["2024-01-15", "month", "2024-01"],
    ["2024-12-31", "quarter", "2024-Q4"],
    ["2024-04-01", "quarter", "2024-Q2"],
    ["2024-01-15", "year", "2024"],
  ] as const)("%s by %s is %s", (date, period, label) => {
    expect(periodLabel(periodKey(day(date), period), period)).toBe(label);
  });

  test("weeks start on Monday", () => {
    expect(periodKey(day("2024-01-14"), "week") + 1).toBe(periodKey(day("2024-01-15"), "week"));
    expect(periodKey(day("2024-01-21"), "week")).toBe(periodKey(day("2024-01-15"), "week"));
  });

  test("word arguments: defaults, any case, and errors that list the valid words", () => {
    expect(parsePeriod("Week", "COHORT")).toBe("week");
    expect(parsePeriod(null, "COHORT")).toBe("month");
    expect(parseMetric(undefined, "COHORT")).toBe("retention");
    expect(parseMode(" ON_OR_AFTER ", "COHORT")).toBe("on_or_after");
    expect(failure(() => parsePeriod("monthly", "COHORT"))).toBe('COHORT requires period to be one of day, week, month, quarter, year, not "monthly"');
    expect(failure(() => parseMetric(3, "COHORT"))).toBe("COHORT requires metric to be one of retention, customers, revenue, revenue_retention, ltv, not 3");
    expect(failure(() => parseMode("after", "COHORT"))).toBe('COHORT requires mode to be one of on, on_or_after, not "after"');
  });
});

describe("cohortTable", () => {
  // a: Jan, Mar; b: Jan; c: Feb, Mar; d: Mar
  const ids = ["a", "b", "a", "c", "c", "d", "a"];
  const dates = ["2024-01-05", "2024-01-20", "2024-03-03", "2024-02-10", "2024-03-01", "2024-03-31", "2024-03-09"];
  const values = [10, 20, 5, 8, 4, -2, 1];
  const tx = readTransactions(ids, dates, values);

  test("example", () => {
    const small = readTransactions(["a", "b", "a"], ["2024-01-05", "2024-01-20", "2024-02-03"], undefined);
    expect(cohortTable(small)).toEqual([
      ["Cohort", "Customers", 0, 1],
      ["2024-01", 2, 1, 0.5],
      ["All cohorts", 2, 1, 0.5],
    ]);
  });

  test("retention, on: blank past the last period, pooled over cohorts that reached each offset", () => {
    expect(cohortTable(tx)).toEqual([
      ["Cohort", "Customers", 0, 1, 2],
      ["2024-01", 2, 1, 0, 0.5],
      ["2024-02", 1, 1, 1, ""],
      ["2024-03", 1, 1, "", ""],
      ["All cohorts", 4, 1, 1 / 3, 0.5],
    ]);
  });

  test("retention, on_or_after counts a customer until its last active offset", () => {
    expect(cohortTable(tx, { mode: "on_or_after" })[1]).toEqual(["2024-01", 2, 1, 0.5, 0.5]);
    expect(cohortTable(tx, { metric: "customers", mode: "on_or_after" })[4]).toEqual(["All cohorts", 4, 4, 2, 1]);
  });

  test("revenue metrics (refunds included)", () => {
    expect(cohortTable(tx, { metric: "revenue" })).toEqual([
      ["Cohort", "Customers", 0, 1, 2],
      ["2024-01", 2, 30, 0, 6],
      ["2024-02", 1, 8, 4, ""],
      ["2024-03", 1, -2, "", ""],
      ["All cohorts", 4, 36, 4, 6],
    ]);
    expect(cohortTable(tx, { metric: "revenue_retention" })[1]).toEqual(["2024-01", 2, 1, 0, 0.2]);
    expect(cohortTable(tx, { metric: "revenue_retention" })[4]).toEqual(["All cohorts", 4, 1, 4 / 38, 0.2]);
    expect(cohortTable(tx, { metric: "ltv" })[1]).toEqual(["2024-01", 2, 15, 15, 18]);
    expect(cohortTable(tx, { metric: "ltv" })[4]).toEqual(["All cohorts", 4, 9, 42 / 3, 18]);
  });

  test("cohorts without customers have no row; quiet offsets are 0, not blank", () => {
    const gap = readTransactions(["a", "b", "a"], ["2024-01-05", "2024-03-20", "2024-04-03"], undefined);
    expect(cohortTable(gap, { metric: "customers" })).toEqual([
      ["Cohort", "Customers", 0, 1, 2, 3],
      ["2024-01", 1, 1, 0, 0, 1],
      ["2024-03", 1, 1, 0, "", ""],
      ["All cohorts", 2, 2, 0, 0, 1],
    ]);
  });

  test("revenue_retention is blank where a cohort had no revenue in offset 0", () => {
    const zero = readTransactions(["a", "a"], ["2024-01-05", "2024-02-05"], [0, 5]);
    expect(cohortTable(zero, { metric: "revenue_retention" })[1]).toEqual(["2024-01", 1, "", ""]);
  });

  test("bad input", () => {
    const noValues = readTransactions(ids, dates, undefined);
    expect(failure(() => cohortTable(noValues, { metric: "ltv", fn: "COHORT" }))).toBe('COHORT requires values for metric "ltv"');
    expect(failure(() => cohortTable(tx, { metric: "revenue", mode: "on_or_after", fn: "COHORT" }))).toBe(
      'COHORT requires mode "on" for metric "revenue": "on_or_after" applies to customers and retention only',
    );
    const empty = readTransactions([0, null], [0, ""], undefined);
    expect(failure(() => cohortTable(empty, { fn: "COHORT" }))).toBe("COHORT requires at least one transaction in customer_ids and dates");
  });
});

describe("growthAccounting", () => {
  test("example", () => {
    const small = readTransactions(["a", "b", "a"], ["2024-01-05", "2024-01-20", "2024-02-03"], [10, 20, 5]);
    expect(growthAccounting(small)[2]).toEqual(["2024-02", 1, 0, 1, 0, 1, 0, 5, 0, 5, 0]);
  });

  test("new, retained, resurrected, churned, quiet periods, quick ratio", () => {
    // a: Jan, Mar (resurrected); b: Jan; c: Feb; none in Apr; d: May
    const tx = readTransactions(["a", "b", "c", "a", "d"], ["2024-01-01", "2024-01-02", "2024-02-01", "2024-03-01", "2024-05-01"], [1, 2, 3, 4, 5]);
    expect(growthAccounting(tx)).toEqual([
      ["Period", "Active", "New", "Retained", "Resurrected", "Churned", "New revenue", "Retained revenue", "Resurrected revenue", "Total revenue", "Quick ratio"],
      ["2024-01", 2, 2, 0, 0, 0, 3, 0, 0, 3, ""],
      ["2024-02", 1, 1, 0, 0, 2, 3, 0, 0, 3, 0.5],
      ["2024-03", 1, 0, 0, 1, 1, 0, 0, 4, 4, 1],
      ["2024-04", 0, 0, 0, 0, 1, 0, 0, 0, 0, 0],
      ["2024-05", 1, 1, 0, 0, 0, 5, 0, 0, 5, ""],
    ]);
  });

  test("without values the revenue columns are blank", () => {
    const tx = readTransactions(["a", "a"], ["2024-01-01", "2024-02-01"], undefined);
    expect(growthAccounting(tx)[2]).toEqual(["2024-02", 1, 0, 1, 0, 0, "", "", "", "", ""]);
  });
});
