import fc from "fast-check";
import { RetainError } from "../../../src/core/errors";
import { aov, churn, clv, csat, grr, historicClv, nps, nrr, purchaseFrequency, repeatRate, retentionRate, retentionRateIds, revenueChurn } from "../../../src/core/metrics";

/** Asserts that `run` throws a RetainError of the given kind whose message matches. */
function expectError(run: () => unknown, kind: RetainError["kind"], message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RetainError);
  expect((caught as RetainError).kind).toBe(kind);
  expect((caught as RetainError).message).toMatch(message);
}

describe("retentionRate and churn", () => {
  it("gives the seeds' example: 100 at the start, 110 at the end, 20 new → 0.9 retained, 0.1 churned", () => {
    expect(retentionRate(100, 110, 20)).toBe(0.9);
    expect(churn(100, 110, 20)).toBe(0.1);
  });

  it("accepts numbers typed as text, as CSV imports leave them", () => {
    expect(retentionRate("200", "150", "10")).toBe(0.7);
  });

  it("keeps retention and churn complementary and within [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (s, kept, added) => {
        fc.pre(kept <= s);
        const r = retentionRate(s, kept + added, added);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(r + churn(s, kept + added, added)).toBeCloseTo(1, 12);
      }),
    );
  });

  it.each([
    [[0, 10, 0], "num", /start_customers to be greater than 0/],
    [[-5, 10, 0], "num", /start_customers to be greater than 0/],
    [[100, -1, 0], "num", /end_customers to be 0 or more/],
    [[100, 10, -1], "num", /new_customers to be 0 or more/],
    [[100, 10, 20], "num", /new_customers \(20\) to be no more than end_customers \(10\)/],
    [[100, 250, 20], "num", /end_customers − new_customers \(230\) to be no more than start_customers \(100\)/],
    [["many", 10, 0], "value", /start_customers to be a number, not "many"/],
    [[100, null, 0], "value", /end_customers to be a number, not a blank/],
    [[100, 10, true], "value", /new_customers to be a number/],
  ] as const)("rejects %j", (args, kind, message) => {
    expectError(() => retentionRate(...(args as unknown as [unknown, unknown, unknown])), kind, message);
    expectError(() => churn(...(args as unknown as [unknown, unknown, unknown])), kind, message);
  });
});

describe("retentionRateIds", () => {
  it("counts distinct ids of the first list found in the second", () => {
    expect(retentionRateIds(["a", "a", "b", "c", "d"], ["b", "d", "d", "x"])).toBe(0.5);
  });

  it("matches 17 and '17', and text ids whatever their case and spaces", () => {
    expect(retentionRateIds([17, "Acme "], ["17", "acme"])).toBe(1);
  });

  it("skips blank cells, including the 0 desktop Excel passes for a blank", () => {
    expect(retentionRateIds(["a", 0, null, "", "b"], ["a", 0])).toBe(0.5);
  });

  it("rejects an empty first list", () => {
    expectError(() => retentionRateIds([0, null, ""], ["a"]), "div0", /at least one id in ids_before/);
  });
});

describe("revenue retention", () => {
  it("gives seed 003's revenue churn: (contraction + churned) / start", () => {
    expect(revenueChurn(10000, 500, 1000)).toBe(0.15);
  });

  it("gives NRR above 1 when expansion outweighs losses, and GRR without expansion", () => {
    expect(nrr(10000, 2000, 500, 1000)).toBe(1.05);
    expect(grr(10000, 500, 1000)).toBe(0.85);
  });

  it("keeps GRR at or below 1 and GRR + revenue churn = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (start, a, b) => {
        const down = start * a * 0.5;
        const lost = start * b * 0.5;
        const g = grr(start, down, lost);
        expect(g).toBeLessThanOrEqual(1);
        expect(g + revenueChurn(start, down, lost)).toBeCloseTo(1, 9);
      }),
    );
  });

  it.each([
    [() => revenueChurn(0, 1, 1), "num", /start_revenue to be greater than 0/],
    [() => revenueChurn(100, -1, 1), "num", /contraction to be 0 or more/],
    [() => grr(100, 1, -1), "num", /churned_revenue to be 0 or more/],
    [() => grr(100, 60, 50), "num", /contraction \+ churned_revenue \(110\) to be no more than start_revenue \(100\)/],
    [() => nrr(100, -5, 0, 0), "num", /expansion to be 0 or more/],
    [() => nrr(100, "lots", 0, 0), "value", /expansion to be a number/],
  ] as const)("rejects bad input %#", (run, kind, message) => {
    expectError(run, kind, message);
  });
});

