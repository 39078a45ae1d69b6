import fc from "fast-check";
import { RetainError } from "../../../src/core/errors";
import {
  sbgDerl,
  sbgFit,
  sbgLikelihood,
  sbgRetention,
  sbgSurvival,
  sbgSurvivalCurve,
} from "../../../src/core/models/shifted-beta-geometric";

// Fader & Hardie 2007, "How to project customer retention", Table 1 / Figure 1: percentage of
// 1,000 customers still active at years 0–7, and the fits to years 1–7 given in §4.
const highEnd = [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1];
const regular = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1];

describe("sbgFit on Fader & Hardie 2007", () => {
  test("high end: alpha 0.668, beta 3.806", () => {
    const fit = sbgFit(highEnd);
    expect(Math.abs(fit.alpha - 0.668)).toBeLessThan(5e-4);
    expect(Math.abs(fit.beta - 3.806)).toBeLessThan(5e-4);
  });
  test("regular: alpha 0.704, beta 1.182", () => {
    const fit = sbgFit(regular);
    expect(Math.abs(fit.alpha - 0.704)).toBeLessThan(5e-4);
    expect(Math.abs(fit.beta - 1.182)).toBeLessThan(5e-4);
  });
  test("counts, shares and percentages give the same parameters; the log-likelihood scales with the units", () => {
    const percent = sbgFit(regular);
    const counts = sbgFit(regular.map((v) => v * 10));
    const shares = sbgFit(regular.map((v) => v / 100));
    expect(counts.alpha).toBeCloseTo(percent.alpha, 6);
    expect(shares.beta).toBeCloseTo(percent.beta, 6);
    expect(counts.logLikelihood).toBeCloseTo(percent.logLikelihood * 10, 6);
  });
  test("skips trailing blank cells, as a cohort row leaves them", () => {
    const fit = sbgFit([...regular, "", null]);
    expect(fit.alpha).toBeCloseTo(sbgFit(regular).alpha, 10);
  });
  test("the exact gradient matches central differences", () => {
    const { objective } = sbgLikelihood(highEnd);
    const theta = Float64Array.from([-0.3, 1.1]);
    const g = new Float64Array(2);
    objective(theta, g);
    for (let k = 0; k < 2; k++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[k] += 1e-6;
      down[k] -= 1e-6;
      const scratch = new Float64Array(2);
      expect(g[k]).toBeCloseTo((objective(up, scratch) - objective(down, scratch)) / 2e-6, 7);
    }
  });
  test("the likelihood in logs equals eq. B3 with the paper's recursions for P(T = t) and S(t)", () => {
    const alpha = 0.7;
    const beta = 1.2;
    let p = alpha / (alpha + beta);
    let s = 1 - p;
    let ll = (highEnd[0] - highEnd[1]) * Math.log(p);
    for (let t = 2; t < highEnd.length; t++) {
      p = (p * (beta + t - 2)) / (alpha + beta + t - 1);
      s -= p;
      ll += (highEnd[t - 1] - highEnd[t]) * Math.log(p);
    }
    ll += highEnd[highEnd.length - 1] * Math.log(s);
    expect(sbgLikelihood(highEnd).logLikelihood({ alpha, beta })).toBeCloseTo(ll, 10);
  });
});

