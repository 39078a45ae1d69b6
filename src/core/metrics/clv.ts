import { numError } from "../errors";
import { numberArg, wholeArg } from "../validate";

/**
 * Customer lifetime value with a constant margin and retention rate (Gupta & Lehmann
 * 2003, "Customers as assets", eq. 3–4): the margin earned now and in each later period
 * the customer is retained, discounted.
 *
 * CLV = Σ_{t=0}^{n−1} m · rᵗ / (1 + d)ᵗ for n periods, and without n the infinite sum
 * CLV = m · (1 + d) / (1 + d − r).
 *
 * @param margin margin per period (any number)
 * @param retention retention rate per period, 0 ≤ r < 1
 * @param discountRate discount rate per period, d > −1
 * @param periods optional whole number of periods, n ≥ 1
 * @example
 * clv(100, 0.8, 0.1) // => 366.6666666666667
 * clv(100, 0.8, 0.1, 3) // => 225.6198347107438
 */
export function clv(margin: unknown, retention: unknown, discountRate: unknown, periods?: unknown): number {
  const fn = "clv";
  const m = numberArg(margin, "margin", fn);
  const r = numberArg(retention, "retention", fn);
  if (r < 0 || r >= 1) throw numError(`${fn} requires retention to be at least 0 and below 1, not ${r}`);
  const d = numberArg(discountRate, "discount_rate", fn);
  if (d <= -1) throw numError(`${fn} requires discount_rate to be greater than −1, not ${d}`);
  const q = r / (1 + d); // the per-period factor rᵗ/(1+d)ᵗ = qᵗ
  if (periods === undefined) {
    if (q >= 1) throw numError(`${fn} requires retention below 1 + discount_rate for an infinite horizon: give periods`);
    return (m * (1 + d)) / (1 + d - r);
  }
  const n = wholeArg(periods, "periods", fn, 1);
  if (q === 1) return m * n;
  // Summed term by term for short horizons, where it is exact to the last digit.
  if (n <= 1000) {
    let sum = 0;
    let factor = 1;
    for (let t = 0; t < n; t++) {
      sum += m * factor;
      factor *= q;
    }
    return sum;
  }
  return (m * (1 - Math.pow(q, n))) / (1 - q);
}