describe("clv", () => {
  it("sums m·rᵗ/(1+d)ᵗ for t = 0 … n−1 (Gupta & Lehmann 2003)", () => {
    const expected = 100 + (100 * 0.8) / 1.1 + (100 * 0.64) / 1.21;
    expect(clv(100, 0.8, 0.1, 3)).toBeCloseTo(expected, 10);
    expect(clv(50, 0.5, 0, 1)).toBe(50);
  });

  it("gives the infinite sum m(1+d)/(1+d−r) without periods, and long horizons approach it", () => {
    expect(clv(100, 0.8, 0.1)).toBeCloseTo((100 * 1.1) / 0.3, 10);
    expect(clv(100, 0.8, 0.1, 5000)).toBeCloseTo(clv(100, 0.8, 0.1), 8);
  });

  it("handles r = 1 + d, where every period counts fully", () => {
    expect(clv(10, 0.9, -0.1, 4)).toBeCloseTo(40, 12);
  });

  it.each([
    [() => clv(100, 1, 0.1), "num", /retention to be at least 0 and below 1/],
    [() => clv(100, -0.1, 0.1), "num", /retention to be at least 0 and below 1/],
    [() => clv(100, 0.5, -1), "num", /discount_rate to be greater than −1/],
    [() => clv(100, 0.9, -0.2), "num", /infinite horizon: give periods/],
    [() => clv(100, 0.5, 0.1, 0), "num", /periods to be a whole number of 1 or more/],
    [() => clv(100, 0.5, 0.1, 2.5), "num", /periods to be a whole number/],
    [() => clv("x", 0.5, 0.1), "value", /margin to be a number/],
  ] as const)("rejects bad input %#", (run, kind, message) => {
    expectError(run, kind, message);
  });
});

describe("historicClv", () => {
  it("gives seed 001: orders of 100, 200 and 300 make 600", () => {
    expect(historicClv(["c1", "c1", "c1"], [100, 200, 300])).toEqual([["Customer", "Total"], ["c1", 600]]);
  });

  it("sorts by total, highest first, keeping first-seen order for ties, and keeps numeric ids numeric", () => {
    expect(historicClv([7, "b", "a", "b", 7], [10, 5, 15, 5, 5])).toEqual([
      ["Customer", "Total"],
      [7, 15],
      ["a", 15],
      ["b", 10],
    ]);
  });

  it("skips blank rows and a header row, sums refunds as given", () => {
    expect(historicClv(["Customer", "a", 0, null, "a"], ["Amount", 100, 0, "", -30])).toEqual([["Customer", "Total"], ["a", 70]]);
  });

  it.each([
    [() => historicClv(["a", "b"], [1]), "value", /customer_ids and amounts to have the same number of rows \(2 and 1\)/],
    [() => historicClv(["a", "b"], [1, "ten"]), "value", /amounts to be numbers \(row 2: "ten"\)/],
    [() => historicClv(["a", null], [1, 5]), "value", /customer id beside every amount \(row 2 has none\)/],
    [() => historicClv([0, null], [0, ""]), "value", /at least one customer id/],
  ] as const)("rejects bad input %#", (run, kind, message) => {
    expectError(run, kind, message);
  });
});

describe("nps and csat", () => {
  it("gives % promoters − % detractors (seeds 002/003)", () => {
    // 4 promoters, 3 passives, 3 detractors of 10 → 40% − 30% = 10
    expect(nps([10, 9, 9, 10, 8, 7, 8, 6, 0, 3])).toBeCloseTo(10, 12);
    expect(nps([10, 10])).toBe(100);
    expect(nps([0, 6])).toBe(-100);
  });

  it("reads a multi-column range and skips empty cells, but counts 0 as a score", () => {
    expect(nps([[10, null], ["", 0]])).toBe(0);
  });

  it("stays within −100 … 100", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const v = nps(scores);
        expect(v).toBeGreaterThanOrEqual(-100);
        expect(v).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("gives CSAT as the share of the top two boxes (seed 002)", () => {
    expect(csat([5, 4, 4, 3, 1])).toBe(0.6);
    expect(csat([10, 9, 8], 10)).toBeCloseTo(2 / 3, 12);
  });

  it.each([
    [() => nps([10, 11]), "num", /whole scores from 0 to 10 \(row 2: 11\)/],
    [() => nps([10, 7.5]), "num", /whole scores from 0 to 10 \(row 2: 7.5\)/],
    [() => nps([[1, 2], [3, -1]]), "num", /row 2, column 2: -1/],
    [() => nps([9, "great"]), "value", /scores to be numbers \(row 2: "great"\)/],
    [() => nps([null, ""]), "div0", /at least one score/],
    [() => csat([5, 6]), "num", /whole scores from 0 to 5 \(row 2: 6\)/],
    [() => csat([5], 1), "num", /scale_max to be a whole number of 2 or more/],
  ] as const)("rejects bad input %#", (run, kind, message) => {
    expectError(run, kind, message);
  });
});

describe("repeatRate, purchaseFrequency and aov", () => {
  const orders = ["a", "b", "a", "c", "c", "c", 0, null];

  it("gives the share of customers with two or more orders and orders per customer (seed 002)", () => {
    expect(repeatRate(orders)).toBeCloseTo(2 / 3, 12);
    expect(purchaseFrequency(orders)).toBe(2);
  });

  it("gives total / orders, or total / distinct order ids for order lines (seed 002)", () => {
    expect(aov([100, 200, 300, 0, null])).toBe(200);
    expect(aov([40, 60, 200, null], ["o1", "o1", "o2", null])).toBe(150);
    expect(aov([50, -20])).toBe(15);
  });

  it.each([
    [() => repeatRate([0, null, ""]), "div0", /at least one customer id/],
    [() => purchaseFrequency([]), "div0", /at least one customer id/],
    [() => aov([]), "div0", /at least one order/],
    [() => aov([1, "x"]), "value", /amounts to be numbers \(row 2: "x"\)/],
    [() => aov([1, 2], ["o1"]), "value", /amounts and order_ids to have the same number of rows/],
    [() => aov([1, 2], ["o1", null]), "value", /order id beside every amount \(row 2 has none\)/],
  ] as const)("rejects bad input %#", (run, kind, message) => {
    expectError(run, kind, message);
  });
});
