import { erf } from "./mathjs";
import { numError } from "../errors";

/**
 * The standard normal quantile Φ⁻¹(p): the z with P(Z ≤ z) = p, for 0 < p < 1.
 *
 * Newton's method on Φ(z) = ½(1 + erf(z/√2)) from z = 0, on the half where p lies:
 * Φ is concave above 0 (convex below), so the iterates rise (fall) monotonically to
 * the root and converge to full precision. Used for the two-sided confidence level
 * of Kaplan-Meier limits, Φ⁻¹((1 + confidence)/2).
 *
 * @example
 * normalQuantile(0.975) // => 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw numError(`normalQuantile requires 0 < p < 1 (got ${p})`);
  if (p === 0.5) return 0;
  const sign = p > 0.5 ? 1 : -1;
  const target = p > 0.5 ? p : 1 - p;
  let z = 0;
  for (let i = 0; i < 200; i++) {
    const cdf = 0.5 * (1 + erf(z / Math.SQRT2));
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const step = (target - cdf) / density;
    z += step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, z)) break;
  }
  return sign * z;
}
