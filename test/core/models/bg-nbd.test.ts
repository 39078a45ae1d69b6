import { execFileSync } from "child_process";
import {
  bgnbdConditionalExpected,
  bgnbdExpected,
  bgnbdFit,
  bgnbdLikelihood,
  bgnbdPAlive,
  bgnbdPmf,
} from "../../../src/core/models/bg-nbd";
import { Cell } from "../../../src/core/cells";
import { RetainError } from "../../../src/core/errors";
import { numbers, readCsv } from "./read-csv";

const cdnow = readCsv("cdnow_customers_summary.csv");
const frequency = numbers(cdnow.frequency);
const recency = numbers(cdnow.recency);
const T = numbers(cdnow.T);
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("bgnbdFit on CDNOW (2,357 customers, weeks)", () => {
  const fit = bgnbdFit(frequency, recency, T);

  test("matches Fader, Hardie & Lee 2005, §5: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4", () => {
    // The paper prints three decimals: allow half a unit in the last place.
    expect(Math.abs(fit.r - 0.243)).toBeLessThan(5e-4);
    expect(Math.abs(fit.alpha - 4.414)).toBeLessThan(5e-4);
    expect(Math.abs(fit.a - 0.793)).toBeLessThan(5e-4);
    expect(Math.abs(fit.b - 2.426)).toBeLessThan(5e-4);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.05);
  });

  test("stops at a stationary point: the gradient of the log-likelihood is zero", () => {
    const { objective } = bgnbdLikelihood(frequency.map((x, i) => ({ frequency: x, recency: recency[i], T: T[i] })));
    const g = new Float64Array(4);
    objective(Float64Array.from([fit.r, fit.alpha, fit.a, fit.b].map(Math.log)), g);
    for (const component of g) expect(Math.abs(component)).toBeLessThan(1e-8);
  });

  test("the exact gradient matches central differences of the log-likelihood", () => {
    const { objective } = bgnbdLikelihood(frequency.map((x, i) => ({ frequency: x, recency: recency[i], T: T[i] })));
    const theta = Float64Array.from([0.5, 2, -0.1, 0.7]);
    const g = new Float64Array(4);
    objective(theta, g);
    for (let k = 0; k < 4; k++) {
      const h = 1e-6;
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[k] += h;
      down[k] -= h;
      const scratch = new Float64Array(4);
      const numeric = (objective(up, scratch) - objective(down, scratch)) / (2 * h);
      expect(g[k]).toBeCloseTo(numeric, 7);
    }
  });

  test("skips blank rows (null, \"\" and desktop's 0, 0, 0) and ignores row order", () => {
    const order = shuffledIndices(frequency.length, 7);
    const f: Cell[] = order.map((i) => frequency[i]);
    const r: Cell[] = order.map((i) => recency[i]);
    const t: Cell[] = order.map((i) => T[i]);
    f.push(null, "", 0);
    r.push(null, "", 0);
    t.push(null, "", 0);
    const again = bgnbdFit(f, r, t);
    expect(again.r).toBeCloseTo(fit.r, 6);
    expect(again.alpha).toBeCloseTo(fit.alpha, 5);
    expect(again.a).toBeCloseTo(fit.a, 6);
    expect(again.b).toBeCloseTo(fit.b, 5);
    expect(again.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
  });

  test("gives the same fit with time in days (α scales by 7)", () => {
    const days = bgnbdFit(frequency, recency.map((v) => v * 7), T.map((v) => v * 7));
    expect(days.r).toBeCloseTo(fit.r, 6);
    expect(days.alpha / 7).toBeCloseTo(fit.alpha, 5);
    expect(days.a).toBeCloseTo(fit.a, 6);
  });
});

