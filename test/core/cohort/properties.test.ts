/**
 * Invariants of the cohort engine on random transaction logs (fast-check, fixed seed).
 */
import fc from "fast-check";
import { cohortTable, customerSummary, growthAccounting, Period, rfm } from "../../../src/core/cohort";
import { countActive } from "../../../src/core/cohort/cohort-table";
import { readTransactions, Transactions } from "../../../src/core/transactions";

const row = fc.record({
  id: fc.oneof(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"), fc.integer({ min: 1, max: 30 })),
  serial: fc.integer({ min: 45000, max: 45100 }), // 2023-03-15 … 2023-06-23: daily tables stay small
  value: fc.oneof(fc.integer({ min: -50, max: 500 }), fc.double({ min: 0, max: 1000, noNaN: true })),
});
const log = fc.array(row, { minLength: 1, maxLength: 120 });
const period = fc.constantFrom<Period>("day", "week", "month", "quarter", "year");
const options = { numRuns: 80, seed: 7 };

function read(rows: { id: string | number; serial: number; value: number }[]): Transactions {
  return readTransactions(
    rows.map((r) => r.id),
    rows.map((r) => r.serial),
    rows.map((r) => r.value),
  );
}

/** A table with its customer rows sorted, for tables whose row order is the order of first appearance. */
const byCustomer = (table: (string | number)[][]) => [table[0], ...table.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0])))];

function close(a: (string | number)[][], b: (string | number)[][]): void {
  if (a.length !== b.length) throw new Error(`${a.length} rows, not ${b.length}`);
  a.forEach((r, i) =>
    r.forEach((cell, j) => {
      const other = b[i][j];
      const same = typeof cell === "number" && typeof other === "number" ? Math.abs(cell - other) <= 1e-9 * Math.max(1, Math.abs(other)) : cell === other;
      if (!same) throw new Error(`row ${i} column ${j}: ${cell} is not ${other}`);
    }),
  );
}

describe("cohort engine invariants", () => {
  test("permuting rows changes nothing", () => {
    fc.assert(
      fc.property(log, period, fc.integer(), (rows, p, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0];
        const a = read(rows);
        const b = read(shuffled);
        for (const metric of ["retention", "customers", "revenue", "revenue_retention", "ltv"] as const) {
          close(cohortTable(a, { period: p, metric }), cohortTable(b, { period: p, metric }));
        }
        close(cohortTable(a, { period: p, mode: "on_or_after" }), cohortTable(b, { period: p, mode: "on_or_after" }));
        close(growthAccounting(a, { period: p }), growthAccounting(b, { period: p }));
        close(byCustomer(customerSummary(a)), byCustomer(customerSummary(b)));
        close(byCustomer(rfm(a)), byCustomer(rfm(b)));
      }),
      options,
    );
  });

  test("retention is in [0, 1], offset 0 is 1, and on_or_after ≥ on cell by cell", () => {
    fc.assert(
      fc.property(log, period, (rows, p) => {
        const tx = read(rows);
        const on = cohortTable(tx, { period: p });
        const after = cohortTable(tx, { period: p, mode: "on_or_after" });
        for (let r = 1; r < on.length; r++) {
          if (on[r][2] !== 1) throw new Error(`row ${r}: offset 0 is ${on[r][2]}`);
          for (let k = 2; k < on[r].length; k++) {
            const cell = on[r][k];
            const later = after[r][k];
            if (cell === "" && later === "") continue;
            if (!(typeof cell === "number" && typeof later === "number" && cell >= 0 && cell <= later && later <= 1)) {
              throw new Error(`row ${r} offset ${k - 2}: on ${cell}, on_or_after ${later}`);
            }
          }
        }
      }),
      options,
    );
  });

  test("growth accounting: revenue parts sum to the total, customers add up", () => {
    fc.assert(
      fc.property(log, period, (rows, p) => {
        const tx = read(rows);
        const table = growthAccounting(tx, { period: p });
        let revenue = 0;
        let previousActive = 0;
        for (const [, active, nw, retained, resurrected, churned, rn, rr, rs, total] of table.slice(1) as number[][]) {
          expect(rn + rr + rs).toBeCloseTo(total, 6);
          expect(nw + retained + resurrected).toBe(active);
          expect(retained + churned).toBe(previousActive);
          previousActive = active;
          revenue += total;
        }
        expect(revenue).toBeCloseTo(rows.reduce((s, r) => s + r.value, 0), 6);
        // every customer is new exactly once
        expect(table.slice(1).reduce((s, r) => s + (r[2] as number), 0)).toBe(tx.customerIds.length);
      }),
      options,
    );
  });

  test("no cell is null, undefined or NaN", () => {
    fc.assert(
      fc.property(log, period, (rows, p) => {
        const tx = read(rows);
        const tables = [cohortTable(tx, { period: p, metric: "revenue_retention" }), cohortTable(tx, { period: p, metric: "ltv" }), growthAccounting(tx, { period: p }), customerSummary(tx, { timeUnit: "M" }), rfm(tx)];
        for (const table of tables) for (const r of table) for (const cell of r) if (!(typeof cell === "string" || Number.isFinite(cell))) throw new Error(`bad cell ${cell}`);
      }),
      options,
    );
  });

  test("countActive: the bits and the grouped rows count the same, in both modes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ customer: fc.nat(40), period: fc.nat(70) }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom<"on" | "on_or_after">("on", "on_or_after"),
        (rows, mode) => {
          // Day d is period d: a lookup of 71 periods (three words of bits).
          const P = 71;
          const lookup = Int32Array.from({ length: P }, (_, d) => d);
          const customer = Int32Array.from(rows, (r) => r.customer);
          const day = Int32Array.from(rows, (r) => r.period);
          const bitsCell = new Float64Array(P * P);
          const groupedCell = new Float64Array(P * P);
          const bitsFirst = countActive(customer, day, lookup, 0, 41, P, mode, bitsCell);
          const groupedFirst = countActive(customer, day, lookup, 0, 41, P, mode, groupedCell, 0);
          expect(Array.from(bitsFirst)).toEqual(Array.from(groupedFirst));
          expect(Array.from(bitsCell)).toEqual(Array.from(groupedCell));
          // and what they count, from the definition
          for (let c = 0; c <= 40; c++) {
            const own = rows.filter((r) => r.customer === c).map((r) => r.period);
            expect(bitsFirst[c]).toBe(own.length ? Math.min(...own) : P);
          }
          const f = bitsFirst[rows[0].customer];
          const offsets = new Set(rows.filter((r) => bitsFirst[r.customer] === f).map((r) => `${r.customer}:${r.period - f}`));
          const active = (k: number) => new Set([...offsets].filter((o) => (mode === "on" ? Number(o.split(":")[1]) === k : Number(o.split(":")[1]) >= k)).map((o) => o.split(":")[0])).size;
          for (let k = 0; k < P - f; k++) expect(bitsCell[f * P + k]).toBe(active(k));
        },
      ),
      options,
    );
  });
});
