import * as fs from "fs";
import { failure } from "../retain-failure";
import { customerSummary, rfm, rfmSegment } from "../../../src/core/cohort";
import { dateCellToDay, readTransactions } from "../../../src/core/transactions";
import { dataDir } from "../../shared-data";

/** the published data sets (shared/data/SOURCES.md) */
const data = dataDir;

function csv(file: string): string[][] {
  return fs.readFileSync(`${data}/${file}`, "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
}

describe("customerSummary", () => {
  test("example", () => {
    const tx = readTransactions(["a", "a", "a", "b"], ["2024-01-01", "2024-01-01", "2024-01-15", "2024-01-08"], [10, 5, 30, 7]);
    expect(customerSummary(tx, { timeUnit: "W" })).toEqual([
      ["Customer", "frequency", "recency", "T", "monetary_value"],
      ["a", 1, 2, 2, 30],
      ["b", 0, 0, 1, 0],
    ]);
  });

  test("ignores purchases after the observation end and leaves out customers with none before it", () => {
    const tx = readTransactions(["a", "a", "b"], ["2024-01-01", "2024-03-01", "2024-02-15"], undefined);
    expect(customerSummary(tx, { observationEnd: dateCellToDay("2024-01-31", "observation_end", "CUSTOMER_SUMMARY"), timeUnit: "M" })).toEqual([
      ["Customer", "frequency", "recency", "T", "monetary_value"],
      ["a", 0, 0, 1, ""],
    ]);
  });

  // CDNOW 1/10 sample (Fader & Hardie; cdnowElog.csv from BTYD), calibration period to
  // 1997-09-30, in weeks: lifetimes' published summaries, printed to two decimals.
  test("CDNOW calibration summary equals cdnow_customers_summary.csv and its zbar", () => {
    const elog = csv("cdnowElog.csv");
    const ids = elog.map((r) => Number(r[1]));
    const dates = elog.map((r) => `${r[2].slice(0, 4)}-${r[2].slice(4, 6)}-${r[2].slice(6, 8)}`);
    const values = elog.map((r) => Number(r[4]));
    const tx = readTransactions(ids, dates, values);
    const table = customerSummary(tx, { observationEnd: dateCellToDay("1997-09-30", "observation_end", "test"), timeUnit: "W" });
    const ours = new Map(table.slice(1).map((row) => [String(row[0]), row.slice(1) as number[]]));
    const expected = csv("cdnow_customers_summary.csv");
    const zbar = new Map(csv("cdnow_customers_summary_with_transactions.csv").map((r) => [r[0], Number(r[4])]));
    expect(ours.size).toBe(expected.length);
    expect(expected.length).toBe(2357);
    for (const [id, frequency, recency, T] of expected) {
      const row = ours.get(id) as number[];
      expect(row[0]).toBe(Number(frequency));
      // two published decimals: within half a unit of the last place (plus float slack)
      expect(Math.abs(row[1] - Number(recency))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(row[2] - Number(T))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(row[3] - (zbar.get(id) as number))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  test("bad input", () => {
    const empty = readTransactions([], [], undefined);
    expect(failure(() => customerSummary(empty, { fn: "CUSTOMER_SUMMARY" }))).toBe("CUSTOMER_SUMMARY requires at least one transaction in customer_ids and dates");
  });
});

describe("rfm", () => {
  test("example", () => {
    const tx = readTransactions(["a", "b", "a"], ["2024-01-01", "2024-01-20", "2024-01-31"], [10, 50, 15]);
    expect(rfm(tx)[1]).toEqual(["a", 0, 2, 25, 3, 3, 1, "331", "Need attention"]);
  });

  test("quintile scores: ten customers with distinct values score 1,1,2,2,…,5,5; ties share a score", () => {
    const ids: string[] = [];
    const dates: string[] = [];
    const values: number[] = [];
    for (let c = 0; c < 10; c++) {
      for (let k = 0; k <= c; k++) {
        ids.push(`c${c}`);
        dates.push(`2024-01-${String(c + 1).padStart(2, "0")}`);
        values.push(c === 9 ? 0.5 : 10); // c9: most orders, least revenue
      }
    }
    const table = rfm(readTransactions(ids, dates, values));
    expect(table[0]).toEqual(["Customer", "Recency (days)", "Orders", "Revenue", "R", "F", "M", "RFM", "Segment"]);
    expect(table.slice(1).map((row) => row[4])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(table.slice(1).map((row) => row[5])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(table[10].slice(4)).toEqual([5, 5, 1, "551", "Champions"]);
    expect(table[1].slice(4)).toEqual([1, 1, 1, "111", "Lost"]);
    const tied = rfm(readTransactions(["a", "b", "c"], ["2024-01-01", "2024-01-01", "2024-01-01"], [1, 1, 1]));
    expect(tied.slice(1).map((row) => row[7])).toEqual(["111", "111", "111"]);
  });

  test("every R × F cell has one of the eleven segments", () => {
    const names = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) names.add(rfmSegment(r, f));
    expect([...names].sort()).toEqual(
      ["About to sleep", "At risk", "Can't lose them", "Champions", "Hibernating", "Lost", "Loyal", "Need attention", "New", "Potential loyalist", "Promising"].sort(),
    );
  });

  test("as_of: recency is measured to it and later transactions are ignored", () => {
    const tx = readTransactions(["a", "b", "a"], ["2024-01-01", "2024-01-20", "2024-01-31"], [10, 50, 15]);
    const table = rfm(tx, { asOf: dateCellToDay("2024-01-10", "as_of", "RFM") });
    expect(table.length).toBe(2);
    expect(table[1].slice(0, 4)).toEqual(["a", 9, 1, 10]);
  });

  test("bad input", () => {
    const tx = readTransactions(["a"], ["2024-01-01"], undefined);
    expect(failure(() => rfm(tx, { fn: "RFM" }))).toBe("RFM requires values");
  });
});