describe("sBG projections", () => {
  const params = { alpha: 0.704, beta: 1.182 };
  test("doc examples", () => {
    expect(sbgSurvival(params, 1)).toBeCloseTo(0.6267, 4);
    expect(sbgRetention(params, 1)).toBeCloseTo(0.6267, 4);
    const curve = sbgSurvivalCurve(params, 2);
    expect(curve[0]).toBe(1);
    expect(curve[1]).toBeCloseTo(0.6267, 4);
    expect(curve[2]).toBeCloseTo(0.4738, 4);
    expect(sbgDerl(params, 0.1)).toBeCloseTo(2.9647, 4);
  });
  test("the fitted regular curve tracks the observed years 1–7 within 1.5 points", () => {
    const fit = sbgFit(regular);
    for (let t = 1; t < regular.length; t++) {
      expect(Math.abs(100 * sbgSurvival(fit, t) - regular[t])).toBeLessThan(1.5);
    }
  });
  test("S(t) = Π retention rates, and the curve helper agrees with S(t)", () => {
    const curve = sbgSurvivalCurve(params, 12);
    let product = 1;
    for (let t = 1; t <= 12; t++) {
      product *= sbgRetention(params, t);
      expect(sbgSurvival(params, t)).toBeCloseTo(product, 14);
      expect(curve[t]).toBeCloseTo(product, 14);
    }
  });
  test("property: survival never rises and retention rises towards 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (alpha, beta) => {
        const curve = sbgSurvivalCurve({ alpha, beta }, 30);
        for (let t = 1; t <= 30; t++) {
          if (!(curve[t] <= curve[t - 1] && curve[t] >= 0)) return false;
          if (t > 1 && sbgRetention({ alpha, beta }, t) < sbgRetention({ alpha, beta }, t - 1)) return false;
        }
        return true;
      }),
      { seed: 2007, numRuns: 200 },
    );
  });
  test("DERL equals the discounted sum of conditional survival, the next payment undiscounted", () => {
    for (const [d, k] of [[0.1, 0], [0.1, 4], [0.02, 1]]) {
      let sum = 0;
      let s = 1; // S(k+1+j)/S(k)
      for (let j = 0; j < 20000; j++) {
        s *= (params.beta + k + j) / (params.alpha + params.beta + k + j);
        sum += s / Math.pow(1 + d, j);
      }
      expect(sbgDerl(params, d, k)).toBeCloseTo(sum, 9);
    }
  });
  test("DERL rises with renewals (the survivors are the loyal ones) and falls with the discount rate", () => {
    expect(sbgDerl(params, 0.1, 5)).toBeGreaterThan(sbgDerl(params, 0.1, 0));
    expect(sbgDerl(params, 0.2)).toBeLessThan(sbgDerl(params, 0.1));
  });
  test("bad arguments name themselves", () => {
    expect(() => sbgSurvival(params, -1)).toThrow("sbgSurvival requires t to be a whole number from 0 to 1000000 (got -1)");
    expect(() => sbgSurvival(params, 2.5)).toThrow("sbgSurvival requires t to be a whole number from 0 to 1000000 (got 2.5)");
    expect(() => sbgRetention(params, 0)).toThrow("sbgRetention requires t to be a whole number from 1 to 1000000 (got 0)");
    expect(() => sbgDerl(params, 0)).toThrow("sbgDerl requires discount_rate > 0 (got 0)");
    expect(() => sbgDerl(params, 0.1, 1.5)).toThrow("sbgDerl requires renewals to be a whole number ≥ 0 (got 1.5)");
    expect(() => sbgSurvival({ alpha: 0, beta: 1 }, 1)).toThrow("sbgSurvival requires params alpha > 0 (got 0)");
  });
});

describe("sbgFit rejects bad survivor curves", () => {
  test("survivors that rise", () => {
    expect(() => sbgFit([100, 80, 85, 70])).toThrow("sbgFit requires survivors never to rise (row 3: 85 after 80)");
  });
  test("a curve that starts at 0", () => {
    expect(() => sbgFit([0, 0, 0])).toThrow("sbgFit requires the first survivors value (the cohort at t = 0) to be > 0 (row 1: 0)");
  });
  test("negative values and text", () => {
    expect(() => sbgFit([100, -5, 3])).toThrow("sbgFit requires survivors ≥ 0 (row 2: -5)");
    expect(() => sbgFit([100, "eighty", 60])).toThrow('sbgFit requires survivors to be numbers (row 2: "eighty")');
    expect(() => sbgFit([100, null, 60])).toThrow("sbgFit requires survivors to be numbers (row 2: blank)");
  });
  test("fewer points than parameters", () => {
    expect(() => sbgFit([100, 80])).toThrow("sbgFit requires survivors at t = 0, 1 and 2 at least to fit 2 parameters (got 2 values)");
  });
  test("no one leaves", () => {
    expect(() => sbgFit([100, 100, 100])).toThrow("sbgFit requires some customers to leave: survivors never fall (all 100)");
  });
  test("everyone leaves in the first period", () => {
    expect(() => sbgFit([100, 0, 0])).toThrow("sbgFit requires some customers to renew at t = 1 (row 2: 0)");
  });
  test("a curve the model cannot reach (half leave each year, then all) runs off to infinity: #NUM!, not a number", () => {
    let error: unknown;
    try {
      sbgFit([100, 50, 0], { name: "SBG_FIT" });
    } catch (e) {
      error = e;
    }
    expect((error as RetainError).kind).toBe("num");
    expect((error as RetainError).message).toMatch(/^SBG_FIT did not converge/);
  });
});
