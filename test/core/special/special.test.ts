import { execFileSync } from "child_process";
import { existsSync } from "fs";
import { digamma } from "../../../src/core/special/digamma";
import { hyp2f1 } from "../../../src/core/special/hyp2f1";
import { logGamma } from "../../../src/core/special/log-gamma";
import { minimizeBfgs } from "../../../src/core/special/minimize-bfgs";
import { normalQuantile } from "../../../src/core/special/normal-quantile";

describe("logGamma", () => {
  test("doc example: ln Γ(5) = ln 24", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
  });
  test("ln Γ(1/2) = ln √π to 1e-11", () => {
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-11);
  });
});

describe("digamma", () => {
  test("doc example: ψ(1) = −γ (Euler–Mascheroni)", () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
  });
  test("ψ(1/2) = −γ − 2 ln 2 (A&S 6.3.3)", () => {
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 13);
  });
  test("recurrence ψ(x+1) = ψ(x) + 1/x over a range", () => {
    for (const x of [0.01, 0.3, 1.7, 5.5, 12, 150]) {
      expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 11);
    }
  });
  test("matches the derivative of logGamma", () => {
    for (const x of [0.4, 2.5, 9, 40]) {
      const h = 1e-4;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 5);
    }
  });
});

describe("hyp2f1", () => {
  test("doc example: ₂F₁(1, 1; 2; z) = −ln(1 − z)/z", () => {
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 14);
    expect(hyp2f1(1, 1, 2, 0.99)).toBeCloseTo(-Math.log(0.01) / 0.99, 11);
  });
  test("₂F₁(a, b; b; z) = (1 − z)^−a (A&S 15.1.8)", () => {
    expect(hyp2f1(0.7, 2.3, 2.3, 0.8)).toBeCloseTo(Math.pow(0.2, -0.7), 12);
  });
  test("₂F₁(½, ½; 3/2; z²) = arcsin(z)/z (A&S 15.1.6)", () => {
    expect(hyp2f1(0.5, 0.5, 1.5, 0.81)).toBeCloseTo(Math.asin(0.9) / 0.9, 12);
  });
  test("a non-positive whole a ends the series: a polynomial", () => {
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / (4 * 5), 14);
  });
  test("|z| ≥ 1 is #NUM!", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow("hyp2f1 requires |z| < 1 (got 1)");
  });
  test("agrees with scipy.special.hyp2f1 (Debian's python3-scipy)", () => {
    const cases = [
      [0.243, 2.426, 2.219, 0.8983],
      [2.243, 4.426, 4.219, 0.4746],
      [30.2, 31.4, 61.2, 0.3],
      [1, 4.806, 5.474, 1 / 1.1],
      [1, 1.182, 1.886, 1 / 1.01],
    ];
    const expected = scipy(
      `from scipy.special import hyp2f1\nfor a,b,c,z in ${JSON.stringify(cases)}: print(repr(hyp2f1(a,b,c,z)))`,
    );
    cases.forEach(([a, b, c, z], i) => {
      expect(Math.abs(hyp2f1(a, b, c, z) / expected[i] - 1)).toBeLessThan(1e-12);
    });
  });
});

describe("normalQuantile", () => {
  test("doc example: Φ⁻¹(0.975) = 1.959963984540054", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
  });
  test("symmetric, and Φ⁻¹(0.5) = 0", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 13);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
  });
  test("p outside (0, 1) is #NUM!", () => {
    expect(() => normalQuantile(1)).toThrow("normalQuantile requires 0 < p < 1 (got 1)");
  });
});

describe("minimizeBfgs", () => {
  /** Rosenbrock's function and its gradient: a curved valley with its minimum at (1, 1). */
  const rosenbrock = (x: Float64Array | number[], g: Float64Array | number[]) => {
    g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
    g[1] = 200 * (x[1] - x[0] * x[0]);
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] * x[0]) ** 2;
  };
  test("Rosenbrock's function from (−1.2, 1) reaches (1, 1)", () => {
    const result = minimizeBfgs(
      rosenbrock,
      [-1.2, 1],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
  });
  test("reports an iteration cap as not converged", () => {
    const result = minimizeBfgs(
      rosenbrock,
      [-1.2, 1],
      { maxIterations: 3 },
    );
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
  });
});

/** Runs Python code with Debian's /usr/bin/python3 (python3-scipy) and returns the numbers it prints. */
function scipy(code: string): number[] {
  if (!existsSync("/usr/bin/python3")) throw new Error("these checks need Debian's /usr/bin/python3 with python3-scipy");
  const out = execFileSync("/usr/bin/python3", ["-c", code], { encoding: "utf8" });
  return out.trim().split(/\s+/).map(Number);
}
