/**
 * Where a retention curve loses the most: the offset k whose value falls furthest
 * below the value at k − 1 ("find the points where most people are lost").
 *
 * drop(k) = curve[k − 1] − curve[k], in the curve's own units (share of the cohort
 * for retention: the points of the original cohort lost between k − 1 and k).
 *
 * Rules:
 * - blank cells ("", null, undefined, non-finite) are offsets not reached: no drop is
 *   measured into or out of them;
 * - offsets whose support (the number of cohorts that reached them) is below
 *   `minSupport` are left out, so a single old cohort at the tail cannot win;
 * - ties go to the earliest offset;
 * - a curve that never falls has no biggest drop: the result is undefined.
 *
 * @example
 * biggestDrop([1, 0.4, 0.3, 0.28]);
 * // => { offset: 1, from: 1, to: 0.4, drop: 0.6 }
 */
export interface Drop {
  /** the offset after the fall: customers are lost between offset − 1 and offset */
  offset: number;
  from: number;
  to: number;
  drop: number;
}

export type CurveCell = number | string | null | undefined;

export function biggestDrop(curve: readonly CurveCell[], support?: readonly number[], minSupport = 1): Drop | undefined {
  const value = (k: number): number | undefined => {
    const v = curve[k];
    if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
    if (support && (support[k] ?? 0) < minSupport) return undefined;
    return v;
  };
  let best: Drop | undefined;
  for (let k = 1; k < curve.length; k++) {
    const from = value(k - 1);
    const to = value(k);
    if (from === undefined || to === undefined) continue;
    const drop = from - to;
    if (drop > 0 && (best === undefined || drop > best.drop + 1e-12)) best = { offset: k, from, to, drop };
  }
  return best;
}
