import { RetainError } from "../../../src/core/errors";
import {
  ggExpectedSpend,
  ggExpectedSpendRows,
  ggFit,
  ggLikelihood,
  Spender,
} from "../../../src/core/models/gamma-gamma";
import { numbers, readCsv } from "./read-csv";

const data = readCsv("cdnow_customers_summary_with_transactions.csv");
const x = numbers(data.x);
const zbar = numbers(data.zbar);

describe("ggFit on CDNOW (946 customers with repeat purchases)", () => {
  const fit = ggFit(x, zbar);

  test("matches lifetimes' published p 6.25, q 3.74, gamma 15.44 to two decimals", () => {
    // lifetimes' GammaGammaFitter docs print p 6.25, q 3.74, v 15.44 for this file.
    // The likelihood is flat in gamma: its maximum here is 6.249, 3.745, 15.448.
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(fit.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(fit.gamma - 15.44)).toBeLessThan(0.01);
    expect(fit.p).toBeCloseTo(6.249, 3);
    expect(fit.q).toBeCloseTo(3.745, 3);
    expect(fit.gamma).toBeCloseTo(15.448, 3);
  });

  test("the exact gradient matches central differences", () => {
    const spenders: Spender[] = x.map((f, i) => ({ frequency: f, monetaryValue: zbar[i] })).filter((s) => s.frequency > 0);
    const { objective } = ggLikelihood(spenders);
    const theta = Float64Array.from([1.2, 0.9, 2.4]);
    const g = new Float64Array(3);
    objective(theta, g);
    for (let k = 0; k < 3; k++) {
      const h = 1e-6;
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[k] += h;
      down[k] -= h;
      const scratch = new Float64Array(3);
      expect(g[k]).toBeCloseTo((objective(up, scratch) - objective(down, scratch)) / (2 * h), 6);
    }
  });

  test("customers with frequency 0 are left out of the fit", () => {
    const repeaters = x.map((f, i) => [f, zbar[i]]).filter(([f]) => f > 0);
    const only = ggFit(
      repeaters.map(([f]) => f),
      repeaters.map(([, m]) => m),
    );
    expect(only.p).toBeCloseTo(fit.p, 8);
    expect(only.logLikelihood).toBeCloseTo(fit.logLikelihood, 8);
  });
});

describe("ggExpectedSpend", () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  test("doc example, and lifetimes' published conditional_expected_average_profit for CDNOW customer 1", () => {
    // lifetimes docs (GammaGammaFitter section): customer 1 (x 2, zbar 22.35) → 24.658619,
    // customers without repeat purchases → 35.170981, with its fitted parameters.
    expect(ggExpectedSpend(params, 2, 22.35)).toBeCloseTo(24.66, 2);
    const fit = ggFit(x, zbar);
    expect(ggExpectedSpend(fit, 2, 22.35)).toBeCloseTo(24.658619, 3);
    expect(ggExpectedSpend(fit, 0, 0)).toBeCloseTo(35.170981, 3);
  });

  test("frequency 0 gets the population mean p·gamma/(q − 1)", () => {
    expect(ggExpectedSpend(params, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  test("is a weighted mean: between the population mean and the customer's own mean", () => {
    const population = ggExpectedSpend(params, 0, 0);
    for (const [f, m] of [[1, 5], [3, 80], [20, 30]]) {
      const e = ggExpectedSpend(params, f, m);
      expect(e).toBeGreaterThanOrEqual(Math.min(population, m));
      expect(e).toBeLessThanOrEqual(Math.max(population, m));
    }
  });

  test("q ≤ 1 has no population mean: #NUM! for customers with frequency 0", () => {
    expect(() => ggExpectedSpend({ p: 2, q: 0.8, gamma: 10 }, 0, 0)).toThrow(
      "ggExpectedSpend requires q > 1 for customers with frequency 0",
    );
  });

  test("rows: blank rows give null, a row of zeros is a customer without repeat purchases", () => {
    expect(ggExpectedSpendRows(params, [2, null, 0, ""], [22.35, null, 0, ""])).toEqual([
      ggExpectedSpend(params, 2, 22.35),
      null,
      ggExpectedSpend(params, 0, 0),
      null,
    ]);
  });
});

describe("bad input names the column and row", () => {
  test("monetary_value ≤ 0 with frequency > 0", () => {
    expect(() => ggFit([2, 1, 3, 4], [10, 0, 5, 6])).toThrow(
      "ggFit requires monetary_value > 0 when frequency > 0 (row 2: frequency 1, monetary_value 0)",
    );
    expect(() => ggFit([2, 1, 3, 4], [10, -3, 5, 6])).toThrow("(row 2: frequency 1, monetary_value -3)");
  });
  test("negative or fractional frequency", () => {
    expect(() => ggFit([2, -1, 3, 4], [10, 3, 5, 6])).toThrow("ggFit requires frequency to be a whole number ≥ 0 (row 2: -1)");
    expect(() => ggFit([2, 0.5, 3, 4], [10, 3, 5, 6])).toThrow("ggFit requires frequency to be a whole number ≥ 0 (row 2: 0.5)");
  });
  test("text in monetary_value", () => {
    expect(() => ggFit([2, 1, 3, 4], [10, "n/a", 5, 6])).toThrow('ggFit requires monetary_value to be a number (row 2: "n/a")');
  });
  test("fewer repeat customers than parameters", () => {
    expect(() => ggFit([2, 0, 3, 0], [10, 0, 5, 0])).toThrow(
      "ggFit requires at least 3 customers with frequency > 0 to fit 3 parameters (got 2)",
    );
  });
  test("columns of different lengths", () => {
    expect(() => ggFit([2, 1, 3], [10, 3])).toThrow(
      "ggFit requires frequency and monetary_value to have the same number of rows (frequency 3, monetary_value 2)",
    );
  });
  test("a fit stopped short is #NUM! naming the iterations", () => {
    try {
      ggFit(x, zbar, { maxIterations: 2, name: "GG_FIT" });
    } catch (e) {
      expect((e as RetainError).kind).toBe("num");
      expect((e as RetainError).message).toBe("GG_FIT did not converge after 2 iterations");
    }
    expect.assertions(2);
  });
});