describe("BG/NBD predictions", () => {
  test("doc examples", () => {
    expect(bgnbdExpected(published, 39)).toBeCloseTo(1.1967, 4);
    expect(bgnbdConditionalExpected(published, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 4);
    expect(bgnbdPmf(published, 39, 0)).toBeCloseTo(0.5738, 4);
    expect(bgnbdPAlive(published, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4);
  });

  test("P(alive) lies in (0, 1] for every CDNOW customer, and is 1 without repeat purchases", () => {
    for (let i = 0; i < frequency.length; i++) {
      const p = bgnbdPAlive(published, frequency[i], recency[i], T[i]);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
      if (frequency[i] === 0) expect(p).toBe(1);
    }
  });

  test("E[X(t)] of a new customer equals Σ n·P(X(t) = n) (eq. 9 against eq. 8)", () => {
    for (const t of [1, 39, 78]) {
      let mean = 0;
      let total = 0;
      for (let n = 0; n < 800; n++) {
        const p = bgnbdPmf(published, t, n);
        mean += n * p;
        total += p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(bgnbdExpected(published, t), 9);
    }
  });

  test("a customer with no history is a new customer: E[Y(t) | 0, 0, T] equals E[X(t)] with α + T for α", () => {
    const T0 = 20;
    expect(bgnbdConditionalExpected(published, 10, 0, 0, T0)).toBeCloseTo(
      bgnbdExpected({ ...published, alpha: published.alpha + T0 }, 10),
      12,
    );
  });

  test("a = 1 (a 0/0 point of eqs. 9–10) gives the limit, between its neighbours", () => {
    const at = bgnbdExpected({ ...published, a: 1 }, 39);
    const below = bgnbdExpected({ ...published, a: 1 - 1e-3 }, 39);
    const above = bgnbdExpected({ ...published, a: 1 + 1e-3 }, 39);
    expect(at).toBeGreaterThan(Math.min(below, above));
    expect(at).toBeLessThan(Math.max(below, above));
  });

  test("eqs. 9 and 10 agree with the same formulas evaluated by scipy", () => {
    const cases = [
      [39, 0, 0, 38.86],
      [39, 2, 30.43, 38.86],
      [52, 7, 29.43, 35.14],
      [10, 14, 35.71, 35.71],
    ];
    const code = `
from scipy.special import hyp2f1
r,al,a,b=${published.r},${published.alpha},${published.a},${published.b}
for t,x,tx,T in ${JSON.stringify(cases)}:
    num=(a+b+x-1)/(a-1)*(1-((al+T)/(al+T+t))**(r+x)*hyp2f1(r+x,b+x,a+b+x-1,t/(al+T+t)))
    den=1+(x>0)*(a/(b+x-1))*((al+T)/(al+tx))**(r+x)
    print(repr(num/den))
print(repr((a+b-1)/(a-1)*(1-(al/(al+39))**r*hyp2f1(r,b,a+b-1,39/(al+39)))))`;
    const out = execFileSync("/usr/bin/python3", ["-c", code], { encoding: "utf8" }).trim().split(/\s+/).map(Number);
    cases.forEach(([t, x, tx, age], i) => {
      expect(bgnbdConditionalExpected(published, t, x, tx, age)).toBeCloseTo(out[i], 12);
    });
    expect(bgnbdExpected(published, 39)).toBeCloseTo(out[cases.length], 12);
  });
});

describe("bgnbdFit rejects bad input with the column and row", () => {
  const small = { f: [2, 1, 0, 3], r: [30.43, 1.71, 0, 20], t: [38.86, 38.86, 38.86, 35] };
  const fails = (f: Cell[], r: Cell[], t: Cell[]) => () => bgnbdFit(f, r, t);

  test("recency > T", () => {
    expect(fails([2, 1, 0, 3], [30.43, 40, 0, 20], [38.86, 38.9, 38.86, 35])).toThrow(
      "bgnbdFit requires recency ≤ T (row 2: recency 40, T 38.9)",
    );
  });
  test("negative frequency", () => {
    expect(fails([2, -1, 0, 3], small.r, small.t)).toThrow("bgnbdFit requires frequency to be a whole number ≥ 0 (row 2: -1)");
  });
  test("non-integer frequency", () => {
    expect(fails([2, 1.5, 0, 3], small.r, small.t)).toThrow("bgnbdFit requires frequency to be a whole number ≥ 0 (row 2: 1.5)");
  });
  test("text where a number belongs", () => {
    expect(fails([2, 1, 0, 3], small.r, [38.86, "soon", 38.86, 35])).toThrow('bgnbdFit requires T to be a number (row 2: "soon")');
  });
  test("a row with a blank cell among numbers", () => {
    expect(fails([2, 1, 0, 3], small.r, [38.86, null, 38.86, 35])).toThrow("bgnbdFit requires T to be a number (row 2: blank)");
  });
  test("recency given for a customer without repeat purchases", () => {
    expect(fails([2, 1, 0, 3], [30.43, 1.71, 12, 20], small.t)).toThrow(
      "bgnbdFit requires recency 0 when frequency is 0 (row 3: recency 12)",
    );
  });
  test("T of 0 with a purchase history", () => {
    expect(fails([2, 1, 0, 3], small.r, [38.86, 38.86, 38.86, 0])).toThrow("bgnbdFit requires T > 0 (row 4: 0)");
  });
  test("columns of different lengths", () => {
    expect(fails([2, 1, 0], small.r, small.t)).toThrow(
      "bgnbdFit requires frequency, recency and T to have the same number of rows (frequency 3, recency 4, T 4)",
    );
  });
  test("fewer customers than parameters", () => {
    expect(fails([2, 1, 0], [3, 1, 0], [5, 5, 5])).toThrow("bgnbdFit requires at least 4 customers to fit 4 parameters (got 3)");
  });
  test("no repeat purchases at all", () => {
    expect(fails([0, 0, 0, 0], [0, 0, 0, 0], [5, 6, 7, 8])).toThrow("bgnbdFit requires at least one customer with frequency > 0");
  });
  test("a fit that does not converge is #NUM!, never a number", () => {
    let error: unknown;
    try {
      bgnbdFit(frequency, recency, T, { maxIterations: 3, name: "BGNBD_FIT" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RetainError);
    expect((error as RetainError).kind).toBe("num");
    expect((error as RetainError).message).toBe("BGNBD_FIT did not converge after 3 iterations");
  });
  test("input errors are #VALUE! (the kind Excel shows with its message)", () => {
    try {
      bgnbdFit([1, 2, 3, -1], [1, 1, 1, 1], [2, 2, 2, 2]);
    } catch (e) {
      expect((e as RetainError).kind).toBe("value");
    }
    expect.assertions(1);
  });
});

/** A seeded Fisher–Yates shuffle (mulberry32). */
function shuffledIndices(n: number, seed: number): number[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
