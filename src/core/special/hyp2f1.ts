import { numError } from "../errors";

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 (or −1 < z < 0).
 *
 * ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ (Abramowitz & Stegun 15.1.1),
 * summed term by term until a term no longer changes the sum. The models call it
 * with 0 ≤ z < 1 and c not a negative whole number (BG/NBD expectations, sBG's DERL); near z = 1 the
 * series needs many terms, so it stops after `maxTerms` with a #NUM! error rather
 * than return an unconverged sum.
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5) // => 1.3862943611198906 (2·ln 2: ₂F₁ of 1, 1; 2; z is −ln[1 − z]/z)
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 1_000_000): number {
  if (!(Math.abs(z) < 1)) throw numError(`hyp2f1 requires |z| < 1 (got ${z})`);
  if (c <= 0 && Number.isInteger(c)) throw numError(`hyp2f1 requires c not to be 0 or a negative whole number (got ${c})`);
  const settled = Math.abs(a) + Math.abs(b) + Math.abs(c);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    const next = sum + term;
    // Stop once the term is below the last bit of the sum and the terms shrink
    // (past n > |a| + |b| + |c| the term ratio stays below 1 for |z| < 1).
    if (next === sum && n > settled) return sum;
    if (!Number.isFinite(next)) break;
    sum = next;
    if (term === 0) return sum;
  }
  throw numError(`hyp2f1 did not converge after ${maxTerms} terms (a ${a}, b ${b}, c ${c}, z ${z})`);
}
